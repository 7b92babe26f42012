import {
  categories,
  type CategoryId,
  type Endpoint,
  endpoints,
  endpointsOf,
  type KeyKind,
  matchPath,
} from "@/lib/catalog";
import { describeRateLimit } from "@/lib/catalog/errors";
import { authSummary } from "@/lib/catalog/headers";
import { type JsonSchema, type SchemaIo, toJsonSchema } from "@/lib/catalog/json-schema";
import { buildResponses, errorSchemas, namedExamples } from "./responses";
import { SchemaRegistry } from "./schema-registry";
import type {
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  PathMethod,
  RequestBodyObject,
  SecurityRequirement,
  SecuritySchemeObject,
} from "./types";

export type * from "./types";

export interface BuildOpenApiOptions {
  /** Only this category's operations and tag. */
  category?: CategoryId;
  /** Only the operations whose template matches this path; concrete paths (`/v1/users/<uuid>`) and full URLs work. */
  path?: string;
  /** The server URL; `https://api.example.com` (the seed's default) when omitted. */
  baseUrl?: string;
}

const DEFAULT_BASE_URL = "https://api.example.com";

const INFO_DESCRIPTION = [
  "The end-user API of the Multi-tenant SaaS API: the endpoints an application built on the API calls for its users.",
  "**Two authentication contexts.** *End-user context* (this document): every request carries the tenant's API key in `X-API-Key`; requests made for a signed-in user also send `Authorization: Bearer <access_token>`, a JWT from login, register or refresh that lives 1 hour. *Tenant context*: tenant owners and admins sign in to the dashboard (`/v1/tenant-auth/login`) to manage API keys, team and settings. The tenant dashboard endpoints are not part of this document.",
  "**Two key kinds.** `pk_live_*` public keys may be used in browsers; each request is checked against the origins the tenant allowed for the key. `sk_live_*` secret keys are for servers only and must never reach a browser. Each operation's `security` lists the kinds it accepts.",
].join("\n\n");

const SECURITY_SCHEMES: Record<string, SecuritySchemeObject> = {
  PublicApiKey: {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "Public key `pk_live_*`: browser-safe, accepted only from the origins the tenant allowed.",
  },
  SecretApiKey: {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "Secret key `sk_live_*`: server side only, never expose it in a browser.",
  },
  BearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The end-user's access token (JWT, 1 hour) from login, register or refresh.",
  },
};

const KEY_SCHEME: Record<KeyKind, string> = { public: "PublicApiKey", secret: "SecretApiKey" };

/** `files.upload-file` → `files_uploadFile`: unique because endpoint ids are, and URL-safe. */
export function operationIdOf(e: Endpoint): string {
  return `${e.category}_${e.slug.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())}`;
}

/** Alternatives: each accepted key kind, with a JWT (required), without (none), or both (optional). */
export function securityOf(e: Endpoint): SecurityRequirement[] {
  const keyOptions: SecurityRequirement[] =
    e.auth.keys.length > 0 ? e.auth.keys.map((k) => ({ [KEY_SCHEME[k]]: [] })) : [{}];
  const out: SecurityRequirement[] = [];
  for (const base of keyOptions) {
    if (e.auth.jwt !== "required") out.push(base);
    if (e.auth.jwt !== "none") out.push({ ...base, BearerAuth: [] });
  }
  // Nothing at all is required: OpenAPI says so with an empty list.
  return out.length === 1 && Object.keys(out[0]!).length === 0 ? [] : out;
}

function descriptionOf(e: Endpoint): string {
  const parts = [e.description, `**Auth:** ${authSummary(e)}.`];
  if (e.auth.condition) parts.push(`**Who may call it:** ${e.auth.condition}`);
  if (e.auth.permission) parts.push(`**Permission:** \`${e.auth.permission}\`.`);
  if (e.auth.roles) parts.push(`**Roles:** ${e.auth.roles.join(", ")}.`);
  if (e.rateLimit) parts.push(`**Rate limit:** ${describeRateLimit(e.rateLimit)}.`);
  if (e.notes.length > 0) parts.push(["**Notes**", "", ...e.notes.map((n) => `- ${n}`)].join("\n"));
  if (e.conflicts.length > 0) {
    parts.push(
      [
        "**Where the source documentation contradicts itself**",
        "",
        ...e.conflicts.map((c) => `- **${c.topic}:** ${c.text}`),
      ].join("\n"),
    );
  }
  return parts.join("\n\n");
}

function parameter(
  name: string,
  location: ParameterObject["in"],
  required: boolean,
  schema: JsonSchema,
): ParameterObject {
  const { description, ...rest } = schema;
  return { name, in: location, required, ...(description ? { description } : {}), schema: rest };
}

