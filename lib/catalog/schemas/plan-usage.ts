import { z } from "zod";
import { datetime, EXAMPLE_IDS, jsonObject, uuid } from "../primitives";

const USAGE_RECORD_ID = "6f0e8400-e29b-41d4-a716-446655440017";

/** A user's plan usage record for the current period (GET /v1/subscriptions/users/{user_id}/usage). */
export const UserPlanUsage = z
  .object({
    id: uuid(),
    organization_id: uuid(),
    user_id: uuid(),
    plan_id: uuid().nullable().describe("The plan the usage counts against; null if none is assigned"),
    period_start: datetime().describe("Start of the current usage period"),
    period_end: datetime().describe("End of the current usage period"),
    messages_count: z.number().int().min(0).describe("AI requests made in this period"),
    tokens_count: z.number().int().min(0).describe("Tokens used in this period"),
    usage_metadata: jsonObject().describe("Extra usage details"),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "UserPlanUsage" });
export type UserPlanUsage = z.infer<typeof UserPlanUsage>;

export const userPlanUsageExample: UserPlanUsage = {
  id: USAGE_RECORD_ID,
  organization_id: EXAMPLE_IDS.organization,
  user_id: EXAMPLE_IDS.user,
  plan_id: EXAMPLE_IDS.plan,
  period_start: "2024-01-01T00:00:00Z",
  period_end: "2024-02-01T00:00:00Z",
  messages_count: 450,
  tokens_count: 125000,
  usage_metadata: {},
  created_at: "2024-01-01T00:00:00Z",
  updated_at: "2024-01-15T10:30:00Z",
};

/**
 * The plan limits and how much of them is used. The seed only says "object with plan limit details";
 * these fields are inferred from the plan's limit fields and the usage record.
 */
export const PlanLimits = z
  .object({
    plan_id: uuid().nullable(),
    plan_name: z.string().nullable(),
    max_messages_per_month: z.number().int().min(0).nullable().describe("null means unlimited"),
    max_cost_usd_per_month: z.number().min(0).nullable().describe("null means unlimited"),
    messages_used: z.number().int().min(0).describe("Messages used in the current period"),
    messages_remaining: z.number().int().min(0).nullable().describe("null means unlimited"),
    within_limits: z.boolean().describe("false once any limit is reached"),
  })
  .meta({ title: "PlanLimits" });

export const UserPlanLimits = z.object({ limits: PlanLimits }).meta({ title: "UserPlanLimits" });
export type UserPlanLimits = z.infer<typeof UserPlanLimits>;

export const userPlanLimitsExample: UserPlanLimits = {
  limits: {
    plan_id: EXAMPLE_IDS.plan,
    plan_name: "Pro Plan",
    max_messages_per_month: 1000,
    max_cost_usd_per_month: 100,
    messages_used: 450,
    messages_remaining: 550,
    within_limits: true,
  },
};

/** Answer of PUT /v1/subscriptions/users/{user_id}/plan/{plan_id}. */
export const UserPlanAssignment = z
  .object({
    success: z.boolean(),
    user_id: uuid(),
    plan_id: uuid(),
  })
  .meta({ title: "UserPlanAssignment" });
export type UserPlanAssignment = z.infer<typeof UserPlanAssignment>;

export const userPlanAssignmentExample: UserPlanAssignment = {
  success: true,
  user_id: EXAMPLE_IDS.user,
  plan_id: EXAMPLE_IDS.plan,
};
