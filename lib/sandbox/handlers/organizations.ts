import type { InvitationTokenRequest, InviteRequest } from "@/lib/catalog/schemas/invitation";
import type { CreateOrganizationRequest, UpdateMemberRoleRequest, UpdateOrganizationRequest } from "@/lib/catalog/schemas/organization";
import type { UpdateSubscriptionRequest } from "@/lib/catalog/schemas/subscription";
import { requireOrgAccess, type OrgAccessRule } from "../access";
import { ApiError } from "../errors";
import { mailLink } from "../mail-links";
import { listDepartments, toDepartment } from "../resources/department";
import {
  findInvitation,
  findInvitationByToken,
  findOpenInvitationFor,
  insertInvitation,
  isOpen,
  listOpenInvitationsFor,
  renewInvitationToken,
  setInvitationStatus,
  toInvitation,
  toInvitationDetails,
  type InvitationRow,
} from "../resources/invitation";
import { findActiveMembership, type MembershipRow } from "../resources/membership";
import {
  activateMembership,
  deactivateMembership,
  deleteMembership,
  findAnyMembership,
  findMember,
  findOrganization,
  findOrganizationBySlug,
  insertOrganization,
  isActiveMemberEmail,
  listMembers,
  listMyOrganizations,
  setDefaultOrganization,
  setMemberRole,
  toMyOrganization,
  toOrganization,
  updateOrganization,
  type OrganizationRow,
} from "../resources/organization";
import {
  cancelSubscription,
  findActiveOrgSubscription,
  insertOrgSubscription,
  toSubscription,
  updateSubscription,
  type SubscriptionRow,
} from "../resources/org-subscription";
import { ensureUsageCounter, organizationTotals, toOrganizationUsageStats } from "../resources/org-usage";
import { findActivePlan, findPlan, toPlan } from "../resources/plan";
import { findPlanLimits, fits, messagesMeter, tokensMeter, toUsageHistoryRecord } from "../resources/usage";
import { normalizeEmail } from "../resources/user";
import { created, message, ok, requireUser } from "./helpers";
import type { Handler, HandlerContext, HandlerMap, Input, Query } from "./types";

type OrgParams = { organization_id: string };
type MemberParams = OrgParams & { user_id: string };
type InvitationParams = OrgParams & { invitation_id: string };
type OrgHandler<B = unknown, Q = Query, P extends OrgParams = OrgParams> = Handler<B, Q, P>;

/** Owners and admins manage members and invitations (the catalog's "owner/admin is expected"). */
const MANAGERS: OrgAccessRule = { roles: ["owner", "admin"] };

/** The caller's membership of the path's organization, checked against the endpoint's own roles and permission. */
const access = (ctx: HandlerContext<unknown, Query, OrgParams>, rule: OrgAccessRule = ctx.endpoint.auth): Promise<MembershipRow> =>
  requireOrgAccess(ctx, ctx.params.organization_id, rule);

/** The organization named in the path, once access has been checked. */
const organizationOf = async (ctx: HandlerContext<unknown, Query, OrgParams>): Promise<OrganizationRow> => {
  const org = await findOrganization(ctx.sql, ctx.tenant.id, ctx.params.organization_id);
  if (!org) throw new ApiError(404, "Organization not found");
  return org;
};

// ---- organizations ----

const myOrganizations: Handler = async (ctx) => ok({ organizations: await listMyOrganizations(ctx.sql, ctx.tenant.id, requireUser(ctx).id) });

