import "server-only";
import { z } from "zod";
import { readCappedForm } from "@/lib/http/read-capped";
import { createOAuthCode, errorRedirect, verifyOAuthState } from "@/lib/sandbox/auth/oauth";
import { FORM_BODY_LIMIT } from "@/lib/sandbox/config";
import { errorResponse } from "@/lib/sandbox/errors";
import { getStore } from "@/lib/sandbox/store";
import { getTenant, isExpired } from "@/lib/sandbox/tenants";

/** The sandbox's Google consent screen (app/sandbox/oauth/google): what it shows and where its buttons lead. */

export interface Consent {
  tenantName: string;
  redirectUri: string;
}

export async function readConsent(state: string, now = new Date()): Promise<Consent | null> {
  const sql = await getStore();
  const s = await verifyOAuthState(sql, state, now);
  const tenant = s && (await getTenant(sql, s.tenantId));
  return s && tenant && !isExpired(tenant, now) ? { tenantName: tenant.name, redirectUri: s.redirectUri } : null;
}

const Email = z.email().max(320);

/**
 * "Continue": the callback URL (relative) Google would send the browser to, with a code naming
 * the chosen email; null when the state or the email is not valid.
 */
export async function approveConsent(
  state: string,
  email: string,
  displayName: string | null,
  now = new Date(),
): Promise<string | null> {
  const sql = await getStore();
  const s = await verifyOAuthState(sql, state, now);
  const parsed = Email.safeParse(email.trim());
  if (!s || !parsed.success) return null;
  const code = await createOAuthCode(
    sql,
    s.tenantId,
    { email: parsed.data, displayName: displayName?.trim() || null },
    now,
  );
  return `/sandbox/v1/auth/google/callback?${new URLSearchParams({ code, state })}`;
}

/** "Cancel": back to redirect_uri with ?error=oauth_failed. */
export async function denyConsent(state: string, now = new Date()): Promise<string | null> {
  const s = await verifyOAuthState(await getStore(), state, now);
  return s ? errorRedirect(s.redirectUri, "The user cancelled Google sign-in") : null;
}

/** POST of the consent form (state, email, name) → 303 to the callback, or back to the page when the email is not valid. */
export async function consentContinueResponse(req: Request): Promise<Response> {
  const form = await readCappedForm(req, FORM_BODY_LIMIT).catch(() => new FormData());
  if (form === null) return errorResponse(413, `Form larger than ${FORM_BODY_LIMIT} bytes`);
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const state = field("state");
  const target =
    (await approveConsent(state, field("email"), field("name"))) ??
    `/sandbox/oauth/google?${new URLSearchParams({ state, invalid: "email" })}`;
  // Relative: the browser stays on the host it is on. req.url's host is Next's own idea (localhost) behind a proxy.
  return new Response(null, { status: 303, headers: { Location: target } });
}
