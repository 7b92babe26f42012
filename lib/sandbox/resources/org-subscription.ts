import type { Subscription } from "@/lib/catalog/schemas/subscription";
import { isoTime, isTrue, newId, parseJson, toJson, type Sql, type SqlValue } from "../db/sql";
import type { PlanRow } from "./plan";

export type { PlanRow } from "./plan";

/** An organization's subscription to a plan (the organizations endpoints' view of `subscriptions`). */

export type BillingCycle = Subscription["billing_cycle"];
export type SubscriptionStatus = Subscription["status"];

/** The tenant's free plan: its limits apply to an organization without a subscription. */
export const findFreePlan = async (sql: Sql, tenantId: string): Promise<PlanRow | undefined> =>
  await sql.get<PlanRow>(
    `SELECT * FROM plans WHERE tenant_id = ? AND is_free = 1 AND is_active = 1 ORDER BY sort_order, id LIMIT 1`,
    [tenantId],
  );

/** A row of `subscriptions`. */
export interface SubscriptionRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  user_id: string | null;
  plan_id: string;
  pending_plan_id: string | null;
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  billing_cycle: BillingCycle;
  status: SubscriptionStatus;
  current_period_start: string;
  current_period_end: string;
  cancel_at_period_end: number;
  canceled_at: string | null;
  trial_start: string | null;
  trial_end: string | null;
  metadata: string;
  created_at: string;
  updated_at: string;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    plan_id: row.plan_id,
    organization_id: row.organization_id,
    tenant_id: row.tenant_id,
    stripe_customer_id: row.stripe_customer_id,
    stripe_subscription_id: row.stripe_subscription_id,
    billing_cycle: row.billing_cycle,
    status: row.status,
    current_period_start: row.current_period_start,
    current_period_end: row.current_period_end,
    cancel_at_period_end: isTrue(row.cancel_at_period_end),
    canceled_at: row.canceled_at,
    trial_start: row.trial_start,
    trial_end: row.trial_end,
    subscription_metadata: parseJson<Record<string, unknown>>(row.metadata, {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/**
 * "Active": status active or trialing. A subscription scheduled to cancel stays active until its
 * period ends; past that it no longer counts (nothing rewrites the row: no background jobs).
 */
const ACTIVE = `status IN ('active', 'trialing') AND NOT (cancel_at_period_end = 1 AND current_period_end <= ?)`;

/** The organization's active subscription, the newest if there were several. */
export const findActiveOrgSubscription = async (
  sql: Sql,
  tenantId: string,
  organizationId: string,
  now: Date,
): Promise<SubscriptionRow | undefined> =>
  await sql.get<SubscriptionRow>(
    `SELECT * FROM subscriptions WHERE tenant_id = ? AND organization_id = ? AND ${ACTIVE} ORDER BY created_at DESC, id DESC LIMIT 1`,
    [tenantId, organizationId, isoTime(now)],
  );

export const findSubscription = async (sql: Sql, tenantId: string, id: string): Promise<SubscriptionRow | undefined> =>
  await sql.get<SubscriptionRow>(`SELECT * FROM subscriptions WHERE tenant_id = ? AND id = ?`, [tenantId, id]);

/** `date` plus whole months, the day clamped to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return target;
}

export const periodEnd = (start: Date, cycle: BillingCycle): Date => addMonths(start, cycle === "yearly" ? 12 : 1);

/** Starts an active subscription now, for one billing period; no Stripe ids (nothing was paid through Stripe). */
export async function insertOrgSubscription(
  sql: Sql,
  tenantId: string,
  s: {
    organizationId: string;
    userId: string | null;
    planId: string;
    billingCycle?: BillingCycle;
    metadata?: Record<string, unknown>;
  },
  now: Date,
): Promise<SubscriptionRow> {
  const id = newId();
  const cycle = s.billingCycle ?? "monthly";
  const at = isoTime(now);
  await sql.run(
    `INSERT INTO subscriptions (id, tenant_id, organization_id, user_id, plan_id, pending_plan_id, stripe_customer_id, stripe_subscription_id, billing_cycle, status,
       current_period_start, current_period_end, cancel_at_period_end, canceled_at, trial_start, trial_end, metadata, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, 'active', ?, ?, 0, NULL, NULL, NULL, ?, ?, ?)`,
    [
      id,
      tenantId,
      s.organizationId,
      s.userId,
      s.planId,
      cycle,
      at,
      isoTime(periodEnd(now, cycle)),
      toJson(s.metadata ?? {}),
      at,
      at,
    ],
  );
  return (await findSubscription(sql, tenantId, id))!;
}

/** Changes only the fields given; the metadata object is replaced, not merged. */
export async function updateSubscription(
  sql: Sql,
  tenantId: string,
  id: string,
  changes: { planId?: string; billingCycle?: BillingCycle; metadata?: Record<string, unknown> },
  now: Date,
): Promise<SubscriptionRow> {
  const fields: Array<[string, SqlValue | undefined]> = [
    ["plan_id", changes.planId],
    ["billing_cycle", changes.billingCycle],
    ["metadata", changes.metadata === undefined ? undefined : toJson(changes.metadata)],
  ];
  const sets: string[] = [];
  const params: SqlValue[] = [];
  for (const [column, value] of fields) {
    if (value === undefined) continue;
    sets.push(`${column} = ?`);
    params.push(value);
  }
  sets.push("updated_at = ?");
  params.push(isoTime(now), tenantId, id);
  await sql.run(`UPDATE subscriptions SET ${sets.join(", ")} WHERE tenant_id = ? AND id = ?`, params);
  return (await findSubscription(sql, tenantId, id))!;
}

/**
 * At period end: stays active with cancel_at_period_end (access until current_period_end).
 * Immediately: status cancelled, canceled_at now.
 */
export async function cancelSubscription(
  sql: Sql,
  tenantId: string,
  id: string,
  atPeriodEnd: boolean,
  now: Date,
): Promise<SubscriptionRow> {
  const at = isoTime(now);
  if (atPeriodEnd) {
    await sql.run(`UPDATE subscriptions SET cancel_at_period_end = 1, updated_at = ? WHERE tenant_id = ? AND id = ?`, [
      at,
      tenantId,
      id,
    ]);
  } else {
    await sql.run(
      `UPDATE subscriptions SET status = 'cancelled', cancel_at_period_end = 0, canceled_at = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
      [at, at, tenantId, id],
    );
  }
  return (await findSubscription(sql, tenantId, id))!;
}
