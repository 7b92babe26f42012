import "server-only";
import { z } from "zod";
import {
  type CatalogEndpoint,
  type Endpoint,
  type HttpMethod,
  type KeyKind,
  HTTP_METHODS,
  matchPath,
} from "@/lib/catalog";
import { IMPLIED_DETAIL } from "@/lib/catalog/errors";
import { publicOrigin } from "@/lib/site/origin";
import { requireApiKey } from "./auth/api-keys";
import { verifyAccessToken } from "./auth/sessions";
import { discardBody, readCappedBytes, readCappedText } from "@/lib/http/read-capped";
import { maxUploadBytes } from "./config";
import type { Sql } from "./db/sql";
import { ApiError, documentedError, errorResponse, jsonResponse, toResponse } from "./errors";
import { type HandlerMap, handlers as registry } from "./handlers/index";
import type { BaseContext, EngineContext, TenantContext } from "./handlers/types";
import { sendMail } from "./outbox";
import { clientIp, hitRateLimit } from "./rate-limit";
import type { MembershipRow } from "./resources/membership";
import type { UserRow } from "./resources/user";
import { getStore } from "./store";
import type { TenantRow } from "./tenants";
import { formDataToObject, parseOrThrow, searchParamsToObject, type ValidationIssue } from "./validation";

/**
 * `${origin}/sandbox/v1/...` → the catalog endpoint, its auth rule, rate limit and schemas, then its
 * handler. Every answer is a documented one: `{"detail": ...}` errors, FastAPI's 422 list.
 */

export interface EngineOptions {
  /** Clock, for tests of expiry and rate-limit windows. */
  now?: () => Date;
  /** Database; the process-wide store by default. */
  sql?: Sql;
  /** Handler registry; all categories by default. */
  handlers?: HandlerMap;
  /** The client's address for per-IP limits when the request is made in process (MCP tools); else read from the request. */
  ip?: string;
}

const JSON_BODY_LIMIT = 1024 * 1024;
const BEARER = { "WWW-Authenticate": "Bearer" };
const OrganizationId = z.uuid();

interface Auth {
  tenant: TenantRow | null;
  keyKind: KeyKind | null;
  user: UserRow | null;
  sessionId: string | null;
  organizationId: string | null;
  membership: MembershipRow | null;
}

export async function handleSandboxRequest(req: Request, options: EngineOptions = {}): Promise<Response> {
  const response = await answer(req, options);
  // An answer given before the body was read (401 on an upload, 429, ...) must reach a client still sending it.
  await discardBody(req, Math.max(JSON_BODY_LIMIT, multipartCap()));
  return response;
}

async function answer(req: Request, options: EngineOptions): Promise<Response> {
  const now = options.now ?? (() => new Date());
  let where = `${req.method} routing`;
  try {
    const sql = options.sql ?? (await getStore());
    const url = new URL(req.url);
    const { endpoint, params } = resolve(req.method, url.pathname.replace(/^\/sandbox(?=\/)/, ""));
    where = endpoint.id;
    const auth = await authenticate(sql, endpoint, req, now());
    const ip = options.ip ?? clientIp(req);
    if (endpoint.rateLimit) {
      const scopeKey = endpoint.rateLimit.scope === "user" && auth.user ? `user:${auth.user.id}` : `ip:${ip}`;
      const decision = await hitRateLimit(
        sql,
        { tenantId: auth.tenant?.id ?? null, name: endpoint.id, scopeKey },
        endpoint.rateLimit,
        now(),
      );
      if (!decision.allowed)
        return errorResponse(429, IMPLIED_DETAIL.tooManyRequests, { "Retry-After": String(decision.retryAfter) });
    }
    const input = await readInput(endpoint, req, url, params);
    const handler = (options.handlers ?? registry).get(endpoint.id);
    if (!handler) return errorResponse(501, "Not implemented in the sandbox");

    // An endpoint with API key gets its tenant context; one without (auth.keys: []) finds its tenant itself.
    const tenant = auth.tenant;
    const tenantContext: Omit<TenantContext, keyof BaseContext> | undefined =
      tenant && auth.keyKind
        ? {
            tenant,
            keyKind: auth.keyKind,
            user: auth.user,
            userId: auth.user?.id ?? null,
            sessionId: auth.sessionId,
            organizationId: auth.organizationId,
            membership: auth.membership,
            outbox: { send: (mail) => sendMail(sql, tenant.id, mail, now()) },
          }
        : undefined;
    const ctx: EngineContext = {
      sql,
      endpoint,
      ...input,
      req,
      ip,
      origin: publicOrigin(req),
      now,
      fail: (status, detail, headers) => {
        throw documentedError(endpoint, status, detail, headers);
      },
      ...tenantContext,
    };
    const output = await handler.handle(ctx);
    return output instanceof Response ? output : jsonResponse(output.status, output.body, output.headers);
  } catch (error) {
    return toResponse(error, where);
  }
}

