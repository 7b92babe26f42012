import type { Invitation, InvitationDetails } from "@/lib/catalog/schemas/invitation";
import { hashToken, newSecretToken } from "../auth/email-tokens";
import { isoTime, newId, type Sql } from "../db/sql";
import { normalizeEmail } from "./user";

/** Invitation links stay valid for 7 days; resending issues a new token with a new week. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

export type AssignableRole = Invitation["role"];
type StoredStatus = "pending" | "accepted" | "rejected" | "cancelled";

/** A row of `invitations`. Only the token's SHA-256 is stored; the plain token goes to the outbox. */
export interface InvitationRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  email: string;
  role: AssignableRole;
  status: StoredStatus;
  token_hash: string;
  invited_by: string | null;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

/** Pending and not past expires_at: the only state in which the token can be accepted or rejected. */
export const isOpen = (row: InvitationRow, now: Date): boolean =>
  row.status === "pending" && row.expires_at > isoTime(now);

/** A pending invitation past its expiry is shown as "expired" (nothing rewrites the row). */
export function toInvitation(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    organization_id: row.organization_id,
    email: row.email,
    role: row.role,
    status: row.status === "pending" && !isOpen(row, now) ? "expired" : row.status,
    invited_by: row.invited_by,
    expires_at: row.expires_at,
    created_at: row.created_at,
  };
}

type DetailsRow = InvitationRow & { organization_name: string };

export const toInvitationDetails = (row: DetailsRow, now: Date): InvitationDetails => ({
  ...toInvitation(row, now),
  organization_name: row.organization_name,
});

const expiry = (now: Date): string => isoTime(new Date(now.getTime() + INVITATION_TTL_SECONDS * 1000));

/** Creates a pending invitation; returns it with the plain token for the mail. */
export async function insertInvitation(
  sql: Sql,
  tenantId: string,
  i: { organizationId: string; email: string; role: AssignableRole; invitedBy: string },
  now: Date,
): Promise<{ row: InvitationRow; token: string }> {
  const id = newId();
  const token = newSecretToken();
  const at = isoTime(now);
  await sql.run(
    `INSERT INTO invitations (id, tenant_id, organization_id, email, role, status, token_hash, invited_by, expires_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
    [
      id,
      tenantId,
      i.organizationId,
      normalizeEmail(i.email),
      i.role,
      hashToken(token),
      i.invitedBy,
      expiry(now),
      at,
      at,
    ],
  );
  return { row: (await findInvitation(sql, tenantId, i.organizationId, id))!, token };
}

/** A new token and a new week for a pending invitation: the previous link stops working. */
export async function renewInvitationToken(sql: Sql, tenantId: string, id: string, now: Date): Promise<string> {
  const token = newSecretToken();
  await sql.run(
    `UPDATE invitations SET token_hash = ?, expires_at = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
    [hashToken(token), expiry(now), isoTime(now), tenantId, id],
  );
  return token;
}

export const setInvitationStatus = async (
  sql: Sql,
  tenantId: string,
  id: string,
  status: StoredStatus,
  now: Date,
): Promise<void> => {
  await sql.run(`UPDATE invitations SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`, [
    status,
    isoTime(now),
    tenantId,
    id,
  ]);
};

export const findInvitation = async (
  sql: Sql,
  tenantId: string,
  organizationId: string,
  id: string,
): Promise<InvitationRow | undefined> =>
  await sql.get<InvitationRow>(`SELECT * FROM invitations WHERE tenant_id = ? AND organization_id = ? AND id = ?`, [
    tenantId,
    organizationId,
    id,
  ]);

export const findInvitationByToken = async (
  sql: Sql,
  tenantId: string,
  token: string,
): Promise<DetailsRow | undefined> =>
  await sql.get<DetailsRow>(
    `SELECT i.*, o.name AS organization_name FROM invitations i JOIN organizations o ON o.id = i.organization_id AND o.tenant_id = i.tenant_id
     WHERE i.tenant_id = ? AND i.token_hash = ?`,
    [tenantId, hashToken(token)],
  );

/** An open (pending, unexpired) invitation of the organization for this email. */
export const findOpenInvitationFor = async (
  sql: Sql,
  tenantId: string,
  organizationId: string,
  email: string,
  now: Date,
): Promise<InvitationRow | undefined> =>
  await sql.get<InvitationRow>(
    `SELECT * FROM invitations WHERE tenant_id = ? AND organization_id = ? AND email = ? AND status = 'pending' AND expires_at > ?`,
    [tenantId, organizationId, normalizeEmail(email), isoTime(now)],
  );

/** Open invitations addressed to an email, newest first. */
export const listOpenInvitationsFor = async (
  sql: Sql,
  tenantId: string,
  email: string,
  now: Date,
): Promise<InvitationDetails[]> =>
  (
    await sql.all<DetailsRow>(
      `SELECT i.*, o.name AS organization_name FROM invitations i JOIN organizations o ON o.id = i.organization_id AND o.tenant_id = i.tenant_id
       WHERE i.tenant_id = ? AND i.email = ? AND i.status = 'pending' AND i.expires_at > ? ORDER BY i.created_at DESC, i.id`,
      [tenantId, normalizeEmail(email), isoTime(now)],
    )
  ).map((r) => toInvitationDetails(r, now));
