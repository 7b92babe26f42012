import { randomBytes } from "node:crypto";
import { isoTime, type Sql } from "../db/sql";
import {
  findActiveOrgSubscription,
  findSubscription,
  insertOrgSubscription,
  periodEnd,
  type BillingCycle,
  type SubscriptionRow,
} from "./org-subscription";
import { planPrice, toCents, type PlanRow } from "./plan";

/**
 * What happens to a subscription over its life beyond create/update/cancel (org-subscription.ts):
 * paid checkouts, upgrades and scheduled downgrades, resuming a cancellation.
 */

const stripeLikeId = (prefix: "cus" | "sub") => `${prefix}_sandbox_${randomBytes(12).toString("hex")}`;

/** The organization's latest subscription whatever its status. */
export const findLatestOrgSubscription = async (
  sql: Sql,
  tenantId: string,
  organizationId: string,
): Promise<SubscriptionRow | undefined> =>
  await sql.get<SubscriptionRow>(
    `SELECT * FROM subscriptions WHERE tenant_id = ? AND organization_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
    [tenantId, organizationId],
  );

/** Whether the subscription's access is over: cancelled, or scheduled to cancel and past its period end. */
export const hasEnded = (row: SubscriptionRow, now: Date): boolean =>
  row.current_period_end <= isoTime(now) && (row.status === "cancelled" || row.cancel_at_period_end === 1);

/** Whether resume applies: a pending cancellation, or a cancellation whose paid period has not run out. */
export const canResume = (row: SubscriptionRow, now: Date): boolean =>
  !hasEnded(row, now) && (row.cancel_at_period_end === 1 || row.status === "cancelled");

/** Undoes a cancellation: clears cancel_at_period_end and a scheduled downgrade, and reactivates a cancelled subscription. */
export async function resumeSubscription(sql: Sql, tenantId: string, id: string, now: Date): Promise<SubscriptionRow> {
  await sql.run(
    `UPDATE subscriptions SET status = 'active', cancel_at_period_end = 0, pending_plan_id = NULL, canceled_at = NULL, updated_at = ? WHERE tenant_id = ? AND id = ?`,
    [isoTime(now), tenantId, id],
  );
  return (await findSubscription(sql, tenantId, id))!;
}

/** Upgrade: the plan changes now; a scheduled downgrade or cancellation is dropped. */
export async function changePlanNow(
  sql: Sql,
  tenantId: string,
  id: string,
  planId: string,
  now: Date,
): Promise<SubscriptionRow> {
  await sql.run(
    `UPDATE subscriptions SET plan_id = ?, pending_plan_id = NULL, cancel_at_period_end = 0, updated_at = ? WHERE tenant_id = ? AND id = ?`,
    [planId, isoTime(now), tenantId, id],
  );
  return (await findSubscription(sql, tenantId, id))!;
}

/** Downgrade: the current plan stays until the period ends (cancel_at_period_end), then `planId` (pending_plan_id) takes over. */
export async function scheduleDowngrade(
  sql: Sql,
  tenantId: string,
  id: string,
  planId: string,
  now: Date,
): Promise<SubscriptionRow> {
  await sql.run(
    `UPDATE subscriptions SET cancel_at_period_end = 1, pending_plan_id = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
    [planId, isoTime(now), tenantId, id],
  );
  return (await findSubscription(sql, tenantId, id))!;
}

/**
 * The prorated charge of moving from `from` to `to` now: the price difference for the share of
 * the current period that is left, in cents (0 when nothing is owed).
 */
export function prorationCents(row: SubscriptionRow, from: PlanRow, to: PlanRow, now: Date): number {
  const start = Date.parse(row.current_period_start);
  const end = Date.parse(row.current_period_end);
  const left = end > start ? Math.min(1, Math.max(0, (end - now.getTime()) / (end - start))) : 0;
  const diff = planPrice(to, row.billing_cycle) - planPrice(from, row.billing_cycle);
  return Math.max(0, toCents(diff * left));
}

export interface PaidCheckout {
  organizationId: string;
  userId: string | null;
  plan: PlanRow;
  billingCycle: BillingCycle;
}

/**
 * A completed checkout: the organization's active subscription moves to the plan with a fresh
 * period starting now, or a new one starts; either way active, with Stripe-like ids. Call inside a transaction.
 */
export async function activatePaidSubscription(
  sql: Sql,
  tenantId: string,
  c: PaidCheckout,
  now: Date,
): Promise<SubscriptionRow> {
  const current =
    (await findActiveOrgSubscription(sql, tenantId, c.organizationId, now)) ??
    (await insertOrgSubscription(
      sql,
      tenantId,
      { organizationId: c.organizationId, userId: c.userId, planId: c.plan.id, billingCycle: c.billingCycle },
      now,
    ));
  const at = isoTime(now);
  await sql.run(
    `UPDATE subscriptions SET plan_id = ?, pending_plan_id = NULL, billing_cycle = ?, status = 'active', current_period_start = ?, current_period_end = ?,
       cancel_at_period_end = 0, canceled_at = NULL, stripe_customer_id = COALESCE(stripe_customer_id, ?),
       stripe_subscription_id = COALESCE(stripe_subscription_id, ?), updated_at = ? WHERE tenant_id = ? AND id = ?`,
    [
      c.plan.id,
      c.billingCycle,
      at,
      isoTime(periodEnd(now, c.billingCycle)),
      stripeLikeId("cus"),
      stripeLikeId("sub"),
      at,
      tenantId,
      current.id,
    ],
  );
  return (await findSubscription(sql, tenantId, current.id))!;
}
