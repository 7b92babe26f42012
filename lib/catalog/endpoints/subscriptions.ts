import { z } from "zod";
import { defineEndpoint } from "../define";
import { EXAMPLE_IDS, queryBoolean, uuid } from "../primitives";
import { CheckoutRequest, CheckoutSession, checkoutSessionExample } from "../schemas/billing";
import { Invoice, invoiceExample, openInvoiceExample } from "../schemas/invoice";
import { freePlanExample, Plan, planExample } from "../schemas/plan";
import {
  UserPlanAssignment,
  userPlanAssignmentExample,
  UserPlanLimits,
  userPlanLimitsExample,
  UserPlanUsage,
  userPlanUsageExample,
} from "../schemas/plan-usage";
import {
  CreateSubscriptionRequest,
  Subscription,
  subscriptionCancelAtPeriodEndExample,
  subscriptionCancelledExample,
  subscriptionExample,
  UpdateSubscriptionRequest,
} from "../schemas/subscription";

const category = "subscriptions";
const apiKeyAndJwt = { keys: ["public", "secret"], jwt: "required" } as const;

const OWN_SUBSCRIPTION = "The signed-in user must own the subscription.";
const SELF_ONLY = "user_id must be the signed-in user's own id.";

/** The three /v1/subscriptions/organizations/* endpoints: secret key, no JWT, acting user named in ?user_id=. */
const orgSecretAuth = {
  keys: ["secret"],
  jwt: "none",
  condition:
    "No JWT: the acting user is the one named in the user_id query parameter, asserted by your backend rather than authenticated by the API.",
} as const;

const orgPathParams = z.object({ organization_id: uuid().describe("Organization whose subscription is concerned") });

const ASSERTED_USER_CONFLICT = {
  topic: "Acting user asserted, not authenticated",
  text: "The endpoint takes the secret key only and no JWT, yet its required user_id query parameter names the user 'requesting' the action. The API cannot authenticate that user: the backend holding sk_live_* asserts who it is, so any check made on that user (membership, billing rights) is only as trustworthy as the calling backend. The portal documents the rule as given.",
};

const QUICK_REFERENCE_JWT_CONFLICT = {
  topic: "JWT requirement",
  text: "The quick reference lists this endpoint under 'Subscriptions (JWT required)' (marked sk_live_*), while the endpoint itself says jwt: false. The portal documents no JWT.",
};

const SUBSCRIPTION_RESPONSE_NOTE =
  "Returns SubscriptionResponse, which carries plan_id but not the plan's name or price.";

