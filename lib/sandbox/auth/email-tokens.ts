import { createHash, randomBytes } from "node:crypto";
import { isoTime, newId, type Sql } from "../db/sql";

/** One-time tokens sent by email. Only their SHA-256 is stored; the plain token goes to the outbox. */

export type EmailTokenKind = "verification" | "password_reset";

export const EMAIL_TOKEN_TTL_SECONDS: Record<EmailTokenKind, number> = {
  verification: 24 * 3600,
  password_reset: 3600,
};

export const newSecretToken = (): string => randomBytes(32).toString("base64url");
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

interface EmailTokenRow {
  id: string;
  tenant_id: string;
  user_id: string;
}

export async function createEmailToken(
  sql: Sql,
  tenantId: string,
  userId: string,
  kind: EmailTokenKind,
  now: Date,
): Promise<string> {
  const token = newSecretToken();
  const expires = new Date(now.getTime() + EMAIL_TOKEN_TTL_SECONDS[kind] * 1000);
  await sql.run(
    `INSERT INTO email_tokens (id, tenant_id, user_id, kind, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [newId(), tenantId, userId, kind, hashToken(token), isoTime(now), isoTime(expires)],
  );
  return token;
}

/**
 * Marks an unused, unexpired token as used and returns whose it is; undefined if it is not valid.
 * Without `tenantId` the token itself identifies the tenant (verify-email-with-token).
 */
export async function consumeEmailToken(
  sql: Sql,
  kind: EmailTokenKind,
  token: string,
  now: Date,
  tenantId?: string,
): Promise<{ tenantId: string; userId: string } | undefined> {
  return await sql.tx(async () => {
    const row = await sql.get<EmailTokenRow>(
      `SELECT id, tenant_id, user_id FROM email_tokens WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?`,
      [hashToken(token), kind, isoTime(now)],
    );
    if (!row || (tenantId !== undefined && row.tenant_id !== tenantId)) return undefined;
    await sql.run(`UPDATE email_tokens SET used_at = ? WHERE id = ?`, [isoTime(now), row.id]);
    return { tenantId: row.tenant_id, userId: row.user_id };
  });
}