const createOrganization: Handler<Input<typeof CreateOrganizationRequest>> = async (ctx) => {
  const { sql, tenant, body } = ctx;
  const user = requireUser(ctx);
  const taken = () => new ApiError(409, "Organization with this slug already exists");
  if (await findOrganizationBySlug(sql, tenant.id, body.slug)) throw taken();
  let org: OrganizationRow;
  try {
    org = await sql.tx(async () => {
      const row = await insertOrganization(sql, tenant.id, user.id, { name: body.name, slug: body.slug, description: body.description }, ctx.now());
      // A first organization becomes the user's default, so X-Organization-Id has an obvious value.
      await setDefaultOrganization(sql, tenant.id, user.id, row.id, ctx.now(), true);
      return row;
    });
  } catch (error) {
    // Lost a race for the slug: the UNIQUE (tenant_id, slug) constraint answered.
    if (await findOrganizationBySlug(sql, tenant.id, body.slug)) throw taken();
    throw error;
  }
  return created(toOrganization(org));
};

const getOrganization: OrgHandler = async (ctx) => {
  await access(ctx);
  return ok(toOrganization(await organizationOf(ctx)));
};

const updateOrganizationHandler: OrgHandler<Input<typeof UpdateOrganizationRequest>> = async (ctx) => {
  await access(ctx);
  const row = await updateOrganization(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.body, ctx.now());
  if (!row) throw new ApiError(404, "Organization not found");
  return ok(toOrganization(row));
};

const listOrganizationDepartments: OrgHandler = async (ctx) => {
  await access(ctx);
  return ok((await listDepartments(ctx.sql, ctx.tenant.id, ctx.params.organization_id)).map(toDepartment));
};

const setDefault: OrgHandler = async (ctx) => {
  const membership = await access(ctx);
  await setDefaultOrganization(ctx.sql, ctx.tenant.id, membership.user_id, membership.organization_id, ctx.now());
  return ok({ message: "Default organization updated", default_organization_id: membership.organization_id });
};

// ---- members ----

const memberNotFound = () => new ApiError(404, "Member not found");

/** The target's active membership; the owner is protected with the endpoint's own 400 detail. */
async function targetMember(ctx: HandlerContext<unknown, Query, MemberParams>, ownerDetail: string, includeInactive = false): Promise<MembershipRow> {
  const { sql, tenant, params } = ctx;
  const target = includeInactive
    ? await findAnyMembership(sql, tenant.id, params.organization_id, params.user_id)
    : await findActiveMembership(sql, tenant.id, params.organization_id, params.user_id);
  if (!target) throw memberNotFound();
  if (target.role === "owner") throw new ApiError(400, ownerDetail);
  return target;
}

const listOrganizationMembers: OrgHandler = async (ctx) => {
  await access(ctx);
  return ok(await listMembers(ctx.sql, ctx.tenant.id, ctx.params.organization_id));
};

const updateMemberRole: OrgHandler<Input<typeof UpdateMemberRoleRequest>, Query, MemberParams> = async (ctx) => {
  await access(ctx);
  const target = await targetMember(ctx, "Cannot change the role of the organization owner");
  await setMemberRole(ctx.sql, ctx.tenant.id, target.id, ctx.body.role, ctx.now());
  const member = await findMember(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.params.user_id);
  if (!member) throw memberNotFound();
  return ok(member);
};

// Removes the membership whether active or deactivated; the user account stays.
const removeMember: OrgHandler<unknown, Query, MemberParams> = async (ctx) => {
  await access(ctx);
  const target = await targetMember(ctx, "Cannot remove the organization owner", true);
  await deleteMembership(ctx.sql, ctx.tenant.id, target, ctx.now());
  return message("Member removed successfully");
};

const deactivateMember: OrgHandler<unknown, Query, MemberParams> = async (ctx) => {
  await access(ctx, MANAGERS);
  const target = await targetMember(ctx, "Cannot deactivate the organization owner");
  await deactivateMembership(ctx.sql, ctx.tenant.id, target.id, ctx.now());
  return message("Member deactivated successfully");
};

// ---- invitations ----

/**
 * Mails the invitee a link with the plain token (only its hash is stored). The link leads to
 * /sandbox/accept-invitation: your app's invitation page would be there, reading ?token=.
 */
