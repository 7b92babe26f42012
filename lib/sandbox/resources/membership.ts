import type { OrgRole } from "@/lib/catalog";
import { isoTime, newId, type Sql } from "../db/sql";

/** A row of `memberships`: a user's role in an organization. */
export interface MembershipRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  user_id: string;
  role: OrgRole;
  is_active: number;
  joined_at: string;
  updated_at: string;
}

/** A membership's columns beside another table's, from `LEFT JOIN memberships m` (NULL where the join finds none). */
export const JOINED_MEMBERSHIP_COLUMNS =
  "m.id AS membership_id, m.role AS membership_role, m.joined_at AS membership_joined_at, m.updated_at AS membership_updated_at";

export interface JoinedMembershipColumns {
  membership_id: string | null;
  membership_role: OrgRole | null;
  membership_joined_at: string | null;
  membership_updated_at: string | null;
}

/** The user's active membership those columns read (the join asked for `is_active = 1`), or null without one. */
export function joinedMembership(
  c: Partial<JoinedMembershipColumns>,
  tenantId: string,
  organizationId: string,
  userId: string,
): MembershipRow | null {
  if (c.membership_id == null || c.membership_role == null) return null;
  return {
    id: c.membership_id,
    tenant_id: tenantId,
    organization_id: organizationId,
    user_id: userId,
    role: c.membership_role,
    is_active: 1,
    joined_at: c.membership_joined_at!,
    updated_at: c.membership_updated_at!,
  };
}

/** The user's active membership of an organization of the tenant. */
export const findActiveMembership = async (
  sql: Sql,
  tenantId: string,
  organizationId: string,
  userId: string,
): Promise<MembershipRow | undefined> =>
  await sql.get<MembershipRow>(
    `SELECT * FROM memberships WHERE tenant_id = ? AND organization_id = ? AND user_id = ? AND is_active = 1`,
    [tenantId, organizationId, userId],
  );

/** The membership whatever its state (active or deactivated). */
export const findAnyMembership = async (
  sql: Sql,
  tenantId: string,
  organizationId: string,
  userId: string,
): Promise<MembershipRow | undefined> =>
  await sql.get<MembershipRow>(
    `SELECT * FROM memberships WHERE tenant_id = ? AND organization_id = ? AND user_id = ?`,
    [tenantId, organizationId, userId],
  );

export async function insertMembership(
  sql: Sql,
  tenantId: string,
  organizationId: string,
  userId: string,
  role: OrgRole,
  now: Date,
): Promise<void> {
  const at = isoTime(now);
  await sql.run(
    `INSERT INTO memberships (id, tenant_id, organization_id, user_id, role, is_active, joined_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    [newId(), tenantId, organizationId, userId, role, at, at],
  );
}

/** Joins (or re-joins a deactivated member) with `role`. */
export async function activateMembership(
  sql: Sql,
  tenantId: string,
  organizationId: string,
  userId: string,
  role: OrgRole,
  now: Date,
): Promise<void> {
  const existing = await findAnyMembership(sql, tenantId, organizationId, userId);
  if (!existing) return insertMembership(sql, tenantId, organizationId, userId, role, now);
  const at = isoTime(now);
  await sql.run(
    `UPDATE memberships SET role = ?, is_active = 1, joined_at = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
    [role, at, at, tenantId, existing.id],
  );
}

export const setMemberRole = async (
  sql: Sql,
  tenantId: string,
  membershipId: string,
  role: OrgRole,
  now: Date,
): Promise<void> => {
  await sql.run(`UPDATE memberships SET role = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`, [
    role,
    isoTime(now),
    tenantId,
    membershipId,
  ]);
};

export const deactivateMembership = async (
  sql: Sql,
  tenantId: string,
  membershipId: string,
  now: Date,
): Promise<void> => {
  await sql.run(`UPDATE memberships SET is_active = 0, updated_at = ? WHERE tenant_id = ? AND id = ?`, [
    isoTime(now),
    tenantId,
    membershipId,
  ]);
};
