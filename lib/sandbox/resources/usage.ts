import { IMPLIED_DETAIL, SHARED_DETAIL } from "@/lib/catalog/errors";
import type { CurrentUsage, UsageBreakdown, UsageHistoryRecord, UsageStats } from "@/lib/catalog/schemas/usage";
import { isoTime, newId, parseJson, type Sql } from "../db/sql";
import { ApiError } from "../errors";
import { findActiveMembership } from "./membership";
import { findActiveOrgSubscription, findFreePlan } from "./org-subscription";
import { usagePeriod, type UsageCounterRow } from "./org-usage";
import { findPlan } from "./plan";

export type { UsageCounterRow };

/**
 * Usage counters: one row per user, organization and calendar month (UTC). Limits come from the
 * organization's subscription plan, or the tenant's free plan when it has none. The sandbox prices
 * AI usage at a flat rate per token, so a tokens amount is measured against the plan's AI budget
 * (max_cost_usd_per_month) converted to tokens; messages against max_messages_per_month.
 */

/** USD per token: $0.01 per 1,000 tokens. */
export const USD_PER_TOKEN = 0.00001;

/** The limits in force for an organization: the plan's, null meaning unlimited. */
export interface PlanLimits {
  planId: string;
  planName: string;
  maxMessages: number | null;
  maxCostUsd: number | null;
}

/** The usage period: the calendar month (UTC) of org-usage's usagePeriod. */
export type Period = ReturnType<typeof usagePeriod>;
export const monthlyPeriod = (now: Date): Period => usagePeriod(now);

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
export const tokenCost = (tokens: number): number => round(tokens * USD_PER_TOKEN, 6);

/** The plan of the organization's active subscription, else the tenant's free plan; undefined when the tenant has neither. */
export async function findPlanLimits(
  sql: Sql,
  tenantId: string,
  organizationId: string,
  now = new Date(),
): Promise<PlanLimits | undefined> {
  const subscription = await findActiveOrgSubscription(sql, tenantId, organizationId, now);
  const plan =
    (subscription && (await findPlan(sql, tenantId, subscription.plan_id))) ?? (await findFreePlan(sql, tenantId));
  if (!plan) return undefined;
  return {
    planId: plan.id,
    planName: plan.name,
    maxMessages: plan.max_messages_per_month,
    maxCostUsd: plan.max_cost_usd_per_month,
  };
}

/** 403 unless the user is an active member of the organization (an unknown organization is no membership either). */
export async function requireMembership(
  sql: Sql,
  tenantId: string,
  organizationId: string,
  userId: string,
): Promise<void> {
  if (!(await findActiveMembership(sql, tenantId, organizationId, userId)))
    throw new ApiError(403, IMPLIED_DETAIL.notMember);
}

/**
 * The organization a user's AI usage is counted against: the default organization while the user
 * is still an active member of it, else the organization they joined first; undefined without any.
 */
export async function findUsageOrganization(sql: Sql, tenantId: string, userId: string): Promise<string | undefined> {
  const row = await sql.get<{ organization_id: string }>(
    `SELECT m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id
     WHERE m.tenant_id = ? AND m.user_id = ? AND m.is_active = 1
     ORDER BY CASE WHEN m.organization_id = u.default_organization_id THEN 0 ELSE 1 END, m.joined_at, m.id LIMIT 1`,
    [tenantId, userId],
  );
  return row?.organization_id;
}

export interface UsageKey {
  tenantId: string;
  organizationId: string;
  userId: string;
}

export const findUsageCounter = async (sql: Sql, key: UsageKey, period: Period): Promise<UsageCounterRow | undefined> =>
  await sql.get<UsageCounterRow>(
    `SELECT * FROM usage_counters WHERE tenant_id = ? AND organization_id = ? AND user_id = ? AND period_start = ?`,
    [key.tenantId, key.organizationId, key.userId, period.start],
  );

/** What a user has used in the period (zeros before the first use). */
export interface UsageTotals {
  messages: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
}

