import { z } from "zod";
import { defineEndpoint } from "../define";
import { EXAMPLE_IDS, queryBoolean, uuid } from "../primitives";
import {
  AvailablePlans,
  availablePlansExample,
  BillingCheckoutSession,
  billingCheckoutSessionExample,
  BillingHistory,
  billingHistoryExample,
  CancelResult,
  cancelAtPeriodEndResultExample,
  cancelImmediatelyResultExample,
  ChangePlanRequest,
  ChangePlanResult,
  changePlanDowngradeExample,
  changePlanUpgradeExample,
  CreateCheckoutSessionRequest,
} from "../schemas/billing";

const category = "billing";
const secretOnly = { keys: ["secret"], jwt: "none" } as const;

const SERVER_ONLY_NOTE =
  "Call from your backend only: the endpoint requires the secret key (sk_live_*), which must never reach the browser. No JWT is checked, so your backend must make sure the signed-in user may perform the action.";

export const billingEndpoints = [
  defineEndpoint({
    category,
    slug: "list-available-plans",
    method: "GET",
    path: "/v1/billing/available-plans",
    summary: "List available billing plans for upgrade/downgrade",
    description:
      "Lists the plans a customer can move to, each with one price in cents, a formatted display price and the Stripe price used at checkout.",
    auth: secretOnly,
    responses: [
      {
        status: 200,
        description: "Plans on offer",
        schema: AvailablePlans,
        examples: [{ name: "ok", value: availablePlansExample }],
      },
    ],
    notes: [
      SERVER_ONLY_NOTE,
      "Prices are integers in cents (price_cents) with a ready-made price_display; unlike PlanResponse there is a single price per plan, the one stripe_price_id charges.",
    ],
    keywords: ["pricing", "price in cents", "plan picker", "upgrade options", "server side"],
  }),
  defineEndpoint({
    category,
    slug: "create-checkout-session",
    method: "POST",
    path: "/v1/billing/create-checkout-session",
    summary: "Create Stripe checkout session for billing",
    description:
      "Creates a Stripe Checkout session for a user to subscribe an organization to a plan, and returns the URL to redirect the user to. Your backend names the user and organization in the body.",
    auth: secretOnly,
    body: {
      contentType: "application/json",
      schema: CreateCheckoutSessionRequest,
      examples: [
        {
          name: "checkout",
          value: {
            user_id: EXAMPLE_IDS.user,
            organization_id: EXAMPLE_IDS.organization,
            plan_id: EXAMPLE_IDS.plan,
            success_url: "https://myapp.com/billing/success",
            cancel_url: "https://myapp.com/billing/cancel",
          },
        },
      ],
    },
    responses: [
      {
        status: 200,
        description: "Checkout session created: redirect the user to checkout_url",
        schema: BillingCheckoutSession,
        examples: [{ name: "ok", value: billingCheckoutSessionExample }],
      },
    ],
    errors: [
      { status: 404, detail: "Plan not found", when: "plan_id does not name a plan of the tenant.", source: "implied" },
      {
        status: 404,
        detail: "Organization not found",
        when: "organization_id does not name an organization of the tenant.",
        source: "implied",
      },
      { status: 404, detail: "User not found", when: "user_id does not name a user of the tenant.", source: "implied" },
      {
        status: 400,
        detail: "Plan has no Stripe price configured",
        when: "The plan is free or has no Stripe price, so there is nothing to pay.",
        source: "implied",
      },
    ],
    notes: [
      SERVER_ONLY_NOTE,
      "user_id is taken from the body as given: the API cannot verify it, so pass the id of the user your backend authenticated.",
      "Nothing is charged until the user completes the Stripe page. After the redirect to success_url, re-read the organization's subscription instead of assuming the new plan is already active.",
    ],
    keywords: ["payment", "pay", "subscribe", "upgrade", "redirect to stripe", "server side"],
  }),
  defineEndpoint({
    category,
    slug: "change-plan",
    method: "POST",
    path: "/v1/billing/change-plan",
    summary: "Change current subscription plan (upgrade/downgrade)",
    description:
      "Moves an existing subscription to another plan. Upgrades take effect at once with Stripe prorations; downgrades keep the current plan until the period ends and then switch.",
    auth: secretOnly,
    body: {
      contentType: "application/json",
      schema: ChangePlanRequest,
      examples: [
        { name: "change", value: { subscription_id: EXAMPLE_IDS.subscription, new_plan_id: EXAMPLE_IDS.plan } },
      ],
    },
    responses: [
      {
        status: 200,
        description: "Plan changed (upgrade) or change scheduled (downgrade)",
        schema: ChangePlanResult,
        examples: [
          { name: "upgrade", summary: "Upgrade: immediate, prorated", value: changePlanUpgradeExample },
          { name: "downgrade", summary: "Downgrade: scheduled for period end", value: changePlanDowngradeExample },
        ],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "Subscription not found",
        when: "subscription_id does not name a subscription of the tenant.",
        source: "implied",
      },
      {
        status: 404,
        detail: "Plan not found",
        when: "new_plan_id does not name a plan of the tenant.",
        source: "implied",
      },
      {
        status: 400,
        detail: "Subscription is already on this plan",
        when: "new_plan_id is the subscription's current plan.",
        source: "implied",
      },
      {
        status: 400,
        detail: "Subscription is already cancelled",
        when: "The subscription is cancelled or its period has ended.",
        source: "implied",
      },
    ],
    notes: [
      "Upgrades create Stripe prorations. Downgrades cancel at period end and schedule the new plan.",
      "After a downgrade cancel_at_period_end is true: show the user that the current plan stays until the period ends.",
      SERVER_ONLY_NOTE,
    ],
    keywords: [
      "change plan",
      "upgrade",
      "downgrade",
      "switch plan",
      "proration",
      "prorate",
      "scheduled change",
      "move to another plan",
    ],
  }),
  defineEndpoint({
    category,
    slug: "cancel-subscription",
    method: "POST",
    path: "/v1/billing/cancel-subscription",
    summary: "Cancel current subscription",
    description:
      "Cancels a subscription, by default at the end of the current period so access continues until then. Both parameters go in the query string; there is no body.",
    auth: secretOnly,
    query: z.object({
      subscription_id: uuid().describe("Subscription to cancel"),
      cancel_at_period_end: queryBoolean(true).describe(
        "If true (default), access continues until the period ends; if false, cancel now",
      ),
    }),
    responses: [
      {
        status: 200,
        description: "Cancelled or scheduled for cancellation",
        schema: CancelResult,
        examples: [
          { name: "at_period_end", summary: "Default: ends with the period", value: cancelAtPeriodEndResultExample },
          { name: "immediately", summary: "cancel_at_period_end=false", value: cancelImmediatelyResultExample },
        ],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "Subscription not found",
        when: "subscription_id does not name a subscription of the tenant.",
        source: "implied",
      },
      {
        status: 400,
        detail: "Subscription is already cancelled",
        when: "The subscription has already ended.",
        source: "implied",
      },
    ],
    notes: [
      "Parameters are query parameters even though this is a POST: /v1/billing/cancel-subscription?subscription_id=...&cancel_at_period_end=true.",
      SERVER_ONLY_NOTE,
    ],
    keywords: [
      "server side",
      "secret key",
      "by subscription id",
      "cancel at period end",
      "unsubscribe",
      "stop billing",
      "end subscription",
      "cancelled",
      "churn",
    ],
  }),
  defineEndpoint({
    category,
    slug: "billing-history",
    method: "GET",
    path: "/v1/billing/billing-history-org/{organization_id}",
    summary: "Get billing history (Stripe invoices) for organization",
    description:
      "Returns the organization's most recent Stripe invoices, up to limit (default 20, at most 100). Amounts are in cents and times are Unix seconds, as Stripe sends them.",
    auth: secretOnly,
    pathParams: z.object({ organization_id: uuid().describe("Organization whose invoices to list") }),
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(100)
        .default(20)
        .describe("Number of invoices to return (default 20, max 100, Stripe's page limit)"),
    }),
    responses: [
      {
        status: 200,
        description: "Invoices, newest first",
        schema: BillingHistory,
        examples: [{ name: "ok", value: billingHistoryExample }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "Organization not found",
        when: "The organization does not exist or does not belong to the tenant.",
      },
    ],
    notes: [
      "Returns 404 if the organization is not found or doesn't belong to the tenant.",
      "The maximum limit of 100 is Stripe's own list limit; the API documentation states no maximum.",
      "Link users to hosted_invoice_url (view and pay) or invoice_pdf (download); both are null for drafts.",
      SERVER_ONLY_NOTE,
    ],
    keywords: ["receipts", "invoice list", "payment history", "download invoice", "pdf", "organisation billing"],
  }),
];
