import type { z } from "zod";
import type { Endpoint, KeyKind } from "@/lib/catalog";
import { toValidationIssues, type Location } from "@/lib/catalog/validation-issues";

import type { Credentials } from "./credentials";

// Defined beside their storage (light enough for the samples' island); re-exported for the console's callers.
export { type Credentials, EMPTY_CREDENTIALS } from "./credentials";

/** Which API key a request sends. */
export type KeyChoice = KeyKind | "none";

/** The request editor's state: raw strings as typed, plus picked files. */
export interface RequestDraft {
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** JSON body as typed (JSON endpoints). */
  bodyText: string;
  /** Multipart text fields by name (multipart endpoints). */
  formFields: Record<string, string>;
  /** Multipart files by field name. */
  files: Record<string, File | null>;
  key: KeyChoice;
  /** Send the access token on endpoints that take one. */
  sendToken: boolean;
}

/** The editor's state: `key` null means "the default for the credentials entered" (see defaultKey). */
export type EditorDraft = Omit<RequestDraft, "key"> & { key: KeyChoice | null };

export type SentBody =
  | { kind: "json"; text: string; value: unknown }
  | { kind: "multipart"; fields: Array<{ name: string; value: string } | { name: string; file: File }> };

/** Exactly what the console sends: the editor's input resolved against the endpoint and the credentials. */
export interface SentRequest {
  endpointId: string;
  method: Endpoint["method"];
  /** The path with its parameters substituted (percent-encoded). */
  path: string;
  /** Query pairs in the catalog's order, empty values left out. */
  query: Array<[string, string]>;
  /** path + "?" + query, what is appended to the environment's base URL. */
  pathAndQuery: string;
  headers: Array<{ name: string; value: string }>;
  keyKind: KeyKind | null;
  usedToken: boolean;
  organizationId: string | null;
  body: SentBody | null;
  /** Raw path parameter values, for the SDK copy. */
  pathParams: Record<string, string>;
  /** Query values after the catalog's schema (numbers as numbers), only those entered, for the SDK copy. */
  typedQuery: Record<string, string | number | boolean>;
}

/** One problem found before sending: `loc` like "body.email" or "header.X-API-Key". */
export interface FieldError {
  loc: string;
  message: string;
}

export type BuildResult =
  { ok: true; request: SentRequest; errors: FieldError[] } | { ok: false; errors: FieldError[] };

/** Schema keys of a zod object, in declaration order. */
export function shapeKeys(schema: z.ZodObject | undefined): string[] {
  return schema ? Object.keys(schema.shape) : [];
}

/** A multipart field that takes a file (z.file(), possibly optional). */
export function isFileField(schema: z.ZodObject, name: string): boolean {
  let s: unknown = schema.shape[name];
  for (let i = 0; i < 4 && s && typeof s === "object" && "_zod" in s; i++) {
    const def = (s as { _zod: { def: { type: string; innerType?: unknown } } })._zod.def;
    if (def.type === "file") return true;
    if (!def.innerType) return false;
    s = def.innerType;
  }
  return false;
}

/** The key the endpoint will use by default: public when accepted and entered, else secret, else the first accepted kind. */
export function defaultKey(e: Endpoint, c: Credentials): KeyChoice {
  const accepts = e.auth.keys;
  if (accepts.length === 0) return "none";
  if (accepts.includes("public") && c.publicKey) return "public";
  if (accepts.includes("secret") && c.secretKey) return "secret";
  return accepts[0] ?? "none";
}

/** Empty strings are "not entered": the schema then says "Field required" for required ones. */
const entered = (values: Record<string, string>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => (values[k] ?? "").trim() !== "").map((k) => [k, (values[k] ?? "").trim()]));

function check(schema: z.ZodType, input: unknown, where: Location): { errors: FieldError[]; data: unknown } {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { errors: [], data: result.data };
  return {
    errors: toValidationIssues(result.error, where).map((i) => ({ loc: i.loc.join("."), message: i.msg })),
    data: undefined,
  };
}

const KEY_LABEL: Record<KeyKind, string> = { public: "public key (pk_live_…)", secret: "secret key (sk_live_…)" };

/**
 * Validates the draft with the endpoint's own schemas (the ones the sandbox answers 422 with) and
 * builds the exact request. With errors, `ok` is false unless `force` ("Send anyway") is set.
 */
