import { z } from "zod";
import { defineEndpoint } from "../define";
import { queryBoolean, skipLimit, uuid } from "../primitives";
import { freePlanExample, Plan, PlanPage, planExample, planPageExample } from "../schemas/plan";

const category = "plans";
const apiKeyAndJwt = { keys: ["public", "secret"], jwt: "required" } as const;

const ANONYMOUS_USE_CONFLICT = {
  topic: "JWT versus anonymous use",
  text: "The note suggests this list for pricing pages and sign-up flows, which visitors usually see before they have an account, yet the endpoint (like the whole plans category and the quick reference's 'Plans (JWT required)') requires a JWT. The portal documents the JWT requirement; for signed-out visitors, fetch plans from your backend (e.g. GET /v1/billing/available-plans with sk_live_*).",
};

export const plansEndpoints = [
  defineEndpoint({
    category,
    slug: "list-plans",
    method: "GET",
    path: "/v1/plans",
    summary: "List all plans (paginated)",
    description:
      "Lists the tenant's plans with skip/limit paging. Deactivated plans are left out unless include_inactive is true.",
    auth: apiKeyAndJwt,
    query: z.object({
      ...skipLimit(100, 1000),
      include_inactive: queryBoolean(false).describe("Include deactivated plans (default false)"),
    }),
    responses: [
      {
        status: 200,
        description:
          "One page of plans. page is derived from skip and limit (skip / limit + 1); per_page equals limit.",
        schema: PlanPage,
        examples: [{ name: "ok", value: planPageExample }],
      },
    ],
    notes: ["Paging is offset-based: request the next page with skip = skip + limit while has_next is true."],
    keywords: ["pricing", "price list", "tiers", "pagination", "inactive plans", "browse plans"],
  }),
  defineEndpoint({
    category,
    slug: "list-active-plans",
    method: "GET",
    path: "/v1/plans/active",
    summary: "List active plans only",
    description: "Returns every active plan as a plain array, without paging.",
    auth: apiKeyAndJwt,
    responses: [
      {
        status: 200,
        description: "Active plans",
        schema: z.array(Plan),
        examples: [{ name: "ok", value: [freePlanExample, planExample] }],
      },
    ],
    notes: ["Useful for displaying plan options on pricing pages."],
    keywords: ["pricing page", "price list", "tiers", "upgrade options", "available plans"],
    conflicts: [ANONYMOUS_USE_CONFLICT],
  }),
  defineEndpoint({
    category,
    slug: "list-free-plans",
    method: "GET",
    path: "/v1/plans/free",
    summary: "List free plans only",
    description: "Returns the plans that cost nothing (is_free true), as a plain array.",
    auth: apiKeyAndJwt,
    responses: [
      {
        status: 200,
        description: "Free plans",
        schema: z.array(Plan),
        examples: [{ name: "ok", value: [freePlanExample] }],
      },
    ],
    notes: [
      "Useful for sign-up flows: auto-assign a free plan (for example with PUT /v1/subscriptions/users/{user_id}/plan/{plan_id}).",
    ],
    keywords: ["free tier", "no cost", "sign up", "starter plan", "default plan", "trial"],
    conflicts: [ANONYMOUS_USE_CONFLICT],
  }),
  defineEndpoint({
    category,
    slug: "get-plan",
    method: "GET",
    path: "/v1/plans/{plan_id}",
    summary: "Get plan details by ID",
    description: "Returns one plan of the tenant, with its prices, limits and Stripe price ids.",
    auth: apiKeyAndJwt,
    pathParams: z.object({ plan_id: uuid().describe("Plan id") }),
    responses: [{ status: 200, description: "The plan", schema: Plan, examples: [{ name: "ok", value: planExample }] }],
    errors: [{ status: 404, detail: "Plan not found", when: "No plan with this id exists in the tenant." }],
    notes: ["Returns 404 if the plan is not found."],
    keywords: ["pricing", "price", "limits", "features", "single plan"],
    conflicts: [
      {
        topic: "Plan fields",
        text: "This endpoint's field list differs from PlanResponse as /v1/subscriptions/plans documents it: it omits max_tokens_per_month, says currency defaults to 'USD' (upper case) while the examples use 'usd', and marks description and the Stripe ids nullable where the other list says plain string. The portal uses one Plan schema (nullable where either source allows null).",
      },
    ],
  }),
];