async function sendInvitation(ctx: HandlerContext<unknown, Query, OrgParams>, org: OrganizationRow, invitation: InvitationRow, token: string) {
  const { link } = mailLink(ctx.origin, "invitation", token);
  const inviter = ctx.user?.display_name ?? ctx.user?.email ?? "A member";
  await ctx.outbox.send({
    to: invitation.email,
    kind: "invitation",
    subject: `You're invited to join ${org.name}`,
    body: `${inviter} invited you to join ${org.name} as ${invitation.role}.\nAccept or decline by opening ${link}\nThe invitation is valid until ${invitation.expires_at}.`,
    token,
    link,
  });
}

const invite: OrgHandler<Input<typeof InviteRequest>> = async (ctx) => {
  const membership = await access(ctx);
  const { sql, tenant, body } = ctx;
  const org = await organizationOf(ctx);
  const email = normalizeEmail(body.email);
  const now = ctx.now();
  const { row, token } = await sql.tx(async () => {
    if (await isActiveMemberEmail(sql, tenant.id, org.id, email)) throw new ApiError(409, "User is already a member of this organization");
    if (await findOpenInvitationFor(sql, tenant.id, org.id, email, now)) throw new ApiError(409, "An invitation is already pending for this email");
    return insertInvitation(sql, tenant.id, { organizationId: org.id, email, role: body.role, invitedBy: membership.user_id }, now);
  });
  await sendInvitation(ctx, org, row, token);
  return created(toInvitation(row, now));
};

async function invitationOf(ctx: HandlerContext<unknown, Query, InvitationParams>): Promise<InvitationRow> {
  const row = await findInvitation(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.params.invitation_id);
  if (!row) throw new ApiError(404, "Invitation not found");
  return row;
}

// A pending invitation gets a new token and a new week (so an expired link can be revived); the old link stops working.
const resendInvitation: OrgHandler<unknown, Query, InvitationParams> = async (ctx) => {
  await access(ctx, MANAGERS);
  const row = await invitationOf(ctx);
  if (row.status !== "pending") throw new ApiError(400, "Invitation is no longer pending");
  const token = await renewInvitationToken(ctx.sql, ctx.tenant.id, row.id, ctx.now());
  await sendInvitation(ctx, await organizationOf(ctx), await invitationOf(ctx), token);
  return message("Invitation resent successfully");
};

// Idempotent: an invitation already accepted, rejected or cancelled keeps its status.
const cancelInvitation: OrgHandler<unknown, Query, InvitationParams> = async (ctx) => {
  await access(ctx, MANAGERS);
  const row = await invitationOf(ctx);
  if (row.status === "pending") await setInvitationStatus(ctx.sql, ctx.tenant.id, row.id, "cancelled", ctx.now());
  return message("Invitation cancelled successfully");
};

const invalidToken = () => new ApiError(400, "Invalid or expired invitation token");

const acceptInvitation: Handler<Input<typeof InvitationTokenRequest>> = async (ctx) => {
  const { sql, tenant } = ctx;
  const user = requireUser(ctx);
  const now = ctx.now();
  const org = await sql.tx(async () => {
    const row = await findInvitationByToken(sql, tenant.id, ctx.body.token);
    if (!row || !isOpen(row, now)) throw invalidToken();
    if (!user.email || normalizeEmail(user.email) !== row.email) throw new ApiError(403, "This invitation was sent to a different email address");
    if (await findActiveMembership(sql, tenant.id, row.organization_id, user.id)) throw new ApiError(409, "User is already a member of this organization");
    // A deactivated former member is re-activated with the invited role.
    await activateMembership(sql, tenant.id, row.organization_id, user.id, row.role, now);
    await setInvitationStatus(sql, tenant.id, row.id, "accepted", now);
    await setDefaultOrganization(sql, tenant.id, user.id, row.organization_id, now, true);
    return { row: (await findOrganization(sql, tenant.id, row.organization_id))!, role: row.role };
  });
  return ok({ message: "Invitation accepted", organization: toMyOrganization(org.row, org.role) });
};

