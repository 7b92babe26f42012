import "server-only";
import { z } from "zod";
import { type Endpoint, HTTP_METHODS, matchPath } from "@/lib/catalog";
import { normalizePath } from "@/lib/catalog/match-path";
import { searchEndpoints } from "@/lib/search";
import { maxUploadBytes } from "@/lib/sandbox/config";

/** A query value as JSON gives it; arrays repeat the parameter. */
const QueryValue = z.union([z.string(), z.number(), z.boolean()]);

/** call_sandbox's file argument: the multipart part of an upload endpoint. */
export const FileArg = z
  .object({
    filename: z.string().trim().min(1).max(255).describe("File name, e.g. notes.txt"),
    content_type: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .default("application/octet-stream")
      .describe("MIME type, e.g. text/plain"),
    text: z.string().optional().describe("The content as UTF-8 text"),
    base64: z.string().optional().describe("The content as base64, for binary files"),
  })
  .refine((f) => (f.text === undefined) !== (f.base64 === undefined), {
    message: "give exactly one of text or base64",
  });

export const CallSandboxInput = z.object({
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(HTTP_METHODS))
    .describe("HTTP method: GET, POST, PUT, PATCH or DELETE"),
  path: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe(
      "API path: a concrete path (/v1/organizations/3f2b…/members?skip=0) or a template whose {organization_id} is filled from organization_id",
    ),
  api_key: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe("The tenant's key for X-API-Key: public pk_live_… (end-user endpoints) or secret sk_live_…"),
  access_token: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .optional()
    .describe("JWT from login or register, sent as Authorization: Bearer …"),
  organization_id: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("Sent as X-Organization-Id, and fills {organization_id} in a template path"),
  query: z
    .record(z.string(), z.union([QueryValue, z.array(QueryValue)]))
    .optional()
    .describe("Query parameters, added to any in the path"),
  body: z.unknown().optional().describe("JSON body (an object); for an upload endpoint, its other form fields"),
  file: FileArg.optional().describe(
    "For upload endpoints (POST /v1/user/files): the file sent as the multipart part `file`; at most the sandbox's upload limit",
  ),
});

export type CallSandboxArgs = z.output<typeof CallSandboxInput>;

/** A request call_sandbox can make: the endpoint it reaches and the request for the sandbox engine. */
export interface SandboxCall {
  endpoint: Endpoint;
  request: Request;
}

/** Why call_sandbox cannot make a request, said so the caller can fix it. */
export class CallError extends Error {}

/** " Nearest endpoints: …": the endpoint the path names once its scheme and host are dropped, else the search's best. */
const nearest = (text: string): string => {
  const named = matchPath(
    undefined,
    normalizePath(text.replace(/^\/\/[^/]*/, "")).path.replace(/^\/sandbox(?=\/v1\/)/, ""),
  ).map((m) => m.endpoint);
  let near: Endpoint[] = named;
  try {
    if (near.length === 0) near = searchEndpoints(text, { limit: 3 }).map((h) => h.endpoint);
  } catch {
    near = [];
  }
  return near.length ? ` Nearest endpoints: ${near.map((e) => `${e.method} ${e.path}`).join("; ")}.` : "";
};

/** `..`, `.` or their percent-encoded forms as a segment: a way out of the API's paths. */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

/**
 * The API path of `raw`, checked to be one: a sandbox path only. Full URLs, scheme-relative `//host`, backslashes
 * and dot segments are refused, so nothing but the sandbox is ever addressed.
 */
