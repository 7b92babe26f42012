import type { OrgRole } from "@/lib/catalog";
import { ApiError } from "./errors";
import type { TenantContext } from "./handlers/types";
import { findActiveMembership, type MembershipRow } from "./resources/membership";

/** Organization roles → the permissions the catalog names. */
export const ROLE_PERMISSIONS: Record<OrgRole, readonly string[]> = {
  owner: ["ORG_READ", "MEMBERS_READ", "BILLING_READ", "BILLING_MANAGE", "MEMBERS_MANAGE"],
  admin: ["ORG_READ", "MEMBERS_READ", "BILLING_READ", "BILLING_MANAGE", "MEMBERS_MANAGE"],
  member: ["ORG_READ", "MEMBERS_READ", "BILLING_READ"],
  developer: ["ORG_READ", "MEMBERS_READ", "BILLING_READ"],
};

export const hasPermission = (role: OrgRole, permission: string): boolean => ROLE_PERMISSIONS[role].includes(permission);

export interface OrgAccessRule {
  permission?: string;
  roles?: readonly OrgRole[];
  /** The 403 detail when the role is not enough (default "Insufficient permissions"). */
  forbidden?: string;
}

/**
 * The signed-in user's membership of an organization named in the path, or the documented error:
 * 404 "Organization not found", 403 "Not a member of this organization", 403 when the role is not enough.
 * Pass `ctx.endpoint.auth` as the rule to apply the endpoint's own permission and roles.
 */
export async function requireOrgAccess(ctx: TenantContext, organizationId: string, rule: OrgAccessRule = {}): Promise<MembershipRow> {
  const org = await ctx.sql.get<{ id: string }>(`SELECT id FROM organizations WHERE tenant_id = ? AND id = ?`, [ctx.tenant.id, organizationId]);
  if (!org) throw new ApiError(404, "Organization not found");
  const membership = ctx.userId ? await findActiveMembership(ctx.sql, ctx.tenant.id, organizationId, ctx.userId) : undefined;
  if (!membership) throw new ApiError(403, "Not a member of this organization");
  const allowed =
    (!rule.roles || rule.roles.includes(membership.role)) && (!rule.permission || hasPermission(membership.role, rule.permission));
  if (!allowed) throw new ApiError(403, rule.forbidden ?? "Insufficient permissions");
  return membership;
}
