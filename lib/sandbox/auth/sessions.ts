import { ACCESS_TOKEN_TTL_SECONDS } from "@/lib/catalog/schemas/auth";
import { isoTime, newId, type Sql } from "../db/sql";
import {
  JOINED_MEMBERSHIP_COLUMNS,
  joinedMembership,
  type JoinedMembershipColumns,
  type MembershipRow,
} from "../resources/membership";
import type { UserRow } from "../resources/user";
import { signingSecret, signJwt, unixSeconds, verifyJwt } from "./jwt";

/**
 * Sessions: a refresh token (30 days, its jti a row of refresh_tokens) and access tokens (1 hour)
 * that name the session in `sid`. Logout revokes the row, which ends both.
 */

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export interface IssuedTokens {
  access_token: string;
  refresh_token: string;
  token_type: "Bearer";
  expires_in: number;
}

export interface Session {
  userId: string;
  sessionId: string;
}

async function accessToken(sql: Sql, tenantId: string, userId: string, sessionId: string, now: Date): Promise<string> {
  const iat = unixSeconds(now);
  return signJwt(
    {
      sub: userId,
      tid: tenantId,
      typ: "access",
      sid: sessionId,
      jti: newId(),
      iat,
      exp: iat + ACCESS_TOKEN_TTL_SECONDS,
    },
    await signingSecret(sql),
  );
}

/** Starts a session for the user: stores the refresh token's jti and signs both tokens. */
export async function issueSession(sql: Sql, tenantId: string, userId: string, now: Date): Promise<IssuedTokens> {
  const jti = newId();
  const iat = unixSeconds(now);
  await sql.run(`INSERT INTO refresh_tokens (jti, tenant_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`, [
    jti,
    tenantId,
    userId,
    isoTime(now),
    isoTime(new Date((iat + REFRESH_TOKEN_TTL_SECONDS) * 1000)),
  ]);
  const refresh = signJwt(
    { sub: userId, tid: tenantId, typ: "refresh", jti, iat, exp: iat + REFRESH_TOKEN_TTL_SECONDS },
    await signingSecret(sql),
  );
  return {
    access_token: await accessToken(sql, tenantId, userId, jti, now),
    refresh_token: refresh,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
  };
}

/** A session's refresh_tokens row `r` that is live: parameters jti, tenant id, user id, now. */
const LIVE_SESSION = "r.jti = ? AND r.tenant_id = ? AND r.user_id = ? AND r.revoked_at IS NULL AND r.expires_at > ?";

const sessionIsLive = async (sql: Sql, tenantId: string, userId: string, jti: string, now: Date) =>
  (await sql.get<{ jti: string }>(`SELECT r.jti FROM refresh_tokens r WHERE ${LIVE_SESSION}`, [
    jti,
    tenantId,
    userId,
    isoTime(now),
  ])) !== undefined;

/**
 * The session of a valid, unrevoked access token of this tenant, with its user's row, and with `organizationId` the
 * user's active membership of that organization (null when there is none): one query for all of it, the session's row
 * joined to its user's and membership's. Null for a token that is not valid. Whether the user may act (is_active) and
 * what a missing membership means are the caller's business.
 */
export async function verifyAccessToken(
  sql: Sql,
  tenantId: string,
  token: string,
  now: Date,
  organizationId?: string,
): Promise<(Session & { user: UserRow; membership: MembershipRow | null }) | null> {
  const p = verifyJwt(token, await signingSecret(sql), now);
  if (!p || p.typ !== "access" || p.tid !== tenantId || typeof p.sub !== "string" || typeof p.sid !== "string")
    return null;
  const session = [p.sid, tenantId, p.sub, isoTime(now)];
  const users = "refresh_tokens r JOIN users u ON u.tenant_id = r.tenant_id AND u.id = r.user_id";
  const row = await sql.get<UserRow & Partial<JoinedMembershipColumns>>(
    organizationId === undefined
      ? `SELECT u.* FROM ${users} WHERE ${LIVE_SESSION}`
      : `SELECT u.*, ${JOINED_MEMBERSHIP_COLUMNS} FROM ${users} LEFT JOIN memberships m
           ON m.tenant_id = r.tenant_id AND m.organization_id = ? AND m.user_id = r.user_id AND m.is_active = 1
         WHERE ${LIVE_SESSION}`,
    organizationId === undefined ? session : [organizationId, ...session],
  );
  if (!row) return null;
  const { membership_id, membership_role, membership_joined_at, membership_updated_at, ...user } = row;
  const membership =
    organizationId === undefined
      ? null
      : joinedMembership(
          { membership_id, membership_role, membership_joined_at, membership_updated_at },
          tenantId,
          organizationId,
          user.id,
        );
  return { userId: p.sub, sessionId: p.sid, user, membership };
}

/** A new access token for a valid refresh token of this tenant (the refresh token itself is kept); null otherwise. */
export async function refreshSession(
  sql: Sql,
  tenantId: string,
  refreshToken: string,
  now: Date,
): Promise<(IssuedTokens & Session) | null> {
  const p = verifyJwt(refreshToken, await signingSecret(sql), now);
  if (!p || p.typ !== "refresh" || p.tid !== tenantId || typeof p.sub !== "string" || typeof p.jti !== "string")
    return null;
  if (!(await sessionIsLive(sql, tenantId, p.sub, p.jti, now))) return null;
  return {
    access_token: await accessToken(sql, tenantId, p.sub, p.jti, now),
    refresh_token: refreshToken,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    userId: p.sub,
    sessionId: p.jti,
  };
}

export async function revokeSession(sql: Sql, tenantId: string, sessionId: string, now: Date): Promise<void> {
  await sql.run(`UPDATE refresh_tokens SET revoked_at = ? WHERE jti = ? AND tenant_id = ? AND revoked_at IS NULL`, [
    isoTime(now),
    sessionId,
    tenantId,
  ]);
}

/** Ends every session of a user (password reset, deactivation). */
export async function revokeUserSessions(sql: Sql, tenantId: string, userId: string, now: Date): Promise<void> {
  await sql.run(`UPDATE refresh_tokens SET revoked_at = ? WHERE tenant_id = ? AND user_id = ? AND revoked_at IS NULL`, [
    isoTime(now),
    tenantId,
    userId,
  ]);
}