function apiPath(raw: string, organizationId: string | undefined): { pathname: string; search: string } {
  if (
    /^[a-z][a-z0-9+.-]*:/i.test(raw) ||
    raw.startsWith("//") ||
    raw.includes("\\") ||
    DOT_SEGMENT.test(raw.split(/[?#]/, 1)[0] ?? "")
  ) {
    throw new CallError(
      `"${raw}" is not a sandbox path: give the API path only, starting with /v1/ (no scheme, host, // or ..).${nearest(raw)}`,
    );
  }
  if (raw.includes("#")) throw new CallError("The path must not carry a #fragment.");
  const q = raw.indexOf("?");
  let pathname = q === -1 ? raw : raw.slice(0, q);
  const search = q === -1 ? "" : raw.slice(q);
  pathname = pathname.replace(/^\/sandbox(?=\/v1\/)/, "");
  if (!pathname.startsWith("/v1/"))
    throw new CallError(`"${raw}" is not an API path: paths start with /v1/.${nearest(raw)}`);
  pathname = pathname.replace(/\{organization_id\}/g, () => {
    if (!organizationId)
      throw new CallError("The path has {organization_id}: pass organization_id, or put the id in the path.");
    return encodeURIComponent(organizationId);
  });
  const placeholder = /\{(\w+)\}/.exec(pathname);
  if (placeholder)
    throw new CallError(`The path still has {${placeholder[1]}}: put the real ${placeholder[1]} in the path.`);
  return { pathname, search };
}

/** The form field of an upload body that holds the file (a z.file() field of its schema). */
function fileField(endpoint: Endpoint): string | undefined {
  const body = endpoint.body;
  if (body?.contentType !== "multipart/form-data" || !(body.schema instanceof z.ZodObject)) return undefined;
  return Object.entries(body.schema.shape as Record<string, z.ZodType>).find(([, s]) => s instanceof z.ZodFile)?.[0];
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function fileBytes(file: z.output<typeof FileArg>): Uint8Array<ArrayBuffer> {
  if (file.text !== undefined) return new TextEncoder().encode(file.text);
  const b64 = (file.base64 ?? "").replace(/\s+/g, "");
  if (b64.length % 4 !== 0 || !B64.test(b64)) throw new CallError("file.base64 is not valid base64.");
  return new Uint8Array(Buffer.from(b64, "base64"));
}

function jsonBody(body: unknown): string {
  if (typeof body !== "string") return JSON.stringify(body);
  try {
    JSON.parse(body);
    return body;
  } catch {
    throw new CallError("body is not JSON: pass the body as an object (or a string holding JSON).");
  }
}

/** The request `args` ask for, aimed at `sandboxBase` (`<portal>/sandbox`); CallError when it cannot be made. */
export function sandboxCall(args: CallSandboxArgs, sandboxBase: string): SandboxCall {
  const { pathname, search } = apiPath(args.path, args.organization_id);
  const hit = matchPath(args.method, pathname)[0];
  if (!hit) {
    const others = matchPath(undefined, pathname);
    if (others.length > 0) {
      throw new CallError(
        `${args.method} is not an endpoint on ${pathname}. That path takes: ${others.map((m) => `${m.endpoint.method} ${m.endpoint.path}`).join(", ")}.`,
      );
    }
    throw new CallError(
      `No endpoint matches ${args.method} ${pathname}.${nearest(pathname)} Use search_endpoints to find one.`,
    );
  }
  const endpoint = hit.endpoint;
  const url = new URL(`${sandboxBase}${pathname}${search}`);
  // Defence in depth: whatever the path held, the request stays on the sandbox's API.
  if (url.origin !== new URL(sandboxBase).origin || !url.pathname.startsWith("/sandbox/v1/"))
    throw new CallError(`"${args.path}" is not a sandbox path.`);
  for (const [name, value] of Object.entries(args.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
  }

  const headers = new Headers({ "x-api-key": args.api_key, accept: "application/json, text/event-stream, */*" });
  if (args.access_token) headers.set("authorization", `Bearer ${args.access_token.replace(/^bearer\s+/i, "")}`);
  if (args.organization_id) headers.set("x-organization-id", args.organization_id);

  const field = fileField(endpoint);
  if (args.file && !field)
    throw new CallError(
      `${endpoint.method} ${endpoint.path} takes no file: send file only to an upload endpoint (POST /v1/user/files).`,
    );
  let body: BodyInit | undefined;
  if (field) {
    const form = new FormData();
    if (args.body !== undefined) {
      if (typeof args.body !== "object" || args.body === null || Array.isArray(args.body))
        throw new CallError("For an upload, body holds the other form fields as an object.");
      for (const [k, v] of Object.entries(args.body)) form.append(k, typeof v === "string" ? v : JSON.stringify(v));
    }
    if (args.file) {
      const bytes = fileBytes(args.file);
      if (bytes.byteLength > maxUploadBytes())
        throw new CallError(`The file has ${bytes.byteLength} bytes; the sandbox takes at most ${maxUploadBytes()}.`);
      form.append(field, new File([bytes], args.file.filename, { type: args.file.content_type }));
    }
    body = form;
  } else if (args.body !== undefined) {
    if (!endpoint.body)
      throw new CallError(
        `${endpoint.method} ${endpoint.path} takes no request body: drop body${endpoint.query ? " (its parameters go in query)" : ""}.`,
      );
    body = jsonBody(args.body);
    headers.set("content-type", "application/json");
  }
  return {
    endpoint,
    request: new Request(url, { method: args.method, headers, ...(body !== undefined ? { body } : {}) }),
  };
}
