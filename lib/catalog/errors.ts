import { z } from "zod";
import type { AuthRule, ErrorSpec, RateLimit } from "./types";

/** Every non-2xx answer of the API: FastAPI's `{ "detail": ... }`. */
export const ErrorResponse = z
  .object({ detail: z.string().describe("Human-readable reason") })
  .describe("Error answer");

export const ValidationErrorItem = z.object({
  loc: z.array(z.union([z.string(), z.number()])).describe('Where the error is, e.g. ["body", "email"]'),
  msg: z.string(),
  type: z.string(),
});
/** 422: FastAPI's list of field errors. */
export const ValidationErrorResponse = z
  .object({ detail: z.array(ValidationErrorItem) })
  .describe("Validation error answer");

export const VALIDATION_EXAMPLE = {
  detail: [{ loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error" }],
};

export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "1 hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "1 minute" : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** "10 per 15 minutes per IP, blocked 15 minutes after exceeding". */
export function describeRateLimit(r: RateLimit): string {
  const window =
    r.windowSeconds === 60 ? "minute" : r.windowSeconds === 3600 ? "hour" : formatDuration(r.windowSeconds);
  const base = `${r.count} per ${window} per ${r.scope === "ip" ? "IP" : "user"}`;
  return r.blockSeconds ? `${base}, blocked ${formatDuration(r.blockSeconds)} after exceeding` : base;
}

/** The details of the implied errors, shared by `impliedErrors` and its type-level twin `ImpliedErrors` (lib/catalog/define.ts). */
export const IMPLIED_DETAIL = {
  keyRequired: "API key required",
  keyInvalid: "Invalid API key",
  secretKeyRequired: "This endpoint requires a secret API key (sk_live_*)",
  originNotAllowed: "Origin not allowed for this API key",
  notAuthenticated: "Not authenticated",
  invalidToken: "Could not validate credentials",
  notMember: "Not a member of this organization",
  organizationHeader: "X-Organization-Id header is required",
  insufficientPermissions: "Insufficient permissions",
  notFound: "Not found",
  validation: "Validation error",
  tooManyRequests: "Too many requests",
} as const;

/** Details that several endpoints document and the sandbox's data layer raises itself: written once, here. */
export const SHARED_DETAIL = {
  schemaNameTaken: "Entity schema with this name already exists",
  schemaSlugTaken: "Entity schema with this slug already exists",
  schemaHasRecords: "Cannot delete entity schema with existing records",
  usageLimitExceeded: "Usage limit exceeded",
} as const;

interface ImplyInput {
  auth: AuthRule;
  path: string;
  rateLimit?: RateLimit;
  hasPathParams: boolean;
  validatesInput: boolean;
}

/** The errors that follow from an endpoint's auth rule, parameters and rate limit. */
export function impliedErrors({ auth, path, rateLimit, hasPathParams, validatesInput }: ImplyInput): ErrorSpec[] {
  const out: ErrorSpec[] = [];
  const add = (status: number, detail: string, when: string) => out.push({ status, detail, when, source: "implied" });
  const d = IMPLIED_DETAIL;
  if (auth.keys.length > 0) {
    add(401, d.keyRequired, "The X-API-Key header is missing.");
    add(401, d.keyInvalid, "The X-API-Key is unknown, revoked, or belongs to another environment.");
  }
  if (auth.keys.length === 1 && auth.keys[0] === "secret") {
    add(403, d.secretKeyRequired, "A public key (pk_live_*) was sent.");
  }
  if (auth.keys.includes("public")) {
    add(403, d.originNotAllowed, "A public key was used from an origin the tenant did not allow.");
  }
  if (auth.jwt === "required")
    add(401, d.notAuthenticated, "The Authorization: Bearer <access_token> header is missing.");
  if (auth.jwt !== "none") {
    add(
      401,
      d.invalidToken,
      "The access token is malformed, expired (1 hour lifetime) or revoked: refresh it and retry once.",
    );
  }
  if (auth.jwt === "required" && path.includes("{organization_id}")) {
    add(403, d.notMember, "The signed-in user is not an active member of the organization in the path.");
  }
  if (auth.organizationHeader) {
    add(422, d.organizationHeader, "The X-Organization-Id header is missing or not a UUID.");
    add(403, d.notMember, "The user does not belong to the organization named in X-Organization-Id.");
  }
  if (auth.permission || auth.roles) {
    const who = auth.roles ? auth.roles.join("/") : `roles with ${auth.permission}`;
    add(403, d.insufficientPermissions, `The caller's organization role is not ${who}.`);
  }
  if (hasPathParams)
    add(404, d.notFound, "A resource named in the path does not exist in this tenant or is not visible to the caller.");
  if (validatesInput)
    add(
      422,
      d.validation,
      "A parameter or body field is missing, of the wrong type, or breaks a constraint; detail lists each field.",
    );
  if (rateLimit) {
    add(
      429,
      d.tooManyRequests,
      `More than ${describeRateLimit(rateLimit)}. The Retry-After header gives the seconds to wait.`,
    );
  }
  return out;
}

/** Documented errors first, then implied ones not already covered by a documented error of the same status and detail. */
export function mergeErrors(documented: ErrorSpec[], implied: ErrorSpec[]): ErrorSpec[] {
  const seen = new Set(documented.map((e) => `${e.status} ${e.detail}`));
  const merged = [...documented, ...implied.filter((e) => !seen.has(`${e.status} ${e.detail}`))];
  return merged.sort((a, b) => a.status - b.status);
}
