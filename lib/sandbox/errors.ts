import type { Endpoint } from "@/lib/catalog";
import type { ValidationIssue } from "./validation";

/**
 * A documented API error: thrown anywhere in the sandbox, answered as FastAPI's `{"detail": ...}`.
 * `detail` is a string, or the 422 list of field errors.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | ValidationIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(typeof detail === "string" ? detail : "Validation error");
    this.name = "ApiError";
  }
}

/**
 * The error `endpoint` documents for `status`: the given detail when it is one of them, else the first (the one its
 * page shows). Handlers reach this through `ctx.fail`, whose types allow only documented statuses and details; an
 * undocumented one (possible only around those types) is a bug in the sandbox, so it is a 500, not a made-up answer.
 */
export function documentedError(
  endpoint: Endpoint,
  status: number,
  detail?: string | ValidationIssue[],
  headers?: Record<string, string>,
): ApiError {
  const spec = endpoint.errors.find((e) => e.status === status && (typeof detail !== "string" || e.detail === detail));
  if (!spec)
    throw new Error(`${endpoint.id} does not document ${status}${typeof detail === "string" ? ` "${detail}"` : ""}`);
  return new ApiError(status, Array.isArray(detail) ? detail : spec.detail, headers);
}

/** A JSON answer (no body for 204 / undefined). */
export function jsonResponse(status: number, body?: unknown, headers?: Record<string, string>): Response {
  if (body === undefined || status === 204) return new Response(null, { status, headers });
  return Response.json(body, { status, headers });
}

export const errorResponse = (status: number, detail: string | ValidationIssue[], headers?: Record<string, string>) =>
  jsonResponse(status, { detail }, headers);

/** ApiError → its answer; anything else → 500, logged without request data (keys, tokens, passwords never reach the log). */
export function toResponse(error: unknown, where = "sandbox"): Response {
  if (error instanceof ApiError) return errorResponse(error.status, error.detail, error.headers);
  console.error(
    `[sandbox] unexpected error in ${where}:`,
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
  return errorResponse(500, "Internal sandbox error");
}
