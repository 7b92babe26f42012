import { z } from "zod";
import { EXAMPLE_IDS, httpUrl, uuid } from "../primitives";
import { Invoice, invoiceExample, openInvoiceExample } from "./invoice";

/** A plan as the billing endpoints present it: one price, in cents, plus a display string. */
export const BillingPlan = z
  .object({
    id: uuid(),
    name: z.string(),
    price_cents: z
      .number()
      .int()
      .min(0)
      .describe("Price in the smallest currency unit: 2999 = 29.99; 0 for free plans"),
    price_display: z.string().describe("Formatted price for display, e.g. $29.99"),
    currency: z.string().describe("Currency code, e.g. usd"),
    features: z.array(z.string()),
    is_free: z.boolean(),
    stripe_price_id: z.string().nullable().describe("Stripe price used at checkout; null for free plans"),
  })
  .meta({ title: "BillingPlan" });
export type BillingPlan = z.infer<typeof BillingPlan>;

export const billingPlanExample: BillingPlan = {
  id: EXAMPLE_IDS.plan,
  name: "Pro Plan",
  price_cents: 2999,
  price_display: "$29.99",
  currency: "usd",
  features: ["API Access", "Priority Support", "Advanced Analytics"],
  is_free: false,
  stripe_price_id: "price_xxxxx",
};

export const freeBillingPlanExample: BillingPlan = {
  id: EXAMPLE_IDS.freePlan,
  name: "Free",
  price_cents: 0,
  price_display: "$0.00",
  currency: "usd",
  features: ["API Access"],
  is_free: true,
  stripe_price_id: null,
};

/** Answer of GET /v1/billing/available-plans. */
export const AvailablePlans = z
  .object({
    success: z.boolean(),
    plans: z.array(BillingPlan),
  })
  .meta({ title: "AvailablePlans" });
export type AvailablePlans = z.infer<typeof AvailablePlans>;

export const availablePlansExample: AvailablePlans = {
  success: true,
  plans: [freeBillingPlanExample, billingPlanExample],
};

/** Body of POST /v1/subscriptions/checkout (the signed-in user is the customer). */
export const CheckoutRequest = z.object({
  plan_id: uuid().describe("Plan to buy"),
  success_url: httpUrl().describe("Where Stripe sends the user after a successful payment"),
  cancel_url: httpUrl().describe("Where Stripe sends the user if they cancel checkout"),
  organization_id: uuid().optional().describe("Organization to subscribe, for organization subscriptions"),
});

/** A Stripe Checkout session to redirect the user to. */
export const CheckoutSession = z
  .object({
    checkout_url: z.url().describe("Stripe-hosted checkout page: redirect the browser here"),
    session_id: z.string().describe("Stripe Checkout session id, e.g. cs_live_..."),
  })
  .meta({ title: "CheckoutSession" });
export type CheckoutSession = z.infer<typeof CheckoutSession>;

export const checkoutSessionExample: CheckoutSession = {
  checkout_url: "https://checkout.stripe.com/c/pay/cs_live_a1B2c3D4e5",
  session_id: "cs_live_a1B2c3D4e5",
};

/** Body of POST /v1/billing/create-checkout-session (server-side: the backend names the user). */
export const CreateCheckoutSessionRequest = z.object({
  user_id: uuid().describe("End-user who pays"),
  organization_id: uuid().describe("Organization to subscribe"),
  plan_id: uuid().describe("Target plan"),
  success_url: httpUrl().describe("Redirect URL after successful checkout"),
  cancel_url: httpUrl().describe("Redirect URL when the user cancels checkout"),
});

/** The checkout session of the billing endpoint, with the chosen plan's name and display price. */
export const BillingCheckoutSession = CheckoutSession.extend({
  plan_name: z.string().describe("Name of the selected plan"),
  price: z.string().describe("Display price, e.g. $29.99"),
  message: z.string().nullable().describe("Optional information message"),
}).meta({ title: "BillingCheckoutSession" });
export type BillingCheckoutSession = z.infer<typeof BillingCheckoutSession>;

export const billingCheckoutSessionExample: BillingCheckoutSession = {
  ...checkoutSessionExample,
  plan_name: "Pro Plan",
  price: "$29.99",
  message: null,
};

/** Body of POST /v1/billing/change-plan. */
export const ChangePlanRequest = z.object({
  subscription_id: uuid().describe("Current subscription"),
  new_plan_id: uuid().describe("Target plan"),
});

/** Answer of POST /v1/billing/change-plan. */
export const ChangePlanResult = z
  .object({
    success: z.boolean(),
    message: z.string(),
    plan_name: z.string().describe("Name of the target plan"),
    subscription_id: uuid().nullable(),
    stripe_subscription_id: z.string().nullable(),
    status: z.string().nullable().describe("Subscription status after the change, e.g. active"),
    cancel_at_period_end: z
      .boolean()
      .nullable()
      .describe("true after a downgrade: the current plan ends at period end and the new plan starts then"),
  })
  .meta({ title: "ChangePlanResult" });
export type ChangePlanResult = z.infer<typeof ChangePlanResult>;

export const changePlanUpgradeExample: ChangePlanResult = {
  success: true,
  message: "Plan upgraded to Pro Plan",
  plan_name: "Pro Plan",
  subscription_id: EXAMPLE_IDS.subscription,
  stripe_subscription_id: "sub_xxxxx",
  status: "active",
  cancel_at_period_end: false,
};

export const changePlanDowngradeExample: ChangePlanResult = {
  success: true,
  message: "Downgrade to Free scheduled for the end of the current billing period",
  plan_name: "Free",
  subscription_id: EXAMPLE_IDS.subscription,
  stripe_subscription_id: "sub_xxxxx",
  status: "active",
  cancel_at_period_end: true,
};

/** Answer of POST /v1/billing/cancel-subscription. */
export const CancelResult = z
  .object({
    success: z.boolean(),
    message: z.string(),
    cancel_at_period_end: z.boolean().describe("true: access continues until the period ends; false: cancelled now"),
  })
  .meta({ title: "CancelResult" });
export type CancelResult = z.infer<typeof CancelResult>;

export const cancelAtPeriodEndResultExample: CancelResult = {
  success: true,
  message: "Subscription will be cancelled at the end of the current billing period",
  cancel_at_period_end: true,
};

export const cancelImmediatelyResultExample: CancelResult = {
  success: true,
  message: "Subscription cancelled",
  cancel_at_period_end: false,
};

/** Answer of GET /v1/billing/billing-history-org/{organization_id}. */
export const BillingHistory = z
  .object({
    success: z.boolean(),
    organization_id: uuid(),
    invoices: z.array(Invoice).describe("Newest first"),
    total_invoices: z.number().int().min(0).describe("Number of invoices in this answer (at most limit)"),
  })
  .meta({ title: "BillingHistory" });
export type BillingHistory = z.infer<typeof BillingHistory>;

export const billingHistoryExample: BillingHistory = {
  success: true,
  organization_id: EXAMPLE_IDS.organization,
  invoices: [openInvoiceExample, invoiceExample],
  total_invoices: 2,
};