/** The endpoint for a method and path: 404 when no template matches, 405 when only other methods do. */
function resolve(method: string, path: string): { endpoint: CatalogEndpoint; params: Record<string, string> } {
  const upper = method.toUpperCase();
  const hit = (HTTP_METHODS as readonly string[]).includes(upper) ? matchPath(upper as HttpMethod, path)[0] : undefined;
  if (hit) return { endpoint: hit.endpoint, params: hit.params };
  const others = matchPath(undefined, path);
  if (others.length > 0) {
    throw new ApiError(405, "Method Not Allowed", {
      Allow: [...new Set(others.map((m) => m.endpoint.method))].join(", "),
    });
  }
  throw new ApiError(404, "Not Found");
}

/** API key, JWT and X-Organization-Id as the endpoint's auth rule asks, with the catalog's error details. */
async function authenticate(sql: Sql, endpoint: Endpoint, req: Request, now: Date): Promise<Auth> {
  const auth: Auth = {
    tenant: null,
    keyKind: null,
    user: null,
    sessionId: null,
    organizationId: null,
    membership: null,
  };
  const rule = endpoint.auth;
  if (rule.keys.length === 0) return auth;

  const found = await requireApiKey(sql, req, rule.keys, now);
  auth.tenant = found.tenant;
  auth.keyKind = found.kind;

  // Parsed before the token, whose query also reads the membership; a malformed header is refused after it (401 first).
  const orgId = rule.organizationHeader
    ? OrganizationId.safeParse(req.headers.get("x-organization-id")?.trim())
    : undefined;
  if (rule.jwt !== "none") {
    const header = req.headers.get("authorization");
    const token = header && /^bearer\s+/i.test(header) ? header.replace(/^bearer\s+/i, "").trim() : null;
    if (!token) {
      if (rule.jwt === "required") throw new ApiError(401, IMPLIED_DETAIL.notAuthenticated, BEARER);
    } else {
      const session = await verifyAccessToken(sql, found.tenant.id, token, now, orgId?.data);
      if (!session || session.user.is_active !== 1) throw new ApiError(401, IMPLIED_DETAIL.invalidToken, BEARER);
      auth.user = session.user;
      auth.sessionId = session.sessionId;
      auth.membership = session.membership;
    }
  }

  if (orgId) {
    if (!orgId.success) throw new ApiError(422, IMPLIED_DETAIL.organizationHeader);
    // The user's active membership, read with the session (none without a user).
    const membership = auth.membership;
    if (!membership) throw new ApiError(403, IMPLIED_DETAIL.notMember);
    auth.organizationId = orgId.data;
    auth.membership = membership;
  }
  return auth;
}

/** Path, query, extra headers and body, each validated by the catalog's schema (422 with loc path/query/header/body). */
async function readInput(endpoint: Endpoint, req: Request, url: URL, rawParams: Record<string, string>) {
  const issues: ValidationIssue[] = [];
  const collect = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.detail)) {
        issues.push(...e.detail);
        return fallback;
      }
      throw e;
    }
  };
  const rawQuery = searchParamsToObject(url.searchParams);
  const params = endpoint.pathParams
    ? collect(() => parseOrThrow(endpoint.pathParams!, rawParams, "path"), rawParams)
    : rawParams;
  const query = endpoint.query ? collect(() => parseOrThrow(endpoint.query!, rawQuery, "query"), rawQuery) : rawQuery;
  if (endpoint.headers) {
    const raw = Object.fromEntries(
      Object.keys(endpoint.headers.shape).map((name) => [name, req.headers.get(name) ?? undefined]),
    );
    collect(() => parseOrThrow(endpoint.headers!, raw, "header"), raw);
  }
  let body: unknown = undefined;
  if (endpoint.body) {
    const raw = endpoint.body.contentType === "multipart/form-data" ? await readMultipart(req) : await readJson(req);
    body = collect(() => parseOrThrow(endpoint.body!.schema, raw, "body"), undefined);
  }
  if (issues.length > 0) throw new ApiError(422, issues);
  return { params: params as Record<string, string>, query: query as Record<string, unknown>, body };
}

/** Largest JSON body (bytes), counted while it is read: a chunked body is refused at the first byte over. */
async function readJson(req: Request): Promise<unknown> {
  const text = await readCappedText(req, JSON_BODY_LIMIT).catch(unreadable);
  if (text === null) throw new ApiError(413, "Request body too large");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(422, [{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }]);
  }
}

/** The upload cap and a little over it for the multipart framing around the file. */
const multipartCap = () => maxUploadBytes() + 64 * 1024;

const unreadable = (): never => {
  throw new ApiError(400, "The request body could not be read");
};

async function readMultipart(req: Request): Promise<unknown> {
  const cap = maxUploadBytes();
  const bytes = await readCappedBytes(req, multipartCap()).catch(unreadable);
  if (bytes === null) throw new ApiError(413, "File too large");
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new ApiError(422, [{ loc: ["body"], msg: "Expected a multipart/form-data body", type: "value_error" }]);
  }
  for (const value of form.values()) {
    if (typeof value !== "string" && value.size > cap) throw new ApiError(413, "File too large");
  }
  return formDataToObject(form);
}
