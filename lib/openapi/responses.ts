import type { Endpoint, Example } from "@/lib/catalog";
import { ErrorResponse, VALIDATION_EXAMPLE, ValidationErrorResponse } from "@/lib/catalog/errors";
import { type JsonSchema, toJsonSchema } from "@/lib/catalog/json-schema";
import { canonicalJson, type SchemaRegistry } from "./schema-registry";
import type { ExampleObject, HeaderObject, MediaTypeObject, ResponseObject } from "./types";

/** The 422 detail that stands for FastAPI's list of field errors (see `impliedErrors`); other 422 details are strings. */
const FIELD_ERRORS_DETAIL = "Validation error";

/** The two error components every document carries: `{ detail: string }` and the 422 field-error list. */
export function errorSchemas(registry: SchemaRegistry) {
  return {
    error: registry.define("ErrorResponse", toJsonSchema(ErrorResponse, "output"), "output"),
    validation: registry.define("ValidationErrorResponse", toJsonSchema(ValidationErrorResponse, "output"), "output"),
  };
}

/** Example values as JSON: File/Blob (multipart examples) become a placeholder string. */
export function jsonSafe(value: unknown): unknown {
  if (value instanceof Blob)
    return `<binary${value instanceof File ? ` ${value.name}` : ""}${value.type ? ` (${value.type})` : ""}>`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, jsonSafe(v)]),
    );
  }
  return value;
}

/** Named examples; a repeated name gets a numeric suffix instead of overwriting. */
export function namedExamples(examples: readonly Example[]): Record<string, ExampleObject> | undefined {
  if (examples.length === 0) return undefined;
  const out: Record<string, ExampleObject> = {};
  for (const x of examples) {
    let name = x.name;
    for (let n = 2; name in out; n++) name = `${x.name}_${n}`;
    out[name] = { ...(x.summary ? { summary: x.summary } : {}), value: jsonSafe(x.value) };
  }
  return out;
}

const exampleKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "") || "error";

const isJson = (contentType: string) => contentType === "application/json" || contentType.endsWith("+json");

/**
 * A 422 body that fits this endpoint (FastAPI / pydantic v2 wording): a required body or query field
 * missing, else a malformed UUID (path, then query) or query integer, else the catalog's generic example.
 */
function validationExample(e: Endpoint): unknown {
  const schemaOf = (s: Endpoint["query"]) => (s ? toJsonSchema(s, "input") : undefined);
  const body = e.body ? toJsonSchema(e.body.schema, "input") : undefined;
  const query = schemaOf(e.query);
  const path = schemaOf(e.pathParams);
  const fieldError = (loc: string[], msg: string, type: string) => ({ detail: [{ loc, msg, type }] });
  const required = (where: string, s: JsonSchema | undefined) => {
    const name = s?.required?.[0];
    return name ? fieldError([where, name], "Field required", "missing") : undefined;
  };
  const firstOf = (s: JsonSchema | undefined, test: (p: JsonSchema) => boolean) =>
    Object.entries(s?.properties ?? {}).find(([, p]) => test(p))?.[0];
  const isUuid = (p: JsonSchema) => p.format === "uuid";
  const uuidParam = firstOf(path, isUuid);
  const uuidQuery = firstOf(query, isUuid);
  const intParam = firstOf(query, (p) => p.type === "integer");
  const badUuid = (loc: string[]) => fieldError(loc, "Input should be a valid UUID", "uuid_parsing");
  return (
    required("body", body) ??
    required("query", query) ??
    (uuidParam ? badUuid(["path", uuidParam]) : undefined) ??
    (uuidQuery ? badUuid(["query", uuidQuery]) : undefined) ??
    (intParam
      ? fieldError(
          ["query", intParam],
          "Input should be a valid integer, unable to parse string as an integer",
          "int_parsing",
        )
      : undefined) ??
    VALIDATION_EXAMPLE
  );
}

interface Draft {
  descriptions: string[];
  headers: Record<string, HeaderObject>;
  content: Map<string, { schemas: JsonSchema[]; examples: Example[] }>;
}

/**
 * Every response of an endpoint: its `responses` merged by status (one response, several content
 * types or schemas), then its errors grouped by status with one example per distinct detail.
 */
export function buildResponses(e: Endpoint, registry: SchemaRegistry): Record<string, ResponseObject> {
  const drafts = new Map<number, Draft>();
  const draft = (status: number) => {
    let d = drafts.get(status);
    if (!d) drafts.set(status, (d = { descriptions: [], headers: {}, content: new Map() }));
    return d;
  };
  const add = (d: Draft, contentType: string, schema: JsonSchema, examples: readonly Example[]) => {
    const c = d.content.get(contentType) ?? { schemas: [], examples: [] };
    if (!c.schemas.some((s) => canonicalJson(s) === canonicalJson(schema))) c.schemas.push(schema);
    c.examples.push(...examples);
    d.content.set(contentType, c);
  };
  const describe = (d: Draft, text: string) => {
    if (!d.descriptions.includes(text)) d.descriptions.push(text);
  };

  for (const r of e.responses) {
    const d = draft(r.status);
    describe(d, r.description);
    for (const [name, description] of Object.entries(r.headers ?? {}))
      d.headers[name] = { description, schema: { type: "string" } };
    const contentType = r.contentType ?? (r.schema ? "application/json" : undefined);
    if (!contentType) continue;
    const json = r.schema ? toJsonSchema(r.schema, "output") : undefined;
    // Bodies that are not JSON are a string on the wire: text (the SSE stream) or raw bytes.
    const schema: JsonSchema =
      json && (isJson(contentType) || json.type === "string")
        ? registry.hoist(json, "output")
        : contentType.startsWith("text/")
          ? { type: "string", ...(json?.description ? { description: json.description } : {}) }
          : { type: "string", format: "binary" };
    add(d, contentType, schema, r.examples);
  }

  const refs = errorSchemas(registry);
  const seenDetails = new Set<string>();
  for (const err of e.errors) {
    const d = draft(err.status);
    describe(d, err.when);
    // Several `when`s may share one detail (e.g. two ways to get "Folder not found"): one example each detail.
    if (seenDetails.has(`${err.status} ${err.detail}`)) continue;
    seenDetails.add(`${err.status} ${err.detail}`);
    const fieldErrors = err.status === 422 && err.detail === FIELD_ERRORS_DETAIL;
    const value = fieldErrors ? validationExample(e) : { detail: err.detail };
    add(d, "application/json", fieldErrors ? refs.validation : refs.error, [
      { name: exampleKey(err.detail), summary: err.detail, value },
    ]);
    if (err.status === 429) {
      d.headers["Retry-After"] = {
        description: "Seconds to wait before retrying.",
        schema: { type: "integer", minimum: 0 },
      };
    }
  }

  const out: Record<string, ResponseObject> = {};
  for (const [status, d] of [...drafts].sort(([a], [b]) => a - b)) {
    const content: Record<string, MediaTypeObject> = {};
    for (const [contentType, c] of d.content) {
      const examples = namedExamples(c.examples);
      content[contentType] = {
        schema: c.schemas.length === 1 ? c.schemas[0]! : { oneOf: c.schemas },
        ...(examples ? { examples } : {}),
      };
    }
    out[String(status)] = {
      description: d.descriptions.length === 1 ? d.descriptions[0]! : d.descriptions.map((t) => `- ${t}`).join("\n"),
      ...(Object.keys(d.headers).length > 0 ? { headers: d.headers } : {}),
      ...(d.content.size > 0 ? { content } : {}),
    };
  }
  return out;
}
