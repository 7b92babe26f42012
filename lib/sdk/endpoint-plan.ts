import type { z } from "zod";
import type { Endpoint } from "@/lib/catalog";
import { type JsonSchema, toJsonSchema } from "@/lib/catalog/json-schema";
import { COMPLETION_STREAM_DONE, CompletionChunk } from "@/lib/catalog/schemas/completion";
import { camelCase, pascalCase } from "./names";

/**
 * What the catalog does not say, kept here in one place (see the report's catalog notes):
 * which endpoint ends the session, and what the events of an event-stream answer look like.
 */
export const SESSION_ENDING_ENDPOINTS: ReadonlySet<string> = new Set(["authentication.logout"]);
export const REFRESH_ENDPOINT_ID = "authentication.refresh";
export const STREAM_EVENTS: Readonly<Record<string, { chunk: z.ZodType; done: string }>> = {
  "ai.create-completion": { chunk: CompletionChunk, done: COMPLETION_STREAM_DONE },
};

const EVENT_STREAM = "text/event-stream";
const isJson = (contentType: string | undefined) => contentType === undefined || /[/+]json\b/.test(contentType);

/** What a method resolves to besides a JSON schema. */
export type PlainResult = "void" | "Blob" | "unknown";

export interface StreamPlan {
  method: string;
  chunk: JsonSchema;
  done: string;
}

/** One endpoint as the generator needs it: names, input schemas, result and session effects. */
export interface EndpointPlan {
  endpoint: Endpoint;
  /** Type-name stem: `AuthenticationLogin`. */
  base: string;
  method: string;
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  multipart: boolean;
  /** JSON answers (usually one). */
  results: JsonSchema[];
  plainResults: PlainResult[];
  /** The answer may carry access_token: store it. `always` when every JSON answer does. */
  storesTokens: "always" | "when-present" | "never";
  endsSession: boolean;
  stream?: StreamPlan;
  keyMode: "any" | "secret" | "none";
}

const hasAccessToken = (s: JsonSchema): boolean => s.properties?.access_token !== undefined;

function tokenEffect(results: JsonSchema[]): EndpointPlan["storesTokens"] {
  const shapes = results.flatMap((r) => r.anyOf ?? r.oneOf ?? [r]);
  const withTokens = shapes.filter(hasAccessToken).length;
  return withTokens === 0 ? "never" : withTokens === shapes.length ? "always" : "when-present";
}

function plainResult(status: number, contentType: string | undefined, hasSchema: boolean): PlainResult | undefined {
  if (hasSchema && isJson(contentType)) return undefined;
  if (status === 204 || status === 205) return "void";
  if (status >= 300) return "unknown"; // fetch follows redirects: the answer is the target's
  // No documented content: whatever comes back (parsed JSON, or a Blob).
  return contentType === undefined ? "unknown" : "Blob";
}

/** Required properties of an input object: a parameter without any may be omitted. */
export const hasRequired = (s: JsonSchema | undefined): boolean => (s?.required ?? []).length > 0;

export function planEndpoint(e: Endpoint): EndpointPlan {
  const success = e.responses.filter((r) => r.status >= 200 && r.status < 400);
  const streamed = success.filter((r) => r.contentType === EVENT_STREAM);
  const other = success.filter((r) => r.contentType !== EVENT_STREAM);
  const results = other.filter((r) => r.schema && isJson(r.contentType)).map((r) => toJsonSchema(r.schema!, "output"));
  const plainResults = [
    ...new Set(other.map((r) => plainResult(r.status, r.contentType, r.schema !== undefined))),
  ].filter((r): r is PlainResult => r !== undefined);

  let stream: StreamPlan | undefined;
  if (streamed.length > 0) {
    const events = STREAM_EVENTS[e.id];
    if (!events) throw new Error(`SDK: ${e.id} answers ${EVENT_STREAM} but STREAM_EVENTS has no chunk schema for it`);
    if (!e.body || toJsonSchema(e.body.schema, "input").properties?.stream === undefined) {
      throw new Error(`SDK: ${e.id} streams but its body has no stream flag`);
    }
    stream = {
      method: `stream${pascalCase(e.slug.replace(/^create-/, ""))}`,
      chunk: toJsonSchema(events.chunk, "output"),
      done: events.done,
    };
  }

  const keys = e.auth.keys;
  return {
    endpoint: e,
    base: pascalCase(e.id),
    method: camelCase(e.slug),
    params: e.pathParams && toJsonSchema(e.pathParams, "input"),
    query: e.query && toJsonSchema(e.query, "input"),
    body: e.body && toJsonSchema(e.body.schema, "input"),
    multipart: e.body?.contentType === "multipart/form-data",
    results,
    plainResults: results.length === 0 && plainResults.length === 0 ? ["void"] : plainResults,
    storesTokens: tokenEffect(results),
    endsSession: SESSION_ENDING_ENDPOINTS.has(e.id),
    stream,
    keyMode: keys.length === 0 ? "none" : keys.every((k) => k === "secret") ? "secret" : "any",
  };
}
