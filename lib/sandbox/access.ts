import type { Endpoint, OrgRole } from "@/lib/catalog";
import { IMPLIED_DETAIL } from "@/lib/catalog/errors";
import { documentedError } from "./errors";
import type { Raises, TenantContext } from "./handlers/types";
import { findActiveMembership, type MembershipRow } from "./resources/membership";

/** Organization roles → the permissions the catalog names. */
export const ROLE_PERMISSIONS: Record<OrgRole, readonly string[]> = {
  owner: ["ORG_READ", "MEMBERS_READ", "BILLING_READ", "BILLING_MANAGE", "MEMBERS_MANAGE"],
  admin: ["ORG_READ", "MEMBERS_READ", "BILLING_READ", "BILLING_MANAGE", "MEMBERS_MANAGE"],
  member: ["ORG_READ", "MEMBERS_READ", "BILLING_READ"],
  developer: ["ORG_READ", "MEMBERS_READ", "BILLING_READ"],
};

export const hasPermission = (role: OrgRole, permission: string): boolean =>
  ROLE_PERMISSIONS[role].includes(permission);

export interface OrgAccessRule {
  permission?: string;
  roles?: readonly OrgRole[];
}

/**
 * The signed-in user's membership of an organization named in the path, or the documented error:
 * 404 "Organization not found", 403 "Not a member of this organization", 403 when the role is not enough.
 * Pass `ctx.endpoint.auth` as the rule to apply the endpoint's own permission and roles. The role's 403 depends on the
 * rule, so it is checked against the endpoint's documented errors when raised, not by type.
 */
export async function requireOrgAccess(
  ctx: TenantContext & { endpoint: Endpoint } & Raises<404, "Organization not found"> &
    Raises<403, "Not a member of this organization">,
  organizationId: string,
  rule: OrgAccessRule = {},
): Promise<MembershipRow> {
  const org = await ctx.sql.get<{ id: string }>(`SELECT id FROM organizations WHERE tenant_id = ? AND id = ?`, [
    ctx.tenant.id,
    organizationId,
  ]);
  if (!org) return ctx.fail(404, "Organization not found");
  const membership = ctx.userId
    ? await findActiveMembership(ctx.sql, ctx.tenant.id, organizationId, ctx.userId)
    : undefined;
  if (!membership) return ctx.fail(403, "Not a member of this organization");
  const allowed =
    (!rule.roles || rule.roles.includes(membership.role)) &&
    (!rule.permission || hasPermission(membership.role, rule.permission));
  if (!allowed) throw documentedError(ctx.endpoint, 403, IMPLIED_DETAIL.insufficientPermissions);
  return membership;
}
