import { newId, type Sql } from "../db/sql";
import { signingSecret, signJwt, unixSeconds, verifyJwt } from "./jwt";

/**
 * The sandbox's stand-in for Google: a signed `state` (tenant + redirect_uri, 10 minutes) travels
 * through the local consent page, which mints a signed `code` (the chosen email, 5 minutes) that
 * the callback exchanges for a session.
 */

const STATE_TTL_SECONDS = 600;
const CODE_TTL_SECONDS = 300;

export interface OAuthState {
  tenantId: string;
  redirectUri: string;
}

export interface OAuthIdentity {
  email: string;
  displayName: string | null;
}

export async function createOAuthState(sql: Sql, state: OAuthState, now: Date): Promise<string> {
  const iat = unixSeconds(now);
  return signJwt(
    {
      typ: "oauth_state",
      tid: state.tenantId,
      redirect_uri: state.redirectUri,
      jti: newId(),
      iat,
      exp: iat + STATE_TTL_SECONDS,
    },
    await signingSecret(sql),
  );
}

export async function verifyOAuthState(sql: Sql, state: string, now: Date): Promise<OAuthState | null> {
  const p = verifyJwt(state, await signingSecret(sql), now);
  if (!p || p.typ !== "oauth_state" || typeof p.tid !== "string" || typeof p.redirect_uri !== "string") return null;
  return { tenantId: p.tid, redirectUri: p.redirect_uri };
}

export async function createOAuthCode(sql: Sql, tenantId: string, identity: OAuthIdentity, now: Date): Promise<string> {
  const iat = unixSeconds(now);
  return signJwt(
    {
      typ: "oauth_code",
      tid: tenantId,
      email: identity.email,
      name: identity.displayName,
      iat,
      exp: iat + CODE_TTL_SECONDS,
    },
    await signingSecret(sql),
  );
}

export async function verifyOAuthCode(
  sql: Sql,
  code: string,
  tenantId: string,
  now: Date,
): Promise<OAuthIdentity | null> {
  const p = verifyJwt(code, await signingSecret(sql), now);
  if (!p || p.typ !== "oauth_code" || p.tid !== tenantId || typeof p.email !== "string") return null;
  return { email: p.email, displayName: typeof p.name === "string" ? p.name : null };
}

/** `redirect_uri` with tokens in the fragment (never the query: fragments do not reach servers). */
export function tokenRedirect(
  redirectUri: string,
  tokens: { access_token: string; refresh_token: string; expires_in: number },
): string {
  const url = new URL(redirectUri);
  url.hash = new URLSearchParams({
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    expires_in: String(tokens.expires_in),
  }).toString();
  return url.toString();
}

/** `redirect_uri?error=oauth_failed&error_description=...`. */
export function errorRedirect(redirectUri: string, description: string): string {
  const url = new URL(redirectUri);
  url.searchParams.set("error", "oauth_failed");
  url.searchParams.set("error_description", description);
  url.hash = "";
  return url.toString();
}
