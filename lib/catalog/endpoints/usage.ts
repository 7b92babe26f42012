import { SHARED_DETAIL } from "../errors";
import { z } from "zod";
import { defineEndpoint } from "../define";
import { EXAMPLE_IDS, uuid } from "../primitives";
import {
  CurrentUsage,
  currentUsageExample,
  EntityUsage,
  entityUsageExample,
  UsageCheckRequest,
  UsageCheckResult,
  usageCheckAllowedExample,
  usageCheckDeniedExample,
  UsageConsumeRequest,
  UsageConsumeResult,
  usageConsumeResultExample,
  UsageHistoryRecord,
  usageHistoryRecordExample,
  UsageStats,
  usageStatsExample,
  usageStatsNoPlanExample,
} from "../schemas/usage";
import type { Conflict } from "../types";

const category = "usage";
const apiKeyAndJwt = { keys: ["public", "secret"], jwt: "required" } as const;

const organizationQuery = (what: string) => uuid().describe(`Organization ${what}`);

const notMember = {
  status: 403,
  detail: "Not a member of this organization",
  when: "organization_id names an organization the user does not belong to.",
  source: "implied",
} as const;

const orgHeaderConflict = (where: string): Conflict => ({
  topic: "Organization header",
  text: `The request-headers guide lists usage among the org-scoped endpoints that take the X-Organization-Id header, yet this endpoint's own entry names the organization in the organization_id ${where} and lists no X-Organization-Id header. The portal documents organization_id as the endpoint entry does.`,
});

const tokenLimitConflict: Conflict = {
  topic: "Token limits",
  text: "usage_type defaults to tokens, but the plan documentation marks the token limit (max_tokens_per_month) as deprecated in favour of max_cost_usd_per_month, and /v1/api/usage/current reports tokens without a max or remaining. The seed does not say which limit a tokens amount is measured against.",
};

const usageRequestExample = {
  tokens: 1,
  usage_type: "messages",
  user_id: EXAMPLE_IDS.user,
  organization_id: EXAMPLE_IDS.organization,
} as const;

const PREFER_NOTE =
  "Usage lives under two prefixes: /v1/api/usage/* (current, history, entity-usage) and /v1/usage/* (stats, check, consume). To show a user what is left, prefer /v1/api/usage/current: the chat endpoint points there, and its fields are never null.";

