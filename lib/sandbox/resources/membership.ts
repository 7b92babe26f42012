import type { OrgRole } from "@/lib/catalog";
import type { Sql } from "../db/sql";

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
