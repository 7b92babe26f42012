import type { z } from "zod";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const CATEGORY_IDS = [
  "authentication",
  "organizations",
  "subscriptions",
  "billing",
  "usage",
  "agents",
  "users",
  "plans",
  "ai",
  "entities",
  "departments",
  "files",
  "external_agents",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** API key kinds: public `pk_live_*` (browser-safe, origin-checked) and secret `sk_live_*` (server only). */
export type KeyKind = "public" | "secret";
export type JwtRule = "required" | "optional" | "none";
export type OrgRole = "owner" | "admin" | "member" | "developer";

export interface AuthRule {
  /** Accepted X-API-Key kinds; empty means the endpoint takes no API key at all. */
  keys: readonly KeyKind[];
  jwt: JwtRule;
  /** The endpoint requires the `X-Organization-Id` header. */
  organizationHeader?: boolean;
  /** Named permission the caller's organization role must grant, e.g. `BILLING_MANAGE`. */
  permission?: string;
  /** Organization roles allowed to call it, when the seed restricts it (e.g. owner/admin only). */
  roles?: readonly OrgRole[];
  /** Extra condition on who may call it, in words (e.g. "pk_live_* callers may only read their own user"). */
  condition?: string;
}

/** "count requests per window, per ip or user; after exceeding, blocked for block seconds". */
export interface RateLimit {
  count: number;
  windowSeconds: number;
  scope: "ip" | "user";
  blockSeconds?: number;
}

export interface Example {
  name: string;
  summary?: string;
  value: unknown;
}

export interface RequestBody<S extends z.ZodType = z.ZodType> {
  contentType: "application/json" | "multipart/form-data";
  schema: S;
  examples: Example[];
}

export interface ResponseSpec {
  status: number;
  description: string;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
  schema?: z.ZodType;
  examples: Example[];
  /** Response headers worth documenting, name → description. */
  headers?: Record<string, string>;
}

export interface ErrorSpec {
  status: number;
  /** The `detail` the API answers with (string, or FastAPI's list of field errors for 422). */
  detail: string;
  when: string;
  /** documented: the seed says so; implied: follows from the auth rule, parameters or rate limit. */
  source: "documented" | "implied";
}

/** Where the seed contradicts itself about this endpoint: we keep the per-endpoint rule and show this. */
export interface Conflict {
  topic: string;
  text: string;
}

export interface Endpoint {
  /** Stable id: `${category}.${slug}`. */
  id: string;
  category: CategoryId;
  slug: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description: string;
  auth: AuthRule;
  rateLimit?: RateLimit;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** Extra request headers beyond X-API-Key / Authorization / X-Organization-Id. */
  headers?: z.ZodObject;
  body?: RequestBody;
  responses: ResponseSpec[];
  errors: ErrorSpec[];
  notes: string[];
  keywords: string[];
  conflicts: Conflict[];
}

export interface Category {
  id: CategoryId;
  /** URL segment: `external_agents` → `external-agents`. */
  slug: string;
  title: string;
  description: string;
  notes: string[];
}
