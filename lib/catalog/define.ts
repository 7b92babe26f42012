import { impliedErrors, mergeErrors } from "./errors";
import type { Conflict, Endpoint, ErrorSpec } from "./types";

export type EndpointInput = Omit<Endpoint, "id" | "errors" | "notes" | "keywords" | "conflicts"> & {
  /** Errors the seed documents or that are specific to this endpoint (404 details, 409, 402 ...). Auth, 422 and 429 errors are implied. */
  errors?: Array<Omit<ErrorSpec, "source"> & { source?: ErrorSpec["source"] }>;
  notes?: string[];
  keywords?: string[];
  conflicts?: Conflict[];
};

const PUBLIC_KEY_CONFLICT: Conflict = {
  topic: "Public key scope",
  text: "The API overview says public keys (pk_live_*) are limited to authentication endpoints, yet this endpoint lists pk_live_* among its accepted keys. The portal documents the per-endpoint rule.",
};

/** Completes an endpoint: id, implied errors, and the conflicts that follow from the seed's global statements. */
export function defineEndpoint(input: EndpointInput): Endpoint {
  const documented: ErrorSpec[] = (input.errors ?? []).map((e) => ({ ...e, source: e.source ?? "documented" }));
  const implied = impliedErrors({
    auth: input.auth,
    path: input.path,
    rateLimit: input.rateLimit,
    hasPathParams: input.pathParams !== undefined,
    validatesInput: input.body !== undefined || input.query !== undefined || input.pathParams !== undefined,
  });
  const conflicts = [...(input.conflicts ?? [])];
  if (input.category !== "authentication" && input.auth.keys.includes("public")) conflicts.push(PUBLIC_KEY_CONFLICT);
  return {
    ...input,
    id: `${input.category}.${input.slug}`,
    errors: mergeErrors(documented, implied),
    notes: input.notes ?? [],
    keywords: input.keywords ?? [],
    conflicts,
  };
}