export function usageTotals(row: UsageCounterRow | undefined): UsageTotals {
  if (!row) return { messages: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 };
  return {
    messages: row.messages,
    tokensIn: row.tokens_in,
    tokensOut: row.tokens_out,
    costUsd: round(row.cost_usd, 6),
  };
}

export interface UsageDelta {
  messages?: number;
  tokensIn?: number;
  tokensOut?: number;
}

/** Adds to the period's counter, creating it at first use; the cost follows the tokens. */
export async function addUsage(
  sql: Sql,
  key: UsageKey,
  planId: string | null,
  delta: UsageDelta,
  now: Date,
): Promise<void> {
  const period = usagePeriod(now);
  const at = isoTime(now);
  const tokensIn = delta.tokensIn ?? 0;
  const tokensOut = delta.tokensOut ?? 0;
  await sql.run(
    `INSERT INTO usage_counters (id, tenant_id, organization_id, user_id, plan_id, period_start, period_end, messages, tokens_in, tokens_out, cost_usd, metadata, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)
     ON CONFLICT (tenant_id, organization_id, user_id, period_start) DO UPDATE SET
       plan_id = excluded.plan_id,
       messages = usage_counters.messages + excluded.messages,
       tokens_in = usage_counters.tokens_in + excluded.tokens_in,
       tokens_out = usage_counters.tokens_out + excluded.tokens_out,
       cost_usd = usage_counters.cost_usd + excluded.cost_usd,
       updated_at = excluded.updated_at`,
    [
      newId(),
      key.tenantId,
      key.organizationId,
      key.userId,
      planId,
      period.start,
      period.end,
      delta.messages ?? 0,
      tokensIn,
      tokensOut,
      tokenCost(tokensIn + tokensOut),
      at,
      at,
    ],
  );
}

/** The user's period records in an organization, newest period first. */
export const listUsageCounters = async (
  sql: Sql,
  key: UsageKey,
  limit: number,
  offset: number,
): Promise<UsageCounterRow[]> =>
  await sql.all<UsageCounterRow>(
    `SELECT * FROM usage_counters WHERE tenant_id = ? AND organization_id = ? AND user_id = ? ORDER BY period_start DESC, id LIMIT ? OFFSET ?`,
    [key.tenantId, key.organizationId, key.userId, limit, offset],
  );