export function buildRequest(
  e: Endpoint,
  draft: RequestDraft,
  credentials: Credentials,
  options: { force?: boolean } = {},
): BuildResult {
  const errors: FieldError[] = [];
  const headers: SentRequest["headers"] = [];

  const pathKeys = shapeKeys(e.pathParams);
  const pathValues = entered(draft.pathParams, pathKeys);
  if (e.pathParams) errors.push(...check(e.pathParams, pathValues, "path").errors);
  const path = e.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? ""));

  const queryKeys = shapeKeys(e.query);
  const queryValues = entered(draft.query, queryKeys);
  let typedQuery: SentRequest["typedQuery"] = {};
  if (e.query) {
    const q = check(e.query, queryValues, "query");
    errors.push(...q.errors);
    if (q.data && typeof q.data === "object") {
      typedQuery = Object.fromEntries(
        Object.entries(q.data as Record<string, unknown>).filter(
          (entry): entry is [string, string | number | boolean] =>
            entry[0] in queryValues && ["string", "number", "boolean"].includes(typeof entry[1]),
        ),
      );
    }
  }
  const query = queryKeys.filter((k) => k in queryValues).map((k): [string, string] => [k, queryValues[k] ?? ""]);
  const qs = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");

  const keyKind = draft.key === "none" || !e.auth.keys.includes(draft.key) ? null : draft.key;
  if (keyKind) {
    const value = (keyKind === "public" ? credentials.publicKey : credentials.secretKey).trim();
    if (value) headers.push({ name: "X-API-Key", value });
    else
      errors.push({
        loc: "header.X-API-Key",
        message: `No ${KEY_LABEL[keyKind]} entered: paste yours or get sandbox keys`,
      });
  } else if (e.auth.keys.length > 0) {
    errors.push({ loc: "header.X-API-Key", message: "This endpoint needs an API key" });
  }

  const token = credentials.accessToken.trim();
  const usedToken = e.auth.jwt !== "none" && draft.sendToken && token !== "";
  if (usedToken) headers.push({ name: "Authorization", value: `Bearer ${token}` });
  else if (e.auth.jwt === "required")
    errors.push({ loc: "header.Authorization", message: "No access token: log in, then choose “Use this token”" });

  const organizationId = e.auth.organizationHeader ? credentials.organizationId.trim() : "";
  if (e.auth.organizationHeader) {
    if (organizationId) headers.push({ name: "X-Organization-Id", value: organizationId });
    else errors.push({ loc: "header.X-Organization-Id", message: "Choose an organization (X-Organization-Id)" });
  }

  let body: SentBody | null = null;
  if (e.body?.contentType === "application/json") {
    headers.push({ name: "Content-Type", value: "application/json" });
    const text = draft.bodyText;
    let value: unknown = undefined;
    let parsed = true;
    if (text.trim() !== "") {
      try {
        value = JSON.parse(text) as unknown;
      } catch (err) {
        parsed = false;
        errors.push({ loc: "body", message: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
    if (parsed) errors.push(...check(e.body.schema, value, "body").errors);
    body = { kind: "json", text, value };
  } else if (e.body?.contentType === "multipart/form-data") {
    const schema = e.body.schema as z.ZodObject;
    const fields: Extract<SentBody, { kind: "multipart" }>["fields"] = [];
    const object: Record<string, unknown> = {};
    for (const name of shapeKeys(schema)) {
      if (isFileField(schema, name)) {
        const file = draft.files[name];
        if (file) {
          fields.push({ name, file });
          object[name] = file;
        }
      } else {
        const v = (draft.formFields[name] ?? "").trim();
        if (v) {
          fields.push({ name, value: v });
          object[name] = v;
        }
      }
    }
    errors.push(...check(schema, object, "body").errors);
    body = { kind: "multipart", fields };
  }

  if (errors.length > 0 && !options.force) return { ok: false, errors };
  return {
    ok: true,
    errors,
    request: {
      endpointId: e.id,
      method: e.method,
      path,
      query,
      pathAndQuery: qs ? `${path}?${qs}` : path,
      headers,
      keyKind,
      usedToken,
      organizationId: organizationId || null,
      body,
      pathParams: pathValues,
      typedQuery,
    },
  };
}

/** The fetch() init of a sent request: multipart as FormData (the browser sets its Content-Type). */
export function fetchInit(r: SentRequest, signal?: AbortSignal): RequestInit {
  const init: RequestInit = {
    method: r.method,
    headers: r.headers.map((h): [string, string] => [h.name, h.value]),
    signal,
    credentials: "omit",
    cache: "no-store",
  };
  if (r.body?.kind === "json" && r.body.text.trim() !== "") init.body = r.body.text;
  if (r.body?.kind === "multipart") {
    const form = new FormData();
    for (const f of r.body.fields) {
      if ("file" in f) form.append(f.name, f.file, f.file.name);
      else form.append(f.name, f.value);
    }
    init.body = form;
  }
  return init;
}

/** One header the endpoint needs, as the editor previews it before sending (secrets shortened). */
export interface HeaderPreview {
  name: string;
  value: string;
  /** False when a required header has no value yet. */
  ok: boolean;
}

const shorten = (v: string) => (v.length > 16 ? `${v.slice(0, 12)}…` : v);

/** The headers the endpoint's auth rule and body call for, with what the console will put in them. */
export function headerPreview(e: Endpoint, draft: EditorDraft, c: Credentials): HeaderPreview[] {
  const key = draft.key ?? defaultKey(e, c);
  const out: HeaderPreview[] = [];
  if (e.auth.keys.length > 0) {
    const kind = key === "none" ? null : key;
    const value = kind === "public" ? c.publicKey.trim() : kind === "secret" ? c.secretKey.trim() : "";
    out.push({
      name: "X-API-Key",
      value: value ? shorten(value) : `no ${kind ?? "API"} key entered`,
      ok: value !== "",
    });
  }
  if (e.auth.jwt !== "none") {
    const token = c.accessToken.trim();
    const send = draft.sendToken && token !== "";
    out.push({
      name: "Authorization",
      value: send
        ? `Bearer ${shorten(token)}`
        : e.auth.jwt === "required"
          ? "no access token yet"
          : "not sent (optional)",
      ok: send || e.auth.jwt === "optional",
    });
  }
  if (e.auth.organizationHeader) {
    const org = c.organizationId.trim();
    out.push({ name: "X-Organization-Id", value: org || "no organization chosen", ok: org !== "" });
  }
  if (e.body)
    out.push({
      name: "Content-Type",
      value:
        e.body.contentType === "multipart/form-data"
          ? "multipart/form-data (boundary set by the browser)"
          : "application/json",
      ok: true,
    });
  return out;
}