export const usageEndpoints = [
  defineEndpoint({
    category,
    slug: "current",
    method: "GET",
    path: "/v1/api/usage/current",
    summary: "Get current usage statistics for authenticated user",
    description:
      "Returns the signed-in user's usage in the current billing period of an organization's plan: messages and AI cost against their limits, and tokens used. Limits the plan does not set read \"unlimited\".",
    auth: apiKeyAndJwt,
    query: z.object({ organization_id: organizationQuery("to check usage for") }),
    responses: [
      {
        status: 200,
        description: "Usage of the current period",
        schema: CurrentUsage,
        examples: [{ name: "pro_plan", summary: "Pro plan, 45% of messages used", value: currentUsageExample }],
      },
    ],
    errors: [notMember],
    notes: [
      PREFER_NOTE,
      'max and remaining are numbers, or the string "unlimited" when the plan sets no limit: check the type before doing arithmetic.',
      "When error is not null, show it instead of the figures.",
    ],
    keywords: [
      "quota",
      "remaining messages",
      "plan limits",
      "how much is left",
      "usage meter",
      "cost so far",
      "budget",
    ],
    conflicts: [orgHeaderConflict("query parameter")],
  }),
  defineEndpoint({
    category,
    slug: "history",
    method: "GET",
    path: "/v1/api/usage/history",
    summary: "Get usage history",
    description:
      "Lists the user's usage records in an organization, one per usage period, with period dates, counters and metadata. Paged with limit and offset.",
    auth: apiKeyAndJwt,
    query: z.object({
      organization_id: organizationQuery("ID"),
      limit: z.coerce.number().int().min(1).default(20).describe("Number of records to return (default 20)"),
      offset: z.coerce.number().int().min(0).default(0).describe("Number of records to skip (default 0)"),
    }),
    responses: [
      {
        status: 200,
        description: "Usage records",
        schema: z.array(UsageHistoryRecord),
        examples: [{ name: "ok", value: [usageHistoryRecordExample] }],
      },
    ],
    errors: [notMember],
    notes: [
      "Paging here is limit/offset, unlike the skip/limit of most list endpoints.",
      "The seed describes the records only in words (period dates, usage counts, metadata); the fields shown are inferred from the per-user usage record of /v1/subscriptions/users/{user_id}/usage.",
    ],
    keywords: [
      "past periods",
      "usage log",
      "previous months",
      "consumption history",
      "billing period",
      "offset pagination",
    ],
    conflicts: [orgHeaderConflict("query parameter")],
  }),
  defineEndpoint({
    category,
    slug: "entity-usage",
    method: "GET",
    path: "/v1/api/usage/entity-usage",
    summary: "Get custom entity usage statistics",
    description:
      "Returns counters of an organization's custom entities, such as the number of entity schemas and of stored records. Further counters may be present.",
    auth: apiKeyAndJwt,
    query: z.object({ organization_id: organizationQuery("ID") }),
    responses: [
      {
        status: 200,
        description: "Entity usage counters",
        schema: EntityUsage,
        examples: [{ name: "ok", value: entityUsageExample }],
      },
    ],
    errors: [notMember],
    notes: ['The seed names only schemas count and records count ("etc."); other counters may be returned too.'],
    keywords: [
      "how many records",
      "record count",
      "number of schemas",
      "records count",
      "schemas count",
      "custom data usage",
      "storage used",
      "entity limits",
    ],
    conflicts: [orgHeaderConflict("query parameter")],
  }),
  defineEndpoint({
    category,
    slug: "stats",
    method: "GET",
    path: "/v1/usage/stats",
    summary: "Get comprehensive usage statistics for user and organization",
    description:
      "Returns the same usage picture as /v1/api/usage/current (period, plan, usage by type), but any field may be null, for example when the organization has no active plan; error then says why.",
    auth: apiKeyAndJwt,
    query: z.object({ organization_id: organizationQuery("to check usage for") }),
    responses: [
      {
        status: 200,
        description: "Usage statistics; fields are null and error is set when they cannot be computed",
        schema: UsageStats,
        examples: [
          { name: "ok", value: usageStatsExample },
          { name: "no_plan", summary: "No active plan: nulls and an error", value: usageStatsNoPlanExample },
        ],
      },
    ],
    errors: [notMember],
    notes: [PREFER_NOTE, "Handle null fields and a non-null error before rendering."],
    keywords: ["usage summary", "dashboard", "analytics", "quota", "plan limits", "statistics"],
    conflicts: [orgHeaderConflict("query parameter")],
  }),
  defineEndpoint({
    category,
    slug: "check",
    method: "POST",
    path: "/v1/usage/check",
    summary: "Check if usage is allowed without consuming",
    description:
      "Asks whether an amount of tokens or messages would fit within the organization plan's limit for the current period, without recording anything. A refusal is an answer with allowed: false, not an error.",
    auth: { ...apiKeyAndJwt, condition: "user_id must be the authenticated user." },
    body: {
      contentType: "application/json",
      schema: UsageCheckRequest,
      examples: [{ name: "one_message", summary: "Would one more message fit?", value: usageRequestExample }],
    },
    responses: [
      {
        status: 200,
        description: "Whether the amount is allowed, with the current state of the limit",
        schema: UsageCheckResult,
        examples: [
          { name: "allowed", value: usageCheckAllowedExample },
          { name: "denied", summary: "Would exceed the limit", value: usageCheckDeniedExample },
        ],
      },
    ],
    errors: [
      {
        status: 403,
        detail: "Cannot check usage for another user",
        when: "user_id is not the authenticated user.",
        source: "implied",
      },
      notMember,
    ],
    notes: [
      "user_id must match the authenticated user.",
      "Use before an expensive action to show an upgrade prompt instead of failing; the actual spend is recorded by /v1/usage/consume.",
    ],
    keywords: ["pre-flight", "quota check", "dry run", "would exceed", "can I send", "limit check"],
    conflicts: [orgHeaderConflict("body field"), tokenLimitConflict],
  }),
  defineEndpoint({
    category,
    slug: "consume",
    method: "POST",
    path: "/v1/usage/consume",
    summary: "Consume usage tokens/messages",
    description:
      "Records an amount of tokens or messages against the organization plan's limit for the current period. Refused with 402 when the amount would exceed the limit.",
    auth: { ...apiKeyAndJwt, condition: "user_id must be the authenticated user." },
    body: {
      contentType: "application/json",
      schema: UsageConsumeRequest,
      examples: [{ name: "one_message", summary: "Record one message", value: usageRequestExample }],
    },
    responses: [
      {
        status: 200,
        description: "Recorded, with the limit state afterwards",
        schema: UsageConsumeResult,
        examples: [{ name: "ok", value: usageConsumeResultExample }],
      },
    ],
    errors: [
      {
        status: 402,
        detail: SHARED_DETAIL.usageLimitExceeded,
        when: "The amount would exceed the plan's limit for the current period.",
      },
      {
        status: 403,
        detail: "Cannot consume usage for another user",
        when: "user_id is not the authenticated user.",
        source: "implied",
      },
      notMember,
    ],
    notes: [
      "Returns 402 Payment Required if usage limits are exceeded: offer an upgrade.",
      "user_id must match the authenticated user.",
      "Agent chats are tracked by the API itself; consume is for usage your own code meters.",
    ],
    keywords: [
      "402",
      "usage limit exceeded",
      "limit exceeded",
      "record usage",
      "meter",
      "deduct",
      "spend quota",
      "payment required",
      "increment counter",
    ],
    conflicts: [orgHeaderConflict("body field"), tokenLimitConflict],
  }),
];