export function toUsageHistoryRecord(row: UsageCounterRow): UsageHistoryRecord {
  return {
    id: row.id,
    organization_id: row.organization_id,
    user_id: row.user_id,
    plan_id: row.plan_id,
    period_start: row.period_start,
    period_end: row.period_end,
    messages_count: row.messages,
    tokens_count: row.tokens_in + row.tokens_out,
    usage_metadata: {
      ...parseJson<Record<string, unknown>>(row.metadata, {}),
      cost_usd: round(row.cost_usd, 6),
      input_tokens: row.tokens_in,
      output_tokens: row.tokens_out,
    },
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

// ── Limits ──

export type LimitValue = number | "unlimited";

/** One limited counter: what is used, the limit, what is left. */
export interface Meter {
  current: number;
  max: LimitValue;
  remaining: LimitValue;
}

function meter(current: number, max: number | null, digits: number): Meter {
  if (max === null) return { current, max: "unlimited", remaining: "unlimited" };
  return { current, max, remaining: round(Math.max(0, max - current), digits) };
}

export const messagesMeter = (limits: PlanLimits | undefined, used: UsageTotals): Meter =>
  meter(used.messages, limits?.maxMessages ?? null, 0);

export const costMeter = (limits: PlanLimits | undefined, used: UsageTotals): Meter =>
  meter(used.costUsd, limits?.maxCostUsd ?? null, 6);

/** Tokens against the AI budget converted at USD_PER_TOKEN. */
export function tokensMeter(limits: PlanLimits | undefined, used: UsageTotals): Meter {
  const budget = limits?.maxCostUsd ?? null;
  return meter(
    used.tokensIn + used.tokensOut,
    budget === null ? null : Math.floor(round(budget / USD_PER_TOKEN, 6)),
    0,
  );
}

/** Whether `amount` more fits in the meter. */
export const fits = (m: Meter, amount: number): boolean => m.max === "unlimited" || m.current + amount <= m.max;

/**
 * Whether one more AI request (agent chat, completion) may run: a message must be left and the
 * AI budget not spent. Its tokens are only known afterwards, so the last request may overshoot the budget.
 */
export function canRunAiRequest(limits: PlanLimits | undefined, used: UsageTotals): boolean {
  const cost = costMeter(limits, used);
  return fits(messagesMeter(limits, used), 1) && (cost.max === "unlimited" || cost.current < cost.max);
}

function usagePercentage(m: Meter): number {
  if (m.max === "unlimited") return 0;
  if (m.max === 0) return m.current > 0 ? 100 : 0;
  return Math.min(100, round((m.current / m.max) * 100, 2));
}

export function toUsageBreakdown(limits: PlanLimits | undefined, used: UsageTotals): UsageBreakdown {
  const messages = messagesMeter(limits, used);
  const cost = costMeter(limits, used);
  return {
    messages: { ...messages, percentage: usagePercentage(messages) },
    cost_usd: { ...cost, percentage: usagePercentage(cost) },
    tokens: { total: used.tokensIn + used.tokensOut, input: used.tokensIn, output: used.tokensOut },
  };
}

export function toCurrentUsage(limits: PlanLimits, used: UsageTotals, period: Period): CurrentUsage {
  return {
    period_start: period.start,
    period_end: period.end,
    plan_name: limits.planName,
    plan_id: limits.planId,
    usage: toUsageBreakdown(limits, used),
    error: null,
  };
}

export const NO_PLAN_ERROR = "No active subscription found for this organization";

export function toUsageStats(limits: PlanLimits | undefined, used: UsageTotals, period: Period): UsageStats {
  if (!limits)
    return { period_start: null, period_end: null, plan_name: null, plan_id: null, usage: {}, error: NO_PLAN_ERROR };
  return toCurrentUsage(limits, used, period);
}

/** Custom-entity counters of an organization, read from the entity tables. */
export async function countEntities(
  sql: Sql,
  tenantId: string,
  organizationId: string,
): Promise<{ schemas: number; records: number }> {
  const schemas = await sql.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM entity_schemas WHERE tenant_id = ? AND organization_id = ?`,
    [tenantId, organizationId],
  );
  const records = await sql.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM entity_records WHERE tenant_id = ? AND organization_id = ?`,
    [tenantId, organizationId],
  );
  return { schemas: Number(schemas?.n ?? 0), records: Number(records?.n ?? 0) };
}

/** Where an AI request (agent chat, completion) is counted, and the limits that apply. */
export interface AiUsageAccount {
  key: UsageKey;
  limits: PlanLimits | undefined;
}

/**
 * The account an AI request of the user is charged to, or 402 when it may not run: the user
 * belongs to no organization (no plan to charge), or the plan has no message or AI budget left.
 */
export async function requireAiUsageAllowance(
  sql: Sql,
  tenantId: string,
  userId: string,
  now: Date,
): Promise<AiUsageAccount> {
  const organizationId = await findUsageOrganization(sql, tenantId, userId);
  if (!organizationId) throw new ApiError(402, SHARED_DETAIL.usageLimitExceeded);
  const key = { tenantId, organizationId, userId };
  const limits = await findPlanLimits(sql, tenantId, organizationId, now);
  if (!canRunAiRequest(limits, usageTotals(await findUsageCounter(sql, key, usagePeriod(now)))))
    throw new ApiError(402, SHARED_DETAIL.usageLimitExceeded);
  return { key, limits };
}

/** Records one AI request and its tokens. */
export const recordAiRequest = (
  sql: Sql,
  account: AiUsageAccount,
  tokensIn: number,
  tokensOut: number,
  now: Date,
): Promise<void> =>
  addUsage(sql, account.key, account.limits?.planId ?? null, { messages: 1, tokensIn, tokensOut }, now);
