import { z } from "zod";
import { billingCycle, datetime, EXAMPLE_IDS, jsonObject, uuid } from "../primitives";
import { Plan, planExample } from "./plan";

export const SUBSCRIPTION_STATUSES = ["active", "cancelled", "past_due", "incomplete", "trialing", "unpaid"] as const;

/** A subscription (SubscriptionResponse). It carries plan_id, not the plan's name or price. */
export const Subscription = z
  .object({
    id: uuid(),
    plan_id: uuid(),
    organization_id: uuid(),
    tenant_id: uuid(),
    stripe_customer_id: z.string().nullable(),
    stripe_subscription_id: z.string().nullable(),
    billing_cycle: billingCycle(),
    status: z.enum(SUBSCRIPTION_STATUSES),
    current_period_start: datetime(),
    current_period_end: datetime(),
    cancel_at_period_end: z.boolean(),
    canceled_at: datetime().nullable(),
    trial_start: datetime().nullable(),
    trial_end: datetime().nullable(),
    subscription_metadata: jsonObject().describe("Custom metadata"),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "Subscription" });
export type Subscription = z.infer<typeof Subscription>;

export const subscriptionExample: Subscription = {
  id: EXAMPLE_IDS.subscription,
  plan_id: EXAMPLE_IDS.plan,
  organization_id: EXAMPLE_IDS.organization,
  tenant_id: EXAMPLE_IDS.tenant,
  stripe_customer_id: "cus_xxxxx",
  stripe_subscription_id: "sub_xxxxx",
  billing_cycle: "monthly",
  status: "active",
  current_period_start: "2024-01-01T00:00:00Z",
  current_period_end: "2024-02-01T00:00:00Z",
  cancel_at_period_end: false,
  canceled_at: null,
  trial_start: null,
  trial_end: null,
  subscription_metadata: {},
  created_at: "2024-01-01T00:00:00Z",
  updated_at: "2024-01-01T00:00:00Z",
};

/** Subscription with its plan embedded (SubscriptionWithPlanResponse). */
export const SubscriptionWithPlan = Subscription.extend({ plan: Plan }).meta({ title: "SubscriptionWithPlan" });
export const subscriptionWithPlanExample = { ...subscriptionExample, plan: planExample };

/** Body of POST /v1/subscriptions/subscriptions. */
export const CreateSubscriptionRequest = z.object({
  plan_id: uuid().describe("Plan to subscribe to"),
  organization_id: uuid().describe("Organization that owns the subscription"),
  billing_cycle: billingCycle().default("monthly").describe("monthly or yearly (default monthly)"),
  subscription_metadata: jsonObject().optional().describe("Custom metadata stored with the subscription"),
});

/** Body of a subscription update: every field optional, only the fields sent change. */
export const UpdateSubscriptionRequest = z.object({
  plan_id: uuid().optional().describe("Move the subscription to this plan"),
  billing_cycle: billingCycle().optional().describe("monthly or yearly"),
  subscription_metadata: jsonObject().optional().describe("Replaces the custom metadata"),
});

/** A subscription flagged to end when the current period ends (access continues until then). */
export const subscriptionCancelAtPeriodEndExample: Subscription = {
  ...subscriptionExample,
  cancel_at_period_end: true,
  updated_at: "2024-01-20T09:00:00Z",
};

/** A subscription cancelled immediately. */
export const subscriptionCancelledExample: Subscription = {
  ...subscriptionExample,
  status: "cancelled",
  canceled_at: "2024-01-20T09:00:00Z",
  updated_at: "2024-01-20T09:00:00Z",
};
