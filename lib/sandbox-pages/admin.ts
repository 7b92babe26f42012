import "server-only";
import { z } from "zod";
import { answerThenDiscard, readCappedText } from "@/lib/http/read-capped";
import { findApiKey, requireApiKey } from "@/lib/sandbox/auth/api-keys";
import { tenantsPerHour } from "@/lib/sandbox/config";
import { ApiError, jsonResponse, toResponse } from "@/lib/sandbox/errors";
import { listMail, shownMail } from "@/lib/sandbox/outbox";
import { clientIp, hitRateLimit } from "@/lib/sandbox/rate-limit";
import { getStore } from "@/lib/sandbox/store";
import { createTenant, resetTenant, type TenantRow } from "@/lib/sandbox/tenants";
import { parseOrThrow } from "@/lib/sandbox/validation";

/** The sandbox's own endpoints (outside the documented API): tenants and the outbox. */

const CreateTenantBody = z.object({
  email_verification: z.boolean().default(false).describe("Require email verification before login"),
});

/** New tenants per IP and hour (SANDBOX_TENANTS_PER_HOUR, 20): enough for people and CI, not for a flood. */
const tenantLimit = () => ({ count: tenantsPerHour(), windowSeconds: 3600, scope: "ip", blockSeconds: 3600 }) as const;

const tenantAnswer = (t: TenantRow) => ({
  tenant_id: t.id,
  public_key: t.public_key,
  secret_key: t.secret_key,
  email_verification: t.email_verification === 1,
  expires_at: t.expires_at,
});

/** Largest body of POST /sandbox/tenants (bytes; 413 above): its one field needs a few dozen. */
export const TENANT_BODY_LIMIT = 16 * 1024;

export type TenantAnswer = ReturnType<typeof tenantAnswer>;

/**
 * A new tenant as POST /sandbox/tenants makes it, under its per-client limit: `client` is the address the limit
 * counts (the request's IP, or an MCP client's address); `readBody` gives the parsed JSON body, read only after
 * the limit let the request through. Throws ApiError 429 or 422.
 */
export async function createTenantFor(
  client: string,
  readBody: () => Promise<unknown>,
  now = new Date(),
): Promise<TenantAnswer> {
  const sql = await getStore();
  const limit = await hitRateLimit(
    sql,
    { tenantId: null, name: "sandbox.tenants", scopeKey: `ip:${client}` },
    tenantLimit(),
    now,
  );
  if (!limit.allowed) throw new ApiError(429, "Too many requests", { "Retry-After": String(limit.retryAfter) });
  const body = parseOrThrow(CreateTenantBody, await readBody(), "body");
  return tenantAnswer(await createTenant(sql, { emailVerification: body.email_verification }, now));
}

/** POST /sandbox/tenants, body optional `{"email_verification": true}` → 201 with the keys. */
export function createTenantResponse(req: Request, now = new Date()): Promise<Response> {
  return answerThenDiscard(req, TENANT_BODY_LIMIT, () => answerCreateTenant(req, now));
}

async function answerCreateTenant(req: Request, now: Date): Promise<Response> {
  try {
    const readBody = async (): Promise<unknown> => {
      const text = await readCappedText(req, TENANT_BODY_LIMIT).catch(() => {
        throw new ApiError(400, "The request body could not be read");
      });
      if (text === null) throw new ApiError(413, `Request body larger than ${TENANT_BODY_LIMIT} bytes`);
      try {
        return text.trim() ? (JSON.parse(text) as unknown) : {};
      } catch {
        throw new ApiError(422, [{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }]);
      }
    };
    return jsonResponse(201, await createTenantFor(clientIp(req), readBody, now));
  } catch (error) {
    return toResponse(error, "POST /sandbox/tenants");
  }
}

/** POST /sandbox/tenants/reset with X-API-Key: sk_live_… → every row of the tenant deleted and the seed restored. */
export async function resetTenantResponse(req: Request, now = new Date()): Promise<Response> {
  try {
    const sql = await getStore();
    const { tenant } = await requireApiKey(sql, req, ["secret"], now);
    await resetTenant(sql, tenant, now);
    return jsonResponse(200, { message: "Tenant reset", tenant_id: tenant.id });
  } catch (error) {
    return toResponse(error, "POST /sandbox/tenants/reset");
  }
}

/** Why a public key cannot read the outbox: said to the visitor (page) and the client (JSON). */
export const OUTBOX_PUBLIC_KEY_REFUSAL =
  "The outbox needs the tenant's secret key (sk_live_…): it holds password-reset and verification tokens, and a public key (pk_live_…) is embedded in frontends, so anyone holding it could take over the tenant's users.";

/**
 * GET /sandbox/outbox with `Accept: application/json` (or /sandbox/outbox/messages) and `X-API-Key: sk_live_…` → the
 * tenant's mail, newest first. The key travels in the header only: a URL would leave it in history and logs.
 */
export async function outboxResponse(req: Request, now = new Date()): Promise<Response> {
  try {
    const sql = await getStore();
    const key = req.headers.get("x-api-key")?.trim();
    if (key && (await findApiKey(sql, key))?.kind === "public") throw new ApiError(403, OUTBOX_PUBLIC_KEY_REFUSAL);
    const { tenant } = await requireApiKey(sql, req, ["secret"], now);
    const messages = (await listMail(sql, tenant.id)).map(shownMail);
    return jsonResponse(200, { messages }, { "cache-control": "no-store" });
  } catch (error) {
    return toResponse(error, "GET /sandbox/outbox");
  }
}
