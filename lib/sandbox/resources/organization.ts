import type { OrgRole } from "@/lib/catalog";
import type { MyOrganization, Organization, OrganizationMember } from "@/lib/catalog/schemas/organization";
import { isoTime, newId, type Sql, type SqlValue } from "../db/sql";
import { insertDefaultDepartment } from "./department";
import { insertMembership, type MembershipRow } from "./membership";
import { normalizeEmail } from "./user";

/** A row of `organizations`. */
export interface OrganizationRow {
  id: string;
  tenant_id: string;
  name: string;
  slug: string;
  description: string | null;
  logo_url: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    logo_url: row.logo_url,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The organization with the caller's role in it (my-organizations, accept-invitation). */
export function toMyOrganization(row: OrganizationRow, role: OrgRole): MyOrganization {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    logo_url: row.logo_url,
    role,
    created_at: row.created_at,
  };
}

export const findOrganization = async (sql: Sql, tenantId: string, id: string): Promise<OrganizationRow | undefined> =>
  await sql.get<OrganizationRow>(`SELECT * FROM organizations WHERE tenant_id = ? AND id = ?`, [tenantId, id]);

export const findOrganizationBySlug = async (
  sql: Sql,
  tenantId: string,
  slug: string,
): Promise<OrganizationRow | undefined> =>
  await sql.get<OrganizationRow>(`SELECT * FROM organizations WHERE tenant_id = ? AND slug = ?`, [tenantId, slug]);

export interface NewOrganization {
  name: string;
  slug: string;
  description?: string | null;
}

/**
 * Creates an organization with its owner and its default "General" department, atomically.
 * The caller checks the slug first; the UNIQUE (tenant_id, slug) constraint still guards a race.
 */
export async function insertOrganization(
  sql: Sql,
  tenantId: string,
  ownerId: string,
  o: NewOrganization,
  now: Date,
): Promise<OrganizationRow> {
  const id = newId();
  const at = isoTime(now);
  await sql.tx(async () => {
    await sql.run(
      `INSERT INTO organizations (id, tenant_id, name, slug, description, logo_url, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
      [id, tenantId, o.name, o.slug, o.description ?? null, ownerId, at, at],
    );
    await insertMembership(sql, tenantId, id, ownerId, "owner", now);
    await insertDefaultDepartment(sql, tenantId, id, now);
  });
  return (await findOrganization(sql, tenantId, id))!;
}

export interface OrganizationChanges {
  name?: string;
  description?: string;
  logo_url?: string;
}

/** Changes only the fields given. */
export async function updateOrganization(
  sql: Sql,
  tenantId: string,
  id: string,
  changes: OrganizationChanges,
  now: Date,
): Promise<OrganizationRow | undefined> {
  const sets: string[] = [];
  const params: SqlValue[] = [];
  for (const key of ["name", "description", "logo_url"] as const) {
    const value = changes[key];
    if (value === undefined) continue;
    sets.push(`${key} = ?`);
    params.push(value);
  }
  sets.push("updated_at = ?");
  params.push(isoTime(now), tenantId, id);
  await sql.run(`UPDATE organizations SET ${sets.join(", ")} WHERE tenant_id = ? AND id = ?`, params);
  return findOrganization(sql, tenantId, id);
}

/** The user's organizations (active memberships) with their role, oldest membership first. */
export async function listMyOrganizations(sql: Sql, tenantId: string, userId: string): Promise<MyOrganization[]> {
  const rows = await sql.all<OrganizationRow & { role: OrgRole }>(
    `SELECT o.*, m.role AS role FROM memberships m JOIN organizations o ON o.id = m.organization_id AND o.tenant_id = m.tenant_id
     WHERE m.tenant_id = ? AND m.user_id = ? AND m.is_active = 1 ORDER BY m.joined_at, o.id`,
    [tenantId, userId],
  );
  return rows.map((r) => toMyOrganization(r, r.role));
}

// ---- members ----

interface MemberRow {
  user_id: string;
  email: string | null;
  display_name: string | null;
  role: OrgRole;
  joined_at: string;
}

function toMember(row: MemberRow): OrganizationMember {
  return {
    user_id: row.user_id,
    email: row.email ?? "",
    display_name: row.display_name,
    role: row.role,
    joined_at: row.joined_at,
  };
}

const MEMBER_COLUMNS = `m.user_id, u.email, u.display_name, m.role, m.joined_at`;

/** Active members, in the order they joined. */
export const listMembers = async (sql: Sql, tenantId: string, organizationId: string): Promise<OrganizationMember[]> =>
  (
    await sql.all<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id
       WHERE m.tenant_id = ? AND m.organization_id = ? AND m.is_active = 1 ORDER BY m.joined_at, m.user_id`,
      [tenantId, organizationId],
    )
  ).map(toMember);

export async function findMember(
  sql: Sql,
  tenantId: string,
  organizationId: string,
  userId: string,
): Promise<OrganizationMember | undefined> {
  const row = await sql.get<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id
     WHERE m.tenant_id = ? AND m.organization_id = ? AND m.user_id = ? AND m.is_active = 1`,
    [tenantId, organizationId, userId],
  );
  return row && toMember(row);
}

/** Whether a user with this email is an active member of the organization. */
export const isActiveMemberEmail = async (
  sql: Sql,
  tenantId: string,
  organizationId: string,
  email: string,
): Promise<boolean> =>
  (await sql.get<{ id: string }>(
    `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id
     WHERE m.tenant_id = ? AND m.organization_id = ? AND u.email = ? AND m.is_active = 1`,
    [tenantId, organizationId, normalizeEmail(email)],
  )) !== undefined;

/** Deletes the membership; the user's default organization is cleared when it was this one. */
export async function deleteMembership(
  sql: Sql,
  tenantId: string,
  membership: MembershipRow,
  now: Date,
): Promise<void> {
  await sql.tx(async () => {
    await sql.run(`DELETE FROM memberships WHERE tenant_id = ? AND id = ?`, [tenantId, membership.id]);
    await clearDefaultOrganization(sql, tenantId, membership.user_id, membership.organization_id, now);
  });
}

export async function clearDefaultOrganization(
  sql: Sql,
  tenantId: string,
  userId: string,
  organizationId: string,
  now: Date,
): Promise<void> {
  await sql.run(
    `UPDATE users SET default_organization_id = NULL, updated_at = ? WHERE tenant_id = ? AND id = ? AND default_organization_id = ?`,
    [isoTime(now), tenantId, userId, organizationId],
  );
}

/** Sets users.default_organization_id; `onlyIfUnset` leaves an existing default alone. */
export async function setDefaultOrganization(
  sql: Sql,
  tenantId: string,
  userId: string,
  organizationId: string,
  now: Date,
  onlyIfUnset = false,
): Promise<void> {
  await sql.run(
    `UPDATE users SET default_organization_id = ?, updated_at = ? WHERE tenant_id = ? AND id = ?${onlyIfUnset ? " AND default_organization_id IS NULL" : ""}`,
    [organizationId, isoTime(now), tenantId, userId],
  );
}
