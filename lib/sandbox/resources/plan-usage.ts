import type { UserPlanLimits, UserPlanUsage } from "@/lib/catalog/schemas/plan-usage";
import type { Sql } from "../db/sql";
import type { UserRow } from "./user";
import {
  addUsage,
  canRunAiRequest,
  findPlanLimits,
  findUsageCounter,
  findUsageOrganization,
  messagesMeter,
  monthlyPeriod,
  toUsageHistoryRecord,
  usageTotals,
  type PlanLimits,
  type UsageCounterRow,
} from "./usage";

/**
 * A user's plan and usage as /v1/subscriptions/users/{user_id}/usage* show them. Usage is counted
 * per organization (usage.ts): the user's default organization, else the first one they joined.
 * The plan is that organization's (its subscription's, else the tenant's free plan), the limits the
 * AI endpoints enforce; a user without an organization falls back to the plan assigned to them
 * (users.current_plan_id).
 */

export interface UserPlan {
  organizationId: string | null;
  limits: PlanLimits;
}

async function assignedPlan(sql: Sql, user: UserRow): Promise<PlanLimits | undefined> {
  if (!user.current_plan_id) return undefined;
  const row = await sql.get<{
    id: string;
    name: string;
    max_messages_per_month: number | null;
    max_cost_usd_per_month: number | null;
  }>(`SELECT id, name, max_messages_per_month, max_cost_usd_per_month FROM plans WHERE tenant_id = ? AND id = ?`, [
    user.tenant_id,
    user.current_plan_id,
  ]);
  return (
    row && {
      planId: row.id,
      planName: row.name,
      maxMessages: row.max_messages_per_month,
      maxCostUsd: row.max_cost_usd_per_month,
    }
  );
}

/** The plan the user's usage counts against; undefined when there is none. */
export async function findUserPlan(sql: Sql, user: UserRow): Promise<UserPlan | undefined> {
  const organizationId = (await findUsageOrganization(sql, user.tenant_id, user.id)) ?? null;
  const limits = organizationId
    ? await findPlanLimits(sql, user.tenant_id, organizationId)
    : await assignedPlan(sql, user);
  return limits && { organizationId, limits };
}

/** The usage record of the current period, created (with zero counts) at first read so its id is stable. */
export async function currentUsageRecord(
  sql: Sql,
  user: UserRow,
  plan: UserPlan & { organizationId: string },
  now: Date,
): Promise<UserPlanUsage> {
  const key = { tenantId: user.tenant_id, organizationId: plan.organizationId, userId: user.id };
  const period = monthlyPeriod(now);
  let row: UsageCounterRow | undefined = await findUsageCounter(sql, key, period);
  if (!row) {
    await addUsage(sql, key, plan.limits.planId, {}, now);
    row = (await findUsageCounter(sql, key, period))!;
  }
  return toUsageHistoryRecord(row);
}

/** The plan's limits and how much of them the current period has used. */
export async function userPlanLimits(sql: Sql, user: UserRow, plan: UserPlan, now: Date): Promise<UserPlanLimits> {
  const row = plan.organizationId
    ? await findUsageCounter(
        sql,
        { tenantId: user.tenant_id, organizationId: plan.organizationId, userId: user.id },
        monthlyPeriod(now),
      )
    : undefined;
  const used = usageTotals(row);
  const messages = messagesMeter(plan.limits, used);
  return {
    limits: {
      plan_id: plan.limits.planId,
      plan_name: plan.limits.planName,
      max_messages_per_month: plan.limits.maxMessages,
      max_cost_usd_per_month: plan.limits.maxCostUsd,
      messages_used: used.messages,
      messages_remaining: messages.remaining === "unlimited" ? null : messages.remaining,
      within_limits: canRunAiRequest(plan.limits, used),
    },
  };
}

/** Sets the user's own plan (users.current_plan_id). */
export async function assignUserPlan(
  sql: Sql,
  tenantId: string,
  userId: string,
  planId: string,
  now: Date,
): Promise<void> {
  await sql.run(`UPDATE users SET current_plan_id = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`, [
    planId,
    now.toISOString(),
    tenantId,
    userId,
  ]);
}
