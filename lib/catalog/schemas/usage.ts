import { z } from "zod";
import { UserPlanUsage } from "./plan-usage";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, jsonObject, uuid } from "../primitives";

/** A limit or what is left of it: a number, or the string "unlimited" when the plan sets no limit. */
const limitValue = () => z.union([z.number().min(0), z.literal("unlimited")]);
const percentage = () => z.number().min(0).max(100).describe("Share of the limit used, 0-100");

export const USAGE_TYPES = ["tokens", "messages"] as const;
export const usageType = () => z.enum(USAGE_TYPES);

/** One limited counter of the current period (messages, or AI cost in USD). */
export const UsageCounter = z.object({
  current: z.number().min(0).describe("Used in the current period"),
  max: limitValue().describe('Allowed in the period, or "unlimited"'),
  remaining: limitValue().describe('Left in the period, or "unlimited"'),
  percentage: percentage(),
});

/** Usage of the current period by type. */
export const UsageBreakdown = z
  .object({
    messages: UsageCounter.describe("AI requests (messages) in the current period"),
    cost_usd: UsageCounter.describe("AI cost in USD in the current period"),
    tokens: z
      .object({
        total: z.number().int().min(0).describe("Total tokens used"),
        input: z.number().int().min(0).describe("Input (prompt) tokens"),
        output: z.number().int().min(0).describe("Output (completion) tokens"),
      })
      .describe("Tokens used in the current period (reported only; plans limit cost and messages)"),
  })
  .meta({ title: "UsageBreakdown" });
export type UsageBreakdown = z.infer<typeof UsageBreakdown>;

export const usageBreakdownExample: UsageBreakdown = {
  messages: { current: 450, max: 1000, remaining: 550, percentage: 45.0 },
  cost_usd: { current: 23.5, max: 100.0, remaining: 76.5, percentage: 23.5 },
  tokens: { total: 125000, input: 75000, output: 50000 },
};

/** GET /v1/api/usage/current: the user's usage in the organization's current billing period. */
export const CurrentUsage = z
  .object({
    period_start: datetime().describe("Start of the current usage period"),
    period_end: datetime().describe("End of the current usage period"),
    plan_name: z.string().describe("Name of the plan whose limits apply"),
    plan_id: uuid(),
    usage: UsageBreakdown,
    error: z.string().nullable().describe("Error message if any, otherwise null"),
  })
  .meta({ title: "CurrentUsage" });
export type CurrentUsage = z.infer<typeof CurrentUsage>;

export const currentUsageExample: CurrentUsage = {
  period_start: "2024-01-01T00:00:00Z",
  period_end: "2024-02-01T00:00:00Z",
  plan_name: "Pro Plan",
  plan_id: EXAMPLE_IDS.plan,
  usage: usageBreakdownExample,
  error: null,
};

/** One period's usage record: the same record as GET /v1/subscriptions/users/{user_id}/usage answers. */
export const UsageHistoryRecord = UserPlanUsage;
export type UsageHistoryRecord = z.infer<typeof UsageHistoryRecord>;

export const usageHistoryRecordExample: UsageHistoryRecord = {
  id: "6f0e8400-e29b-41d4-a716-446655440017",
  organization_id: EXAMPLE_IDS.organization,
  user_id: EXAMPLE_IDS.user,
  plan_id: EXAMPLE_IDS.plan,
  period_start: "2024-01-01T00:00:00Z",
  period_end: "2024-02-01T00:00:00Z",
  messages_count: 450,
  tokens_count: 125000,
  usage_metadata: { cost_usd: 23.5 },
  created_at: "2024-01-01T00:00:00Z",
  updated_at: EXAMPLE_TIME,
};

/** GET /v1/api/usage/entity-usage: custom-entity counters of an organization. */
export const EntityUsage = z
  .object({
    organization_id: uuid(),
    schemas_count: z.number().int().min(0).describe("Entity schemas defined in the organization"),
    records_count: z.number().int().min(0).describe("Entity records stored across all schemas"),
  })
  .meta({ title: "EntityUsage" });
