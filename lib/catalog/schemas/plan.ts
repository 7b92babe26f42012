import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, uuid } from "../primitives";

/** A subscription plan (PlanResponse). */
export const Plan = z
  .object({
    id: uuid(),
    name: z.string(),
    description: z.string().nullable(),
    price_monthly: z.number().min(0),
    price_yearly: z.number().min(0),
    currency: z.string().describe("ISO currency code, e.g. usd"),
    features: z.array(z.string()),
    is_active: z.boolean(),
    is_free: z.boolean(),
    max_cost_usd_per_month: z.number().nullable().describe("Maximum AI usage cost per month; null means unlimited"),
    max_messages_per_month: z.number().int().nullable().describe("Maximum AI requests per month; null means unlimited"),
    max_tokens_per_month: z.number().int().nullable().describe("Deprecated: use max_cost_usd_per_month"),
    stripe_product_id: z.string().nullable(),
    stripe_price_id_monthly: z.string().nullable(),
    stripe_price_id_yearly: z.string().nullable(),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "Plan" });
export type Plan = z.infer<typeof Plan>;

export const planExample: Plan = {
  id: EXAMPLE_IDS.plan,
  name: "Pro Plan",
  description: "For growing teams",
  price_monthly: 29.99,
  price_yearly: 299.99,
  currency: "usd",
  features: ["API Access", "Priority Support", "Advanced Analytics"],
  is_active: true,
  is_free: false,
  max_cost_usd_per_month: 100,
  max_messages_per_month: 1000,
  max_tokens_per_month: null,
  stripe_product_id: "prod_xxxxx",
  stripe_price_id_monthly: "price_xxxxx",
  stripe_price_id_yearly: "price_xxxxx",
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};

export const freePlanExample: Plan = {
  ...planExample,
  id: EXAMPLE_IDS.freePlan,
  name: "Free",
  description: "Get started at no cost",
  price_monthly: 0,
  price_yearly: 0,
  features: ["API Access"],
  is_free: true,
  max_cost_usd_per_month: 5,
  max_messages_per_month: 100,
  stripe_product_id: null,
  stripe_price_id_monthly: null,
  stripe_price_id_yearly: null,
};

/** Paginated plan list of GET /v1/plans. */
export const PlanPage = z
  .object({
    plans: z.array(Plan),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    per_page: z.number().int().min(1),
    has_next: z.boolean(),
    has_prev: z.boolean(),
  })
  .meta({ title: "PlanPage" });
export type PlanPage = z.infer<typeof PlanPage>;

export const planPageExample: PlanPage = {
  plans: [planExample, freePlanExample],
  total: 2,
  page: 1,
  per_page: 100,
  has_next: false,
  has_prev: false,
};