const rejectInvitation: Handler<Input<typeof InvitationTokenRequest>> = async (ctx) => {
  const row = await findInvitationByToken(ctx.sql, ctx.tenant.id, ctx.body.token);
  if (!row || !isOpen(row, ctx.now())) throw invalidToken();
  await setInvitationStatus(ctx.sql, ctx.tenant.id, row.id, "rejected", ctx.now());
  return message("Invitation rejected");
};

const pendingInvitations: Handler<unknown, { email: string }> = async (ctx) =>
  ok(await listOpenInvitationsFor(ctx.sql, ctx.tenant.id, ctx.query.email, ctx.now()));

const getInvitation: Handler<unknown, Query, { invitation_token: string }> = async (ctx) => {
  const row = await findInvitationByToken(ctx.sql, ctx.tenant.id, ctx.params.invitation_token);
  if (!row) throw new ApiError(404, "Invitation not found");
  return ok(toInvitationDetails(row, ctx.now()));
};

// ---- subscription ----

const noSubscription = () => new ApiError(404, "No active subscription found for this organization");
const planNotFound = () => new ApiError(404, "Plan not found");

const activeSubscription = (ctx: HandlerContext<unknown, Query, OrgParams>): Promise<SubscriptionRow | undefined> =>
  findActiveOrgSubscription(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.now());

const getSubscription: OrgHandler = async (ctx) => {
  await access(ctx);
  const sub = await activeSubscription(ctx);
  const plan = sub && await findPlan(ctx.sql, ctx.tenant.id, sub.plan_id);
  return ok(sub && plan ? { ...toSubscription(sub), plan: toPlan(plan) } : null);
};

/**
 * Starts an active monthly subscription at once, for free and paid plans alike: this path collects
 * no payment (the catalog says so), and the sandbox has no Stripe behind it. Paid plans normally
 * go through POST /v1/subscriptions/checkout, which the sandbox completes on its own checkout page.
 */
const subscribe: Handler<unknown, Query, OrgParams & { plan_id: string }> = async (ctx) => {
  const membership = await access(ctx);
  const { sql, tenant, params } = ctx;
  const plan = await findActivePlan(sql, tenant.id, params.plan_id);
  if (!plan) throw planNotFound();
  const sub = await sql.tx(async () => {
    if (await activeSubscription(ctx)) throw new ApiError(409, "Organization already has an active subscription");
    return insertOrgSubscription(sql, tenant.id, { organizationId: params.organization_id, userId: membership.user_id, planId: plan.id }, ctx.now());
  });
  return created(toSubscription(sub));
};

// Only the fields sent change; the current period is kept (no proration in the sandbox).
const updateOrgSubscription: OrgHandler<Input<typeof UpdateSubscriptionRequest>> = async (ctx) => {
  await access(ctx);
  const { sql, tenant, body } = ctx;
  const sub = await activeSubscription(ctx);
  if (!sub) throw noSubscription();
  if (body.plan_id !== undefined && !await findActivePlan(sql, tenant.id, body.plan_id)) throw planNotFound();
  const row = await updateSubscription(
    sql,
    tenant.id,
    sub.id,
    { planId: body.plan_id, billingCycle: body.billing_cycle, metadata: body.subscription_metadata },
    ctx.now(),
  );
  return ok(toSubscription(row));
};

const cancelOrgSubscription: OrgHandler<unknown, { cancel_at_period_end: boolean }> = async (ctx) => {
  await access(ctx);
  const sub = await activeSubscription(ctx);
  if (!sub) throw noSubscription();
  const atPeriodEnd = ctx.query.cancel_at_period_end;
  const row = await cancelSubscription(ctx.sql, ctx.tenant.id, sub.id, atPeriodEnd, ctx.now());
  return ok({
    message: atPeriodEnd ? "Subscription will be cancelled at the end of the current period" : "Subscription cancelled",
    subscription: toSubscription(row),
  });
};

