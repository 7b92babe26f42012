import { endpoints as catalogEndpoints, getCategory } from "@/lib/catalog";
import type { CategoryId, Endpoint, HttpMethod } from "@/lib/catalog";
import { impliedErrors } from "@/lib/catalog/errors";
import { type JsonSchema, toJsonSchema } from "@/lib/catalog/json-schema";

/** One flat, text-only record per endpoint: what the search index reads. */
export interface SearchDocument {
  id: string;
  category: CategoryId;
  method: HttpMethod;
  path: string;
  /** The path without `/ { }`: "v1 organizations organization_id members" (the analyser splits `_` and `-`). */
  pathWords: string;
  /** The slug as words: "verify-email-with-token". */
  name: string;
  summary: string;
  description: string;
  notes: string;
  categoryTitle: string;
  /** Body, query, path-parameter and extra header field names. */
  fields: string;
  keywords: string;
  /** The auth rule in words: key kinds, JWT, X-Organization-Id, permission, roles. */
  auth: string;
  /** Endpoint-specific errors ("402 Usage limit exceeded ..."), not the ones every endpoint has. */
  errors: string;
}

/** `|` ends a phrase for the analyser, so bigrams never join two keywords or two notes. */
const PHRASES = " | ";
const MAX_FIELD_DEPTH = 4;

function propertyNames(schema: JsonSchema, depth = 0, out: string[] = []): string[] {
  if (depth > MAX_FIELD_DEPTH) return out;
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    out.push(name);
    propertyNames(child, depth + 1, out);
  }
  if (schema.items) propertyNames(schema.items, depth + 1, out);
  for (const v of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    propertyNames(v, depth + 1, out);
  return out;
}

function fieldNames(e: Endpoint): string[] {
  const schemas = [e.body?.schema, e.query, e.pathParams, e.headers].filter((s) => s !== undefined);
  return [...new Set(schemas.flatMap((s) => propertyNames(toJsonSchema(s, "input"))))];
}

function authWords(e: Endpoint): string {
  const { keys, jwt, organizationHeader, permission, roles, condition } = e.auth;
  const words: string[] = [];
  if (keys.length === 0) words.push("no api key");
  if (keys.includes("public")) words.push("public key pk_live");
  if (keys.includes("secret"))
    words.push(keys.length === 1 ? "secret key only sk_live server side" : "secret key sk_live");
  words.push(jwt === "required" ? "jwt bearer" : jwt === "optional" ? "optional jwt" : "no jwt");
  if (organizationHeader) words.push("X-Organization-Id header");
  if (permission) words.push(permission);
  if (roles) words.push(`${roles.join(" ")} only`);
  if (condition) words.push(condition);
  if (e.rateLimit) words.push(`rate limit per ${e.rateLimit.scope}`);
  return words.join(PHRASES);
}

/** Every error detail the catalog adds on its own (auth, 404, 422, 429): shared by many endpoints, so not worth indexing. */
const GENERIC_ERRORS = new Set(
  [
    impliedErrors({
      auth: { keys: ["public", "secret"], jwt: "required", organizationHeader: true, permission: "ANY" },
      path: "/v1/organizations/{organization_id}",
      rateLimit: { count: 1, windowSeconds: 60, scope: "ip" },
      hasPathParams: true,
      validatesInput: true,
    }),
    impliedErrors({ auth: { keys: ["secret"], jwt: "none" }, path: "/", hasPathParams: false, validatesInput: false }),
  ]
    .flat()
    .map((e) => e.detail),
);

function specificErrors(e: Endpoint): string {
  return e.errors
    .filter((x) => !GENERIC_ERRORS.has(x.detail))
    .map((x) => `${x.status} ${x.detail} ${x.when}`)
    .join(PHRASES);
}

export function toSearchDocument(e: Endpoint): SearchDocument {
  const category = getCategory(e.category);
  return {
    id: e.id,
    category: e.category,
    method: e.method,
    path: e.path,
    pathWords: e.path.replace(/[/{}]+/g, " ").trim(),
    name: e.slug,
    summary: e.summary,
    description: e.description,
    notes: e.notes.join(PHRASES),
    categoryTitle: `${category.title}${PHRASES}${category.id}`,
    fields: fieldNames(e).join(" "),
    keywords: e.keywords.join(PHRASES),
    auth: authWords(e),
    errors: specificErrors(e),
  };
}

/** One search document per catalog endpoint, in catalog order. */
export function buildSearchDocuments(endpoints: readonly Endpoint[] = catalogEndpoints): SearchDocument[] {
  return endpoints.map(toSearchDocument);
}