export type EntityUsage = z.infer<typeof EntityUsage>;

export const entityUsageExample: EntityUsage = {
  organization_id: EXAMPLE_IDS.organization,
  schemas_count: 3,
  records_count: 1250,
};

/** GET /v1/usage/stats: like CurrentUsage, but every field may be null (e.g. no active plan, with error set). */
export const UsageStats = z
  .object({
    period_start: datetime().nullable(),
    period_end: datetime().nullable(),
    plan_name: z.string().nullable(),
    plan_id: uuid().nullable(),
    usage: UsageBreakdown.partial().describe(
      "Usage stats by type (messages, cost_usd, tokens: the same blocks as /v1/api/usage/current); blocks may be missing when error is set",
    ),
    error: z.string().nullable().describe("Why the stats are incomplete, e.g. no active plan; otherwise null"),
  })
  .meta({ title: "UsageStats" });
export type UsageStats = z.infer<typeof UsageStats>;

export const usageStatsExample: UsageStats = { ...currentUsageExample };
export const usageStatsNoPlanExample: UsageStats = {
  period_start: null,
  period_end: null,
  plan_name: null,
  plan_id: null,
  usage: {},
  error: "No active subscription found for this organization",
};

const usageRequestFields = {
  usage_type: usageType().default("tokens").describe("What the amount counts: tokens or messages"),
  user_id: uuid().describe("Must match the authenticated user"),
  organization_id: uuid().describe("Organization whose plan limits apply"),
};

/** POST /v1/usage/check. */
export const UsageCheckRequest = z
  .object({
    tokens: z.number().int().gt(0).describe("Amount to check (tokens or messages, per usage_type)"),
    ...usageRequestFields,
  })
  .meta({ title: "UsageCheckRequest" });

/** POST /v1/usage/consume. */
export const UsageConsumeRequest = z
  .object({
    tokens: z.number().int().gt(0).describe("Amount to consume (tokens or messages, per usage_type)"),
    ...usageRequestFields,
  })
  .meta({ title: "UsageConsumeRequest" });

export const UsageCheckResult = z
  .object({
    allowed: z.boolean().describe("Whether the requested amount fits within the limit"),
    current_usage: z.number().min(0).describe("Used so far in the current period"),
    max_limit: limitValue().describe('The period limit, or "unlimited"'),
    remaining: limitValue().describe('Left in the period, or "unlimited"'),
    requested: z.number().nullable().describe("The amount that was checked"),
    error: z.string().nullable(),
  })
  .meta({ title: "UsageCheckResult" });
export type UsageCheckResult = z.infer<typeof UsageCheckResult>;

export const usageCheckAllowedExample: UsageCheckResult = {
  allowed: true,
  current_usage: 450,
  max_limit: 1000,
  remaining: 550,
  requested: 10,
  error: null,
};
export const usageCheckDeniedExample: UsageCheckResult = {
  allowed: false,
  current_usage: 995,
  max_limit: 1000,
  remaining: 5,
  requested: 10,
  error: "Usage limit exceeded",
};

/** The limit state after a consume. */
export const UsageLimitsState = z
  .object({
    current_usage: z.number().min(0),
    max_limit: limitValue(),
    remaining: limitValue(),
  })
  .describe("Current limits state");

export const UsageConsumeResult = z
  .object({
    success: z.boolean().describe("Whether the amount was recorded"),
    consumed: z
      .union([z.number(), jsonObject(), z.null()])
      .describe("What was recorded: the amount, or per-counter details"),
    usage_type: usageType().nullable(),
    allowed: z.boolean(),
    limits: UsageLimitsState,
    error: z.string().nullable(),
  })
  .meta({ title: "UsageConsumeResult" });
export type UsageConsumeResult = z.infer<typeof UsageConsumeResult>;

export const usageConsumeResultExample: UsageConsumeResult = {
  success: true,
  consumed: 1,
  usage_type: "messages",
  allowed: true,
  limits: { current_usage: 451, max_limit: 1000, remaining: 549 },
  error: null,
};
