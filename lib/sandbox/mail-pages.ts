import "server-only";
import { getEndpoint } from "@/lib/catalog";
import { hashToken } from "./auth/email-tokens";
import type { MailKind } from "./outbox";
import { getStore } from "./store";
import { getTenant, isExpired } from "./tenants";

/**
 * What the portal's mail pages (/sandbox/verify-email, reset-password, accept-invitation) need to act as the tenant's
 * own app would: the sandbox path of a catalog endpoint, and the public key of the tenant a mailed token belongs to
 * (public by design: the tenant's frontend embeds it). The actions themselves go through the documented endpoints.
 */

/** `/sandbox` + the catalog path of the endpoint `id`. */
export function sandboxPath(id: string): string {
  const endpoint = getEndpoint(id);
  if (!endpoint) throw new Error(`No catalog endpoint ${id}`);
  return `/sandbox${endpoint.path}`;
}

/** The public key of the live tenant that sent `token` in a mail of `kind`; null when no such token or tenant exists. */
export async function publicKeyForMailToken(kind: MailKind, token: string, now = new Date()): Promise<string | null> {
  if (!token) return null;
  const sql = await getStore();
  const row =
    kind === "invitation"
      ? await sql.get<{ tenant_id: string }>(`SELECT tenant_id FROM invitations WHERE token_hash = ?`, [hashToken(token)])
      : await sql.get<{ tenant_id: string }>(`SELECT tenant_id FROM email_tokens WHERE token_hash = ? AND kind = ?`, [hashToken(token), kind]);
  const tenant = row && await getTenant(sql, row.tenant_id);
  return tenant && !isExpired(tenant, now) ? tenant.public_key : null;
}
