import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, jsonObject, uuid } from "../primitives";

/*
 * The seed only says "object - Aggregated usage for the organization", "object - User's usage within
 * this organization" and "object - Current limit details". The shapes below follow the seed's usage
 * record (GET /v1/subscriptions/users/{user_id}/usage) and the plan's limit fields.
 */

const count = () => z.number().int().min(0);

/** Usage of a whole organization in the current billing period, summed over its members. */
export const OrganizationUsageStats = z
  .object({
    organization_id: uuid(),
    plan_id: uuid().nullable().describe("Plan of the organization's active subscription; null without one"),
    period_start: datetime(),
    period_end: datetime(),
    messages_count: count().describe("AI requests in the period"),
    tokens_count: count().describe("Tokens in the period"),
    cost_usd: z.number().min(0).describe("AI usage cost in the period, in USD"),
    active_users: count().describe("Members with usage in the period"),
  })
  .meta({ title: "OrganizationUsageStats" });
export type OrganizationUsageStats = z.infer<typeof OrganizationUsageStats>;

export const organizationUsageStatsExample: OrganizationUsageStats = {
  organization_id: EXAMPLE_IDS.organization,
  plan_id: EXAMPLE_IDS.plan,
  period_start: "2024-01-01T00:00:00Z",
  period_end: "2024-02-01T00:00:00Z",
  messages_count: 450,
  tokens_count: 125000,
  cost_usd: 23.5,
  active_users: 3,
};

export const OrganizationUsageResponse = z
  .object({ usage_stats: OrganizationUsageStats })
  .meta({ title: "OrganizationUsageResponse" });

/** One user's usage record within an organization for the current period. */
export const UserOrganizationUsage = z
  .object({
    id: uuid(),
    organization_id: uuid(),
    user_id: uuid(),
    plan_id: uuid().nullable(),
    period_start: datetime(),
    period_end: datetime(),
    messages_count: count(),
    tokens_count: count(),
    usage_metadata: jsonObject(),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "UserOrganizationUsage" });
export type UserOrganizationUsage = z.infer<typeof UserOrganizationUsage>;

export const userOrganizationUsageExample: UserOrganizationUsage = {
  id: "6f0e8400-e29b-41d4-a716-446655440017",
  organization_id: EXAMPLE_IDS.organization,
  user_id: EXAMPLE_IDS.otherUser,
  plan_id: EXAMPLE_IDS.plan,
  period_start: "2024-01-01T00:00:00Z",
  period_end: "2024-02-01T00:00:00Z",
  messages_count: 120,
  tokens_count: 34000,
  usage_metadata: {},
  created_at: "2024-01-01T00:00:00Z",
  updated_at: EXAMPLE_TIME,
};

export const UserOrganizationUsageResponse = z
  .object({ usage: UserOrganizationUsage })
  .meta({ title: "UserOrganizationUsageResponse" });

/** The organization's limits and where the requested amounts would take it. */
export const OrganizationUsageLimits = z
  .object({
    plan_id: uuid().nullable(),
    max_messages_per_month: count().nullable().describe("null means unlimited"),
    max_tokens_per_month: count().nullable().describe("null means unlimited"),
    current_messages: count(),
    current_tokens: count(),
    projected_messages: count().describe("current_messages + additional_messages"),
    projected_tokens: count().describe("current_tokens + additional_tokens"),
  })
  .meta({ title: "OrganizationUsageLimits" });

export const UsageCheckResult = z
  .object({
    would_exceed: z.boolean().describe("Whether the additional usage would exceed a limit"),
    limits: OrganizationUsageLimits.describe("Current limit details"),
  })
  .meta({ title: "OrganizationUsageCheckResult" });
export type UsageCheckResult = z.infer<typeof UsageCheckResult>;

export const usageCheckResultExample: UsageCheckResult = {
  would_exceed: false,
  limits: {
    plan_id: EXAMPLE_IDS.plan,
    max_messages_per_month: 1000,
    max_tokens_per_month: null,
    current_messages: 450,
    current_tokens: 125000,
    projected_messages: 460,
    projected_tokens: 125000,
  },
};

export const usageCheckExceededExample: UsageCheckResult = {
  would_exceed: true,
  limits: { ...usageCheckResultExample.limits, projected_messages: 1050 },
};