export const subscriptionsEndpoints = [
  defineEndpoint({
    category,
    slug: "list-plans",
    method: "GET",
    path: "/v1/subscriptions/plans",
    summary: "List all available subscription plans",
    description: "Lists the subscription plans on offer, as a plain array of PlanResponse without paging.",
    auth: apiKeyAndJwt,
    responses: [
      {
        status: 200,
        description: "Available plans",
        schema: z.array(Plan),
        examples: [
          { name: "seed", summary: "The documented example", value: [planExample] },
          { name: "free_and_pro", value: [freePlanExample, planExample] },
        ],
      },
    ],
    notes: [
      "Prices are decimal amounts (29.99), not cents. Limits of null mean unlimited; max_tokens_per_month is deprecated in favour of max_cost_usd_per_month.",
      "GET /v1/plans returns the same plans with paging and an include_inactive option.",
    ],
    keywords: ["pricing", "price list", "tiers", "pricing page", "available plans", "choose a plan"],
  }),
  defineEndpoint({
    category,
    slug: "get-current-subscription",
    method: "GET",
    path: "/v1/subscriptions/current",
    summary: "Get current user's active subscription",
    description: "Returns the signed-in user's active subscription.",
    auth: apiKeyAndJwt,
    responses: [
      {
        status: 200,
        description: "The active subscription",
        schema: Subscription,
        examples: [{ name: "ok", value: subscriptionExample }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "No active subscription found",
        when: "The user has no active subscription.",
        source: "implied",
      },
    ],
    notes: [
      "Does NOT include plan_name or price. Use plan_id to fetch plan details (GET /v1/subscriptions/plans/{plan_id}) if needed.",
    ],
    keywords: ["my subscription", "current plan", "billing status", "am i subscribed", "active plan"],
  }),
  defineEndpoint({
    category,
    slug: "create-checkout",
    method: "POST",
    path: "/v1/subscriptions/checkout",
    summary: "Create Stripe checkout session for subscription",
    description:
      "Creates a Stripe Checkout session for the signed-in user to buy a plan, optionally for an organization, and returns the Stripe URL to redirect the browser to.",
    auth: apiKeyAndJwt,
    body: {
      contentType: "application/json",
      schema: CheckoutRequest,
      examples: [
        {
          name: "personal",
          value: {
            plan_id: EXAMPLE_IDS.plan,
            success_url: "https://myapp.com/billing/success",
            cancel_url: "https://myapp.com/billing/cancel",
          },
        },
        {
          name: "organization",
          value: {
            plan_id: EXAMPLE_IDS.plan,
            success_url: "https://myapp.com/billing/success",
            cancel_url: "https://myapp.com/billing/cancel",
            organization_id: EXAMPLE_IDS.organization,
          },
        },
      ],
    },
    responses: [
      {
        status: 200,
        description: "Checkout session created: redirect the browser to checkout_url",
        schema: CheckoutSession,
        examples: [{ name: "ok", value: checkoutSessionExample }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "Plan not found",
        when: "plan_id does not name a plan available to the tenant.",
        source: "implied",
      },
      {
        status: 400,
        detail: "Plan has no Stripe price configured",
        when: "The plan is free or has no Stripe price, so there is nothing to pay.",
        source: "implied",
      },
      {
        status: 403,
        detail: "Not a member of this organization",
        when: "organization_id names an organization the user does not belong to.",
        source: "implied",
      },
    ],
    notes: [
      "Redirect with window.location.href = checkout_url. Stripe returns the user to success_url or cancel_url; after success, re-read the subscription instead of assuming the new plan is already active.",
    ],
    keywords: ["payment", "pay", "buy a plan", "upgrade", "subscribe", "redirect to stripe"],
    conflicts: [
      {
        topic: "Organization optional",
        text: "organization_id is optional here ('for org subscriptions'), which suggests personal subscriptions, yet SubscriptionResponse always carries a non-null organization_id. The portal documents the field as optional.",
      },
    ],
  }),
  defineEndpoint({
    category,
    slug: "get-plan",
    method: "GET",
    path: "/v1/subscriptions/plans/{plan_id}",
    summary: "Get plan details by ID",
    description: "Returns one plan, the same PlanResponse as the items of GET /v1/subscriptions/plans.",
    auth: apiKeyAndJwt,
    pathParams: z.object({ plan_id: uuid().describe("Plan id, e.g. a subscription's plan_id") }),
    responses: [{ status: 200, description: "The plan", schema: Plan, examples: [{ name: "ok", value: planExample }] }],
    errors: [
      {
        status: 404,
        detail: "Plan not found",
        when: "No such plan, or it belongs to another tenant and is not a global plan.",
        source: "implied",
      },
    ],
    notes: ["Tenant-isolated: the plan must belong to the tenant or be a global plan."],
    keywords: ["plan name", "price", "limits", "resolve plan_id"],
  }),
  defineEndpoint({
    category,
    slug: "create-subscription",
    method: "POST",
    path: "/v1/subscriptions/subscriptions",
    summary: "Create a new subscription",
    description: "Subscribes an organization to a plan with a monthly (default) or yearly billing cycle.",
    auth: apiKeyAndJwt,
    body: {
      contentType: "application/json",
      schema: CreateSubscriptionRequest,
      examples: [
        {
          name: "monthly",
          value: { plan_id: EXAMPLE_IDS.plan, organization_id: EXAMPLE_IDS.organization, billing_cycle: "monthly" },
        },
        {
          name: "yearly_with_metadata",
          value: {
            plan_id: EXAMPLE_IDS.plan,
            organization_id: EXAMPLE_IDS.organization,
            billing_cycle: "yearly",
            subscription_metadata: { source: "pricing-page" },
          },
        },
      ],
    },
    responses: [
      {
        status: 201,
        description: "Subscription created",
        schema: Subscription,
        examples: [{ name: "created", value: subscriptionExample }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "Plan not found",
        when: "plan_id does not name a plan available to the tenant.",
        source: "implied",
      },
      {
        status: 404,
        detail: "Organization not found",
        when: "organization_id does not name an organization of the tenant.",
        source: "implied",
      },
      {
        status: 403,
        detail: "Not a member of this organization",
        when: "The signed-in user does not belong to the organization.",
        source: "implied",
      },
      {
        status: 403,
        detail: "Insufficient permissions",
        when: "The signed-in user's role in the organization may not manage billing (owner/admin, as for the organization's own subscribe endpoint).",
        source: "implied",
      },
      {
        status: 409,
        detail: "Organization already has an active subscription",
        when: "The organization is already subscribed; change its plan instead.",
        source: "implied",
      },
    ],
    notes: [
      SUBSCRIPTION_RESPONSE_NOTE,
      "For paid plans, prefer POST /v1/subscriptions/checkout so the customer pays through Stripe.",
    ],
    keywords: ["subscribe", "start subscription", "sign up for plan", "billing cycle", "yearly", "annual"],
  }),
  defineEndpoint({
    category,
    slug: "get-subscription",
    method: "GET",
    path: "/v1/subscriptions/subscriptions/{subscription_id}",
    summary: "Get subscription details by ID",
    description: "Returns one subscription owned by the signed-in user.",
    auth: { ...apiKeyAndJwt, condition: OWN_SUBSCRIPTION },
    pathParams: z.object({ subscription_id: uuid().describe("Subscription id") }),
    responses: [
      {
        status: 200,
        description: "The subscription",
        schema: Subscription,
        examples: [{ name: "ok", value: subscriptionExample }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "Subscription not found",
        when: "No subscription with this id exists in the tenant.",
        source: "implied",
      },
      {
        status: 403,
        detail: "Not authorized to access this subscription",
        when: "The subscription belongs to someone else.",
      },
    ],
    notes: ["The user must own the subscription.", SUBSCRIPTION_RESPONSE_NOTE],
    keywords: ["subscription by id", "billing status", "renewal date", "period end", "subscription status"],
  }),
  defineEndpoint({
    category,
    slug: "update-subscription",
    method: "PUT",
    path: "/v1/subscriptions/subscriptions/{subscription_id}",
    summary: "Update a subscription",
    description: "Changes a subscription's plan, billing cycle or metadata; only the fields sent change.",
    auth: { ...apiKeyAndJwt, condition: OWN_SUBSCRIPTION },
    pathParams: z.object({ subscription_id: uuid().describe("Subscription id") }),
    body: {
      contentType: "application/json",
      schema: UpdateSubscriptionRequest,
      examples: [
        { name: "switch_to_yearly", value: { billing_cycle: "yearly" } },
        { name: "change_plan", value: { plan_id: EXAMPLE_IDS.plan, subscription_metadata: { seats: 10 } } },
      ],
    },
    responses: [
      {
        status: 200,
        description: "The updated subscription",
        schema: Subscription,
        examples: [
          {
            name: "yearly",
            value: { ...subscriptionExample, billing_cycle: "yearly", updated_at: "2024-01-20T09:00:00Z" },
          },
        ],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "Subscription not found",
        when: "No subscription with this id exists in the tenant.",
        source: "implied",
      },
      {
        status: 404,
        detail: "Plan not found",
        when: "plan_id does not name a plan available to the tenant.",
        source: "implied",
      },
      {
        status: 403,
        detail: "Not authorized to update this subscription",
        when: "The subscription belongs to someone else.",
      },
    ],
    notes: ["The user must own the subscription.", SUBSCRIPTION_RESPONSE_NOTE],
    keywords: ["change plan", "upgrade", "downgrade", "switch to yearly", "annual billing", "billing cycle"],
  }),
  defineEndpoint({
    category,
    slug: "cancel-subscription",
    method: "DELETE",
    path: "/v1/subscriptions/subscriptions/{subscription_id}",
    summary: "Cancel/delete a subscription",
    description:
      "Cancels a subscription owned by the signed-in user, by default at the end of the current period, and returns the updated subscription.",
    auth: { ...apiKeyAndJwt, condition: OWN_SUBSCRIPTION },
    pathParams: z.object({ subscription_id: uuid().describe("Subscription id") }),
    query: z.object({
      cancel_at_period_end: queryBoolean(true).describe(
        "If true (default), access continues until the period ends; if false, cancel now",
      ),
    }),
    responses: [
      {
        status: 200,
        description:
          "The subscription, cancelled or flagged to end with the period (this DELETE answers with a body, not 204)",
        schema: Subscription,
        examples: [
          {
            name: "at_period_end",
            summary: "Default: cancel_at_period_end=true",
            value: subscriptionCancelAtPeriodEndExample,
          },
          { name: "immediately", summary: "cancel_at_period_end=false", value: subscriptionCancelledExample },
        ],
      },
    ],
    errors: [
      {
        status: 403,
        detail: "Not authorized to cancel this subscription",
        when: "The user doesn't own the subscription.",
      },
      {
        status: 404,
        detail: "Subscription not found",
        when: "No subscription with this id exists in the tenant.",
        source: "implied",
      },
    ],
    notes: ["Returns 403 if the user doesn't own the subscription.", SUBSCRIPTION_RESPONSE_NOTE],
    keywords: [
      "my subscription",
      "personal subscription",
      "cancel at period end",
      "unsubscribe",
      "stop billing",
      "end subscription",
      "cancelled",
      "cancel immediately",
    ],
  }),
  defineEndpoint({
    category,
    slug: "get-user-usage",
    method: "GET",
    path: "/v1/subscriptions/users/{user_id}/usage",
    summary: "Get user plan usage statistics",
    description:
      "Returns the signed-in user's usage record for the current plan period: messages and tokens counted against the plan.",
    auth: { ...apiKeyAndJwt, condition: SELF_ONLY },
    pathParams: z.object({ user_id: uuid().describe("The signed-in user's id") }),
    responses: [
      {
        status: 200,
        description: "Usage in the current period",
        schema: UserPlanUsage,
        examples: [{ name: "ok", value: userPlanUsageExample }],
      },
    ],
    errors: [
      { status: 403, detail: "Not authorized to access this user's usage", when: "user_id is not the signed-in user." },
      { status: 404, detail: "No active plan found for user", when: "The user has no active plan." },
    ],
    notes: ["The user can only access their own usage. Returns 404 if there is no active plan."],
    keywords: ["quota", "consumption", "messages used", "tokens used", "my usage", "usage record"],
  }),
  defineEndpoint({
    category,
    slug: "get-user-limits",
    method: "GET",
    path: "/v1/subscriptions/users/{user_id}/usage/limits",
    summary: "Check user usage limits",
    description: "Returns the limits of the signed-in user's plan and how much of them is used.",
    auth: { ...apiKeyAndJwt, condition: SELF_ONLY },
    pathParams: z.object({ user_id: uuid().describe("The signed-in user's id") }),
    responses: [
      {
        status: 200,
        description: "Plan limits and current use",
        schema: UserPlanLimits,
        examples: [{ name: "ok", value: userPlanLimitsExample }],
      },
    ],
    errors: [
      {
        status: 403,
        detail: "Not authorized to access this user's limits",
        when: "user_id is not the signed-in user.",
      },
      { status: 404, detail: "No active plan found for user", when: "The user has no active plan.", source: "implied" },
    ],
    notes: [
      "The user can only check their own limits.",
      "The API documents the answer only as { limits: object with plan limit details }; the fields inside limits are inferred, so read them defensively.",
    ],
    keywords: ["quota", "limit reached", "remaining messages", "over limit", "plan limits", "cap"],
  }),
  defineEndpoint({
    category,
    slug: "assign-user-plan",
    method: "PUT",
    path: "/v1/subscriptions/users/{user_id}/plan/{plan_id}",
    summary: "Assign a plan to a user",
    description: "Sets the signed-in user's own plan directly, without checkout. There is no request body.",
    auth: {
      ...apiKeyAndJwt,
      condition: "user_id must be the signed-in user's own id: users can only assign plans to themselves.",
    },
    pathParams: z.object({
      user_id: uuid().describe("The signed-in user's id"),
      plan_id: uuid().describe("Plan to assign"),
    }),
    responses: [
      {
        status: 200,
        description: "Plan assigned",
        schema: UserPlanAssignment,
        examples: [{ name: "ok", value: userPlanAssignmentExample }],
      },
    ],
    errors: [
      { status: 403, detail: "Cannot assign plans to other users", when: "user_id is not the signed-in user." },
      {
        status: 404,
        detail: "Plan not found",
        when: "plan_id does not name a plan available to the tenant.",
        source: "implied",
      },
    ],
    notes: [
      "Users can only assign plans to themselves. Plans are typically assigned through subscriptions.",
      "Suited to free plans, e.g. right after sign-up (see GET /v1/plans/free); paid plans should go through checkout.",
    ],
    keywords: ["set plan", "free plan", "sign up", "default plan", "change my plan", "onboarding"],
  }),
  defineEndpoint({
    category,
    slug: "resume-organization-subscription",
    method: "POST",
    path: "/v1/subscriptions/organizations/{organization_id}/resume",
    summary: "Resume a cancelled organization subscription",
    description:
      "Undoes a pending cancellation of the organization's subscription, so it renews at period end again. Server-side: secret key, with the acting user named in user_id.",
    auth: orgSecretAuth,
    pathParams: orgPathParams,
    query: z.object({
      user_id: uuid().describe("User requesting the resume (asserted by your backend, not authenticated)"),
    }),
    responses: [
      {
        status: 200,
        description: "The resumed subscription",
        schema: Subscription,
        examples: [{ name: "resumed", value: { ...subscriptionExample, updated_at: "2024-01-22T09:00:00Z" } }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "No subscription found for this organization",
        when: "The organization has no subscription to resume.",
        source: "implied",
      },
      {
        status: 400,
        detail: "Subscription is not scheduled for cancellation",
        when: "The subscription is not set to cancel at period end, or has already ended.",
        source: "implied",
      },
      {
        status: 403,
        detail: "User does not have permission to manage this organization's billing",
        when: "user_id is not a member of the organization with billing rights.",
        source: "implied",
      },
      {
        status: 404,
        detail: "Organization not found",
        when: "organization_id does not name an organization of the tenant.",
        source: "implied",
      },
    ],
    notes: [
      "Call from your backend only (sk_live_*). Pass the id of the user your backend authenticated: the API takes user_id on trust.",
      SUBSCRIPTION_RESPONSE_NOTE,
    ],
    keywords: ["reactivate", "undo cancel", "uncancel", "restore subscription", "cancel at period end", "organisation"],
    conflicts: [ASSERTED_USER_CONFLICT, QUICK_REFERENCE_JWT_CONFLICT],
  }),
  defineEndpoint({
    category,
    slug: "list-organization-invoices",
    method: "GET",
    path: "/v1/subscriptions/organizations/{organization_id}/invoices",
    summary: "Get organization invoices from Stripe",
    description:
      "Lists the organization's Stripe invoices as a plain array. Amounts are in cents and times are Unix seconds, as Stripe sends them.",
    auth: orgSecretAuth,
    pathParams: orgPathParams,
    query: z.object({
      user_id: uuid().describe("User requesting the invoices (asserted by your backend, not authenticated)"),
    }),
    responses: [
      {
        status: 200,
        description: "Invoices",
        schema: z.array(Invoice),
        examples: [{ name: "ok", value: [openInvoiceExample, invoiceExample] }],
      },
    ],
    errors: [
      {
        status: 403,
        detail: "User does not have permission to view this organization's billing",
        when: "user_id is not a member of the organization with billing rights.",
        source: "implied",
      },
      {
        status: 404,
        detail: "Organization not found",
        when: "organization_id does not name an organization of the tenant.",
        source: "implied",
      },
    ],
    notes: [
      "Call from your backend only (sk_live_*). Pass the id of the user your backend authenticated: the API takes user_id on trust.",
      "GET /v1/billing/billing-history-org/{organization_id} returns the same invoices wrapped in an object, with a limit parameter.",
    ],
    keywords: ["billing history", "receipts", "payment history", "download invoice", "pdf", "organisation"],
    conflicts: [ASSERTED_USER_CONFLICT, QUICK_REFERENCE_JWT_CONFLICT],
  }),
  defineEndpoint({
    category,
    slug: "cancel-organization-subscription",
    method: "DELETE",
    path: "/v1/subscriptions/organizations/{organization_id}/subscription",
    summary: "Cancel organization subscription",
    description:
      "Cancels the organization's subscription, by default at the end of the current period, and returns the updated subscription. Server-side: secret key, with the acting user named in user_id.",
    auth: orgSecretAuth,
    pathParams: orgPathParams,
    query: z.object({
      user_id: uuid().describe("User requesting the cancellation (asserted by your backend, not authenticated)"),
      cancel_at_period_end: queryBoolean(true).describe(
        "If true (default), access continues until the period ends; if false, cancel now",
      ),
    }),
    responses: [
      {
        status: 200,
        description:
          "The subscription, cancelled or flagged to end with the period (this DELETE answers with a body, not 204)",
        schema: Subscription,
        examples: [
          {
            name: "at_period_end",
            summary: "Default: cancel_at_period_end=true",
            value: subscriptionCancelAtPeriodEndExample,
          },
          { name: "immediately", summary: "cancel_at_period_end=false", value: subscriptionCancelledExample },
        ],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "No active subscription found for this organization",
        when: "The organization has no active subscription.",
        source: "implied",
      },
      {
        status: 403,
        detail: "User does not have permission to manage this organization's billing",
        when: "user_id is not a member of the organization with billing rights.",
        source: "implied",
      },
      {
        status: 404,
        detail: "Organization not found",
        when: "organization_id does not name an organization of the tenant.",
        source: "implied",
      },
    ],
    notes: [
      "Call from your backend only (sk_live_*). Pass the id of the user your backend authenticated: the API takes user_id on trust.",
      "From a browser with the user's JWT, use DELETE /v1/organizations/{organization_id}/subscription instead.",
    ],
    keywords: [
      "backend",
      "secret key",
      "cancel at period end",
      "unsubscribe",
      "stop billing",
      "end subscription",
      "cancelled",
      "organisation",
    ],
    conflicts: [
      ASSERTED_USER_CONFLICT,
      QUICK_REFERENCE_JWT_CONFLICT,
      {
        topic: "Duplicate endpoint",
        text: "DELETE /v1/organizations/{organization_id}/subscription cancels the same subscription under a different rule: pk_live_* or sk_live_* with a JWT and the BILLING_MANAGE permission, the user identified by the token, and an answer of { message, subscription } instead of a bare SubscriptionResponse. This endpoint takes the secret key only, no JWT, and the user in user_id.",
      },
    ],
  }),
];
