import type { OrganizationUsageStats } from "@/lib/catalog/schemas/organization-usage";
import { isoTime, newId, type Sql } from "../db/sql";

/** An organization's usage: `usage_counters` rows (one per user, organization and monthly period) read per organization. */

/** The usage period containing `now`: the calendar month in UTC. */
export function usagePeriod(now: Date): { start: string; end: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start: isoTime(start), end: isoTime(end) };
}

/** A row of `usage_counters`. */
export interface UsageCounterRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  user_id: string;
  plan_id: string | null;
  period_start: string;
  period_end: string;
  messages: number;
  tokens_in: number;
  tokens_out: number;
  cost_usd: number;
  metadata: string;
  created_at: string;
  updated_at: string;
}

/**
 * The user's counter in the organization for the current period, created (at zero) when the user
 * has none yet. ON CONFLICT keeps it one row per period even when two requests race.
 */
export async function ensureUsageCounter(
  sql: Sql,
  tenantId: string,
  organizationId: string,
  userId: string,
  planId: string | null,
  now: Date,
): Promise<UsageCounterRow> {
  const { start, end } = usagePeriod(now);
  const at = isoTime(now);
  await sql.run(
    `INSERT INTO usage_counters (id, tenant_id, organization_id, user_id, plan_id, period_start, period_end, messages, tokens_in, tokens_out, cost_usd, metadata, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '{}', ?, ?)
     ON CONFLICT (tenant_id, organization_id, user_id, period_start) DO NOTHING`,
    [newId(), tenantId, organizationId, userId, planId, start, end, at, at],
  );
  return (await sql.get<UsageCounterRow>(
    `SELECT * FROM usage_counters WHERE tenant_id = ? AND organization_id = ? AND user_id = ? AND period_start = ?`,
    [tenantId, organizationId, userId, start],
  ))!;
}

export interface OrganizationTotals {
  messages: number;
  tokens: number;
  costUsd: number;
  activeUsers: number;
}

/** The organization's usage in the current period, summed over its members in SQL. */
export async function organizationTotals(
  sql: Sql,
  tenantId: string,
  organizationId: string,
  now: Date,
): Promise<OrganizationTotals> {
  const row = await sql.get<{
    messages: number | null;
    tokens: number | null;
    cost: number | null;
    active_users: number;
  }>(
    `SELECT SUM(messages) AS messages, SUM(tokens_in + tokens_out) AS tokens, SUM(cost_usd) AS cost,
       COUNT(DISTINCT CASE WHEN messages > 0 OR tokens_in + tokens_out > 0 OR cost_usd > 0 THEN user_id END) AS active_users
     FROM usage_counters WHERE tenant_id = ? AND organization_id = ? AND period_start = ?`,
    [tenantId, organizationId, usagePeriod(now).start],
  );
  return {
    messages: row?.messages ?? 0,
    tokens: row?.tokens ?? 0,
    costUsd: row?.cost ?? 0,
    activeUsers: row?.active_users ?? 0,
  };
}

export function toOrganizationUsageStats(
  organizationId: string,
  planId: string | null,
  totals: OrganizationTotals,
  now: Date,
): OrganizationUsageStats {
  const { start, end } = usagePeriod(now);
  return {
    organization_id: organizationId,
    plan_id: planId,
    period_start: start,
    period_end: end,
    messages_count: totals.messages,
    tokens_count: totals.tokens,
    cost_usd: Math.round(totals.costUsd * 1e6) / 1e6,
    active_users: totals.activeUsers,
  };
}
