import { describeRateLimit } from "./errors";
import { jsonSafeExample } from "./examples";
import { findCategory } from "./categories";
import { authSummary, requestHeaders, type HeaderSpec } from "./headers";
import { type JsonSchema, toJsonSchema } from "./json-schema";
import type { AuthRule, Conflict, Endpoint, ErrorSpec, HttpMethod, RateLimit } from "./types";

/** Everything the catalog knows about an endpoint, as plain JSON (MCP structuredContent, console, .md twins). */
export interface EndpointDetail {
  id: string;
  category: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description: string;
  docs_path: string;
  auth: AuthRule & { summary: string };
  headers: HeaderSpec[];
  rate_limit: (RateLimit & { summary: string }) | null;
  path_parameters: JsonSchema | null;
  query_parameters: JsonSchema | null;
  request_body: {
    content_type: string;
    schema: JsonSchema;
    examples: Array<{ name: string; summary?: string; value: unknown }>;
  } | null;
  responses: Array<{
    status: number;
    description: string;
    content_type: string | null;
    schema: JsonSchema | null;
    headers: Record<string, string> | null;
    examples: Array<{ name: string; summary?: string; value: unknown }>;
  }>;
  errors: ErrorSpec[];
  notes: string[];
  conflicts: Conflict[];
}

export function docsPath(e: Endpoint): string {
  return `/reference/${findCategory(e.category)?.slug ?? e.category}/${e.slug}`;
}

const examplesOf = (xs: Endpoint["responses"][number]["examples"]) =>
  xs.map((x) => ({ name: x.name, ...(x.summary ? { summary: x.summary } : {}), value: jsonSafeExample(x.value) }));

const cache = new WeakMap<Endpoint, EndpointDetail>();

export function endpointDetail(e: Endpoint): EndpointDetail {
  const hit = cache.get(e);
  if (hit) return hit;
  const detail: EndpointDetail = {
    id: e.id,
    category: e.category,
    method: e.method,
    path: e.path,
    summary: e.summary,
    description: e.description,
    docs_path: docsPath(e),
    auth: { ...e.auth, summary: authSummary(e) },
    headers: requestHeaders(e),
    rate_limit: e.rateLimit ? { ...e.rateLimit, summary: describeRateLimit(e.rateLimit) } : null,
    path_parameters: e.pathParams ? toJsonSchema(e.pathParams, "input") : null,
    query_parameters: e.query ? toJsonSchema(e.query, "input") : null,
    request_body: e.body
      ? {
          content_type: e.body.contentType,
          schema: toJsonSchema(e.body.schema, "input"),
          examples: examplesOf(e.body.examples),
        }
      : null,
    responses: e.responses.map((r) => ({
      status: r.status,
      description: r.description,
      content_type: r.contentType ?? (r.schema ? "application/json" : null),
      schema: r.schema ? toJsonSchema(r.schema, "output") : null,
      headers: r.headers ?? null,
      examples: examplesOf(r.examples),
    })),
    errors: e.errors,
    notes: e.notes,
    conflicts: e.conflicts,
  };
  cache.set(e, detail);
  return detail;
}