function parametersOf(e: Endpoint, registry: SchemaRegistry): ParameterObject[] {
  const fromObject = (location: ParameterObject["in"], schema: Endpoint["query"]) => {
    if (!schema) return [];
    const json = toJsonSchema(schema, "input");
    const required = new Set(json.required ?? []);
    const hoisted = registry.hoist(json, "input");
    return Object.entries(hoisted.properties ?? {}).map(([name, s]) =>
      parameter(name, location, location === "path" || required.has(name), s),
    );
  };
  const declared = fromObject("path", e.pathParams);
  // Path order, and every `{param}` of the template present even if the catalog forgot to declare it.
  const path = [...e.path.matchAll(/\{(\w+)\}/g)].map(
    ([, name]) => declared.find((p) => p.name === name) ?? parameter(name!, "path", true, { type: "string" }),
  );
  const organization: ParameterObject[] = e.auth.organizationHeader
    ? [
        parameter("X-Organization-Id", "header", true, {
          type: "string",
          format: "uuid",
          description: "The organization the request acts in; the user must be a member.",
        }),
      ]
    : [];
  return [...path, ...fromObject("query", e.query), ...organization, ...fromObject("header", e.headers)];
}

function requestBodyOf(e: Endpoint, registry: SchemaRegistry): RequestBodyObject | undefined {
  if (!e.body) return undefined;
  const examples = namedExamples(e.body.examples);
  return {
    required: true,
    content: {
      [e.body.contentType]: {
        schema: registry.hoist(toJsonSchema(e.body.schema, "input"), "input"),
        ...(examples ? { examples } : {}),
      },
    },
  };
}

function operationOf(e: Endpoint, registry: SchemaRegistry): OperationObject {
  const parameters = parametersOf(e, registry);
  const requestBody = requestBodyOf(e, registry);
  return {
    operationId: operationIdOf(e),
    summary: e.summary,
    description: descriptionOf(e),
    tags: [e.category],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: buildResponses(e, registry),
    security: securityOf(e),
    ...(e.rateLimit ? { "x-rate-limit": { ...e.rateLimit } } : {}),
    ...(e.auth.permission ? { "x-permission": e.auth.permission } : {}),
    ...(e.auth.roles ? { "x-roles": [...e.auth.roles] } : {}),
    ...(e.conflicts.length > 0 ? { "x-conflicts": e.conflicts } : {}),
    ...(e.keywords.length > 0 ? { "x-keywords": e.keywords } : {}),
  };
}

let shared: SchemaRegistry | undefined;

/**
 * One registry for every document, primed with the whole catalog (responses before requests), so a
 * component's name does not depend on which subset of the catalog a document shows.
 */
function registry(): SchemaRegistry {
  if (shared) return shared;
  const r = new SchemaRegistry();
  errorSchemas(r);
  const prime = (schema: Parameters<typeof toJsonSchema>[0] | undefined, io: SchemaIo) => {
    if (schema) r.hoist(toJsonSchema(schema, io), io);
  };
  for (const e of endpoints) for (const res of e.responses) prime(res.schema, "output");
  for (const e of endpoints) [e.pathParams, e.query, e.headers, e.body?.schema].forEach((s) => prime(s, "input"));
  shared = r;
  return r;
}

function selectEndpoints({ category, path }: BuildOpenApiOptions): readonly Endpoint[] {
  const inCategory = category ? endpointsOf(category) : endpoints;
  if (path === undefined) return inCategory;
  const hits = new Set<Endpoint>(matchPath(undefined, path).map((m) => m.endpoint));
  return inCategory.filter((e) => hits.has(e));
}

/** The OpenAPI 3.1 document of the catalog, or of one category or path of it. */
export function buildOpenApi(options: BuildOpenApiOptions = {}): OpenApiDocument {
  const reg = registry();
  const selected = selectEndpoints(options);
  const paths: OpenApiDocument["paths"] = {};
  for (const e of selected) {
    const item = (paths[e.path] ??= {});
    item[e.method.toLowerCase() as PathMethod] = operationOf(e, reg);
  }
  const used = new Set(selected.map((e) => e.category));
  const filtered = options.category !== undefined || options.path !== undefined;
  return {
    openapi: "3.1.0",
    info: { title: "Multi-tenant SaaS API", version: "2.2.0", description: INFO_DESCRIPTION },
    servers: [{ url: options.baseUrl ?? DEFAULT_BASE_URL }],
    tags: categories
      .filter((c) => !filtered || used.has(c.id))
      .map((c) => ({ name: c.id, description: c.description, "x-displayName": c.title })),
    paths,
    components: { securitySchemes: SECURITY_SCHEMES, schemas: reg.referencedFrom(paths) },
  };
}
