import "server-only";
import { z } from "zod";
import { answerThenDiscard, readCappedText } from "@/lib/http/read-capped";
import { findApiKey, requireApiKey } from "./auth/api-keys";
import { ApiError, jsonResponse, toResponse } from "./errors";
import { listMail } from "./outbox";
import { renderOutboxPage } from "./outbox-page";
import { clientIp, hitRateLimit } from "./rate-limit";
import { getStore } from "./store";
import { createTenant, getDemoTenant, isExpired, resetTenant, type TenantRow } from "./tenants";
import { parseOrThrow } from "./validation";

/** The sandbox's own endpoints (outside the documented API): tenants and the outbox. */

const CreateTenantBody = z.object({
  email_verification: z.boolean().default(false).describe("Require email verification before login"),
});

/** New tenants per IP and hour: enough for people and CI, not for a flood. */
const TENANT_LIMIT = { count: 20, windowSeconds: 3600, scope: "ip", blockSeconds: 3600 } as const;

const tenantAnswer = (t: TenantRow) => ({
  tenant_id: t.id,
  public_key: t.public_key,
  secret_key: t.secret_key,
  email_verification: t.email_verification === 1,
  expires_at: t.expires_at,
});

/** Largest body of POST /sandbox/tenants (bytes; 413 above): its one field needs a few dozen. */
export const TENANT_BODY_LIMIT = 16 * 1024;

/** POST /sandbox/tenants, body optional `{"email_verification": true}` → 201 with the keys. */
export function createTenantResponse(req: Request, now = new Date()): Promise<Response> {
  return answerThenDiscard(req, TENANT_BODY_LIMIT, () => answerCreateTenant(req, now));
}

async function answerCreateTenant(req: Request, now: Date): Promise<Response> {
  try {
    const sql = getStore();
    const limit = hitRateLimit(sql, { tenantId: null, name: "sandbox.tenants", scopeKey: `ip:${clientIp(req)}` }, TENANT_LIMIT, now);
    if (!limit.allowed) throw new ApiError(429, "Too many requests", { "Retry-After": String(limit.retryAfter) });
    const text = await readCappedText(req, TENANT_BODY_LIMIT).catch(() => {
      throw new ApiError(400, "The request body could not be read");
    });
    if (text === null) throw new ApiError(413, `Request body larger than ${TENANT_BODY_LIMIT} bytes`);
    let raw: unknown = {};
    try {
      raw = text.trim() ? JSON.parse(text) : {};
    } catch {
      throw new ApiError(422, [{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }]);
    }
    const body = parseOrThrow(CreateTenantBody, raw, "body");
    return jsonResponse(201, tenantAnswer(createTenant(sql, { emailVerification: body.email_verification }, now)));
  } catch (error) {
    return toResponse(error, "POST /sandbox/tenants");
  }
}

/** POST /sandbox/tenants/reset with X-API-Key: sk_live_… → every row of the tenant deleted and the seed restored. */
export function resetTenantResponse(req: Request, now = new Date()): Response {
  try {
    const sql = getStore();
    const { tenant } = requireApiKey(sql, req, ["secret"], now);
    resetTenant(sql, tenant, now);
    return jsonResponse(200, { message: "Tenant reset", tenant_id: tenant.id });
  } catch (error) {
    return toResponse(error, "POST /sandbox/tenants/reset");
  }
}

/**
 * GET /sandbox/outbox: JSON `{"messages": [...]}` for `Accept: application/json` with a secret key;
 * otherwise the HTML page for the tenant of `?key=` (public or secret) or the demo tenant.
 */
export function outboxResponse(req: Request, now = new Date()): Response {
  try {
    const sql = getStore();
    if ((req.headers.get("accept") ?? "").includes("application/json")) {
      const { tenant } = requireApiKey(sql, req, ["secret"], now);
      const messages = listMail(sql, tenant.id).map(({ to, kind, subject, body, token, link, created_at }) => ({ to, kind, subject, body, token, link, created_at }));
      return jsonResponse(200, { messages });
    }
    const key = new URL(req.url).searchParams.get("key")?.trim() ?? "";
    const found = key ? findApiKey(sql, key) : undefined;
    const tenant = key ? (found && !isExpired(found.tenant, now) ? found.tenant : undefined) : getDemoTenant(sql);
    const html = renderOutboxPage({
      tenantLabel: tenant ? (tenant.is_demo === 1 ? "the demo tenant" : `tenant ${tenant.id}`) : null,
      key,
      messages: tenant ? listMail(sql, tenant.id) : [],
      error: key && !tenant ? "No live sandbox tenant has this key." : null,
    });
    return new Response(html, {
      status: key && !tenant ? 404 : 200,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" },
    });
  } catch (error) {
    return toResponse(error, "GET /sandbox/outbox");
  }
}
