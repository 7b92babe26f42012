import "server-only";
import { hashToken } from "@/lib/sandbox/auth/email-tokens";
import type { MailKind } from "@/lib/sandbox/outbox";
import { getStore } from "@/lib/sandbox/store";
import { getTenant, isExpired } from "@/lib/sandbox/tenants";

/**
 * What the portal's mail pages (/sandbox/verify-email, reset-password, accept-invitation) need to act as the tenant's
 * own app would: the public key of the tenant a mailed token belongs to (public by design: the tenant's frontend embeds
 * it). The actions themselves go through the documented endpoints (paths from endpoint-paths.ts).
 */

/** The public key of the live tenant that sent `token` in a mail of `kind`; null when no such token or tenant exists. */
export async function publicKeyForMailToken(kind: MailKind, token: string, now = new Date()): Promise<string | null> {
  if (!token) return null;
  const sql = await getStore();
  const row =
    kind === "invitation"
      ? await sql.get<{ tenant_id: string }>(`SELECT tenant_id FROM invitations WHERE token_hash = ?`, [
          hashToken(token),
        ])
      : await sql.get<{ tenant_id: string }>(`SELECT tenant_id FROM email_tokens WHERE token_hash = ? AND kind = ?`, [
          hashToken(token),
          kind,
        ]);
  const tenant = row && (await getTenant(sql, row.tenant_id));
  return tenant && !isExpired(tenant, now) ? tenant.public_key : null;
}