// ---- usage ----

const getUsage: OrgHandler = async (ctx) => {
  await access(ctx);
  const { sql, tenant, params } = ctx;
  const totals = await organizationTotals(sql, tenant.id, params.organization_id, ctx.now());
  const planId = (await activeSubscription(ctx))?.plan_id ?? null;
  return ok({ usage_stats: toOrganizationUsageStats(params.organization_id, planId, totals, ctx.now()) });
};

const getUserUsage: Handler<unknown, Query, OrgParams & { target_user_id: string }> = async (ctx) => {
  await access(ctx);
  const { sql, tenant, params } = ctx;
  if (!await findActiveMembership(sql, tenant.id, params.organization_id, params.target_user_id)) {
    throw new ApiError(404, "User is not a member of this organization");
  }
  const planId = (await activeSubscription(ctx))?.plan_id ?? null;
  const counter = await ensureUsageCounter(sql, tenant.id, params.organization_id, params.target_user_id, planId, ctx.now());
  return ok({ usage: toUsageHistoryRecord(counter) });
};

/**
 * The organization's limits (its active subscription's plan, else the tenant's free plan, as
 * /v1/usage/check reads them: tokens are limited by the plan's AI budget at the sandbox's flat
 * token price) against this period's counters of all members plus the amounts asked about.
 */
const checkUsage: OrgHandler<unknown, { additional_messages: number; additional_tokens: number }> = async (ctx) => {
  await access(ctx);
  const { sql, tenant, params, query } = ctx;
  const now = ctx.now();
  const limits = await findPlanLimits(sql, tenant.id, params.organization_id, now);
  const totals = await organizationTotals(sql, tenant.id, params.organization_id, now);
  const used = { messages: totals.messages, tokensIn: totals.tokens, tokensOut: 0, costUsd: totals.costUsd };
  const messages = messagesMeter(limits, used);
  const tokens = tokensMeter(limits, used);
  const limit = (max: number | "unlimited") => (max === "unlimited" ? null : max);
  return ok({
    would_exceed: !fits(messages, query.additional_messages) || !fits(tokens, query.additional_tokens),
    limits: {
      plan_id: limits?.planId ?? null,
      max_messages_per_month: limit(messages.max),
      max_tokens_per_month: limit(tokens.max),
      current_messages: totals.messages,
      current_tokens: totals.tokens,
      projected_messages: totals.messages + query.additional_messages,
      projected_tokens: totals.tokens + query.additional_tokens,
    },
  });
};

/** Handlers of the organizations endpoints, keyed by endpoint id. */
export const organizationsHandlers: HandlerMap = {
  "organizations.my-organizations": myOrganizations,
  "organizations.create": createOrganization,
  "organizations.get": getOrganization,
  "organizations.update": updateOrganizationHandler,
  "organizations.list-departments": listOrganizationDepartments,
  "organizations.list-members": listOrganizationMembers,
  "organizations.update-member-role": updateMemberRole,
  "organizations.remove-member": removeMember,
  "organizations.deactivate-member": deactivateMember,
  "organizations.invite": invite,
  "organizations.resend-invitation": resendInvitation,
  "organizations.cancel-invitation": cancelInvitation,
  "organizations.accept-invitation": acceptInvitation,
  "organizations.reject-invitation": rejectInvitation,
  "organizations.pending-invitations": pendingInvitations,
  "organizations.get-invitation": getInvitation,
  "organizations.set-default": setDefault,
  "organizations.get-subscription": getSubscription,
  "organizations.subscribe": subscribe,
  "organizations.update-subscription": updateOrgSubscription,
  "organizations.cancel-subscription": cancelOrgSubscription,
  "organizations.get-usage": getUsage,
  "organizations.get-user-usage": getUserUsage,
  "organizations.check-usage": checkUsage,
};
