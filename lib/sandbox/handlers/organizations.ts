import type { Endpoint } from "@/lib/catalog";
import { requireOrgAccess, type OrgAccessRule } from "../access";
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
import {
  activateMembership,
  deactivateMembership,
  findActiveMembership,
  findAnyMembership,
  setMemberRole,
  type MembershipRow,
} from "../resources/membership";
import {
  deleteMembership,
  findMember,
  findOrganization,
  findOrganizationBySlug,
  insertOrganization,
  isActiveMemberEmail,
  listMembers,
  listMyOrganizations,
  setDefaultOrganization,
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
import { defineHandler } from "./define";
import { created, message, ok, requireUser } from "./helpers";
import type { Raises, TenantContext } from "./types";

/** What the helpers below need of a handler's context: an endpoint whose path names the organization. */
type InOrganization = TenantContext & { params: { organization_id: string }; endpoint: Endpoint };

/** Owners and admins manage members and invitations (the catalog's "owner/admin is expected"). */
const MANAGERS: OrgAccessRule = { roles: ["owner", "admin"] };

/** The caller's membership of the path's organization, checked against the endpoint's own roles and permission. */
const access = (
  ctx: InOrganization & Raises<404, "Organization not found"> & Raises<403, "Not a member of this organization">,
  rule: OrgAccessRule = ctx.endpoint.auth,
): Promise<MembershipRow> => requireOrgAccess(ctx, ctx.params.organization_id, rule);

/** The organization named in the path, once access has been checked. */
const organizationOf = async (
  ctx: InOrganization & Raises<404, "Organization not found">,
): Promise<OrganizationRow> => {
  const org = await findOrganization(ctx.sql, ctx.tenant.id, ctx.params.organization_id);
  if (!org) return ctx.fail(404, "Organization not found");
  return org;
};

// ---- organizations ----

const myOrganizations = defineHandler("organizations.my-organizations", async (ctx) =>
  ok({ organizations: await listMyOrganizations(ctx.sql, ctx.tenant.id, requireUser(ctx).id) }),
);

const createOrganization = defineHandler("organizations.create", async (ctx) => {
  const { sql, tenant, body } = ctx;
  const user = requireUser(ctx);
  if (await findOrganizationBySlug(sql, tenant.id, body.slug)) return ctx.fail(409);
  let org: OrganizationRow;
  try {
    org = await sql.tx(async () => {
      const row = await insertOrganization(
        sql,
        tenant.id,
        user.id,
        { name: body.name, slug: body.slug, description: body.description },
        ctx.now(),
      );
      // A first organization becomes the user's default, so X-Organization-Id has an obvious value.
      await setDefaultOrganization(sql, tenant.id, user.id, row.id, ctx.now(), true);
      return row;
    });
  } catch (error) {
    // Lost a race for the slug: the UNIQUE (tenant_id, slug) constraint answered.
    if (await findOrganizationBySlug(sql, tenant.id, body.slug)) return ctx.fail(409);
    throw error;
  }
  return created(toOrganization(org));
});

const getOrganization = defineHandler("organizations.get", async (ctx) => {
  await access(ctx);
  return ok(toOrganization(await organizationOf(ctx)));
});

const updateOrganizationHandler = defineHandler("organizations.update", async (ctx) => {
  await access(ctx);
  const row = await updateOrganization(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.body, ctx.now());
  if (!row) return ctx.fail(404);
  return ok(toOrganization(row));
});

const listOrganizationDepartments = defineHandler("organizations.list-departments", async (ctx) => {
  await access(ctx);
  return ok((await listDepartments(ctx.sql, ctx.tenant.id, ctx.params.organization_id)).map(toDepartment));
});

const setDefault = defineHandler("organizations.set-default", async (ctx) => {
  const membership = await access(ctx);
  await setDefaultOrganization(ctx.sql, ctx.tenant.id, membership.user_id, membership.organization_id, ctx.now());
  return ok({ message: "Default organization updated", default_organization_id: membership.organization_id });
});

// ---- members ----

/** The target's active membership; the owner is protected with the endpoint's own 400 detail. */
async function targetMember<D extends string>(
  ctx: InOrganization & { params: { user_id: string } } & Raises<404, "Member not found"> & Raises<400, D>,
  ownerDetail: D,
  includeInactive = false,
): Promise<MembershipRow> {
  const { sql, tenant, params } = ctx;
  const target = includeInactive
    ? await findAnyMembership(sql, tenant.id, params.organization_id, params.user_id)
    : await findActiveMembership(sql, tenant.id, params.organization_id, params.user_id);
  if (!target) return ctx.fail(404, "Member not found");
  if (target.role === "owner") return ctx.fail(400, ownerDetail);
  return target;
}

const listOrganizationMembers = defineHandler("organizations.list-members", async (ctx) => {
  await access(ctx);
  return ok(await listMembers(ctx.sql, ctx.tenant.id, ctx.params.organization_id));
});

const updateMemberRole = defineHandler("organizations.update-member-role", async (ctx) => {
  await access(ctx);
  const target = await targetMember(ctx, "Cannot change the role of the organization owner");
  await setMemberRole(ctx.sql, ctx.tenant.id, target.id, ctx.body.role, ctx.now());
  const member = await findMember(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.params.user_id);
  if (!member) return ctx.fail(404);
  return ok(member);
});

// Removes the membership whether active or deactivated; the user account stays.
const removeMember = defineHandler("organizations.remove-member", async (ctx) => {
  await access(ctx);
  const target = await targetMember(ctx, "Cannot remove the organization owner", true);
  await deleteMembership(ctx.sql, ctx.tenant.id, target, ctx.now());
  return message("Member removed successfully");
});

const deactivateMember = defineHandler("organizations.deactivate-member", async (ctx) => {
  await access(ctx, MANAGERS);
  const target = await targetMember(ctx, "Cannot deactivate the organization owner");
  await deactivateMembership(ctx.sql, ctx.tenant.id, target.id, ctx.now());
  return message("Member deactivated successfully");
});

// ---- invitations ----

/**
 * Mails the invitee a link with the plain token (only its hash is stored). The link leads to
 * /sandbox/accept-invitation: your app's invitation page would be there, reading ?token=.
 */
async function sendInvitation(ctx: TenantContext, org: OrganizationRow, invitation: InvitationRow, token: string) {
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

const invite = defineHandler("organizations.invite", async (ctx) => {
  const membership = await access(ctx);
  const { sql, tenant, body } = ctx;
  const org = await organizationOf(ctx);
  const email = normalizeEmail(body.email);
  const now = ctx.now();
  const { row, token } = await sql.tx(async () => {
    if (await isActiveMemberEmail(sql, tenant.id, org.id, email)) return ctx.fail(409);
    if (await findOpenInvitationFor(sql, tenant.id, org.id, email, now))
      return ctx.fail(409, "An invitation is already pending for this email");
    return insertInvitation(
      sql,
      tenant.id,
      { organizationId: org.id, email, role: body.role, invitedBy: membership.user_id },
      now,
    );
  });
  await sendInvitation(ctx, org, row, token);
  return created(toInvitation(row, now));
});

async function invitationOf(
  ctx: InOrganization & { params: { invitation_id: string } } & Raises<404, "Invitation not found">,
): Promise<InvitationRow> {
  const row = await findInvitation(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.params.invitation_id);
  if (!row) return ctx.fail(404, "Invitation not found");
  return row;
}

// A pending invitation gets a new token and a new week (so an expired link can be revived); the old link stops working.
const resendInvitation = defineHandler("organizations.resend-invitation", async (ctx) => {
  await access(ctx, MANAGERS);
  const row = await invitationOf(ctx);
  if (row.status !== "pending") return ctx.fail(400);
  const token = await renewInvitationToken(ctx.sql, ctx.tenant.id, row.id, ctx.now());
  await sendInvitation(ctx, await organizationOf(ctx), await invitationOf(ctx), token);
  return message("Invitation resent successfully");
});

// Idempotent: an invitation already accepted, rejected or cancelled keeps its status.
const cancelInvitation = defineHandler("organizations.cancel-invitation", async (ctx) => {
  await access(ctx, MANAGERS);
  const row = await invitationOf(ctx);
  if (row.status === "pending") await setInvitationStatus(ctx.sql, ctx.tenant.id, row.id, "cancelled", ctx.now());
  return message("Invitation cancelled successfully");
});

const acceptInvitation = defineHandler("organizations.accept-invitation", async (ctx) => {
  const { sql, tenant } = ctx;
  const user = requireUser(ctx);
  const now = ctx.now();
  const org = await sql.tx(async () => {
    const row = await findInvitationByToken(sql, tenant.id, ctx.body.token);
    if (!row || !isOpen(row, now)) return ctx.fail(400);
    if (!user.email || normalizeEmail(user.email) !== row.email) return ctx.fail(403);
    if (await findActiveMembership(sql, tenant.id, row.organization_id, user.id)) return ctx.fail(409);
    // A deactivated former member is re-activated with the invited role.
    await activateMembership(sql, tenant.id, row.organization_id, user.id, row.role, now);
    await setInvitationStatus(sql, tenant.id, row.id, "accepted", now);
    await setDefaultOrganization(sql, tenant.id, user.id, row.organization_id, now, true);
    return { row: (await findOrganization(sql, tenant.id, row.organization_id))!, role: row.role };
  });
  return ok({ message: "Invitation accepted", organization: toMyOrganization(org.row, org.role) });
});

const rejectInvitation = defineHandler("organizations.reject-invitation", async (ctx) => {
  const row = await findInvitationByToken(ctx.sql, ctx.tenant.id, ctx.body.token);
  if (!row || !isOpen(row, ctx.now())) return ctx.fail(400);
  await setInvitationStatus(ctx.sql, ctx.tenant.id, row.id, "rejected", ctx.now());
  return message("Invitation rejected");
});

const pendingInvitations = defineHandler("organizations.pending-invitations", async (ctx) =>
  ok(await listOpenInvitationsFor(ctx.sql, ctx.tenant.id, ctx.query.email, ctx.now())),
);

const getInvitation = defineHandler("organizations.get-invitation", async (ctx) => {
  const row = await findInvitationByToken(ctx.sql, ctx.tenant.id, ctx.params.invitation_token);
  if (!row) return ctx.fail(404);
  return ok(toInvitationDetails(row, ctx.now()));
});

// ---- subscription ----

const activeSubscription = (ctx: InOrganization): Promise<SubscriptionRow | undefined> =>
  findActiveOrgSubscription(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.now());

const getSubscription = defineHandler("organizations.get-subscription", async (ctx) => {
  await access(ctx);
  const sub = await activeSubscription(ctx);
  const plan = sub && (await findPlan(ctx.sql, ctx.tenant.id, sub.plan_id));
  return ok(sub && plan ? { ...toSubscription(sub), plan: toPlan(plan) } : null);
});

/**
 * Starts an active monthly subscription at once, for free and paid plans alike: this path collects
 * no payment (the catalog says so), and the sandbox has no Stripe behind it. Paid plans normally
 * go through POST /v1/subscriptions/checkout, which the sandbox completes on its own checkout page.
 */
const subscribe = defineHandler("organizations.subscribe", async (ctx) => {
  const membership = await access(ctx);
  const { sql, tenant, params } = ctx;
  const plan = await findActivePlan(sql, tenant.id, params.plan_id);
  if (!plan) return ctx.fail(404);
  const sub = await sql.tx(async () => {
    if (await activeSubscription(ctx)) return ctx.fail(409);
    return insertOrgSubscription(
      sql,
      tenant.id,
      { organizationId: params.organization_id, userId: membership.user_id, planId: plan.id },
      ctx.now(),
    );
  });
  return created(toSubscription(sub));
});

// Only the fields sent change; the current period is kept (no proration in the sandbox).
const updateOrgSubscription = defineHandler("organizations.update-subscription", async (ctx) => {
  await access(ctx);
  const { sql, tenant, body } = ctx;
  const sub = await activeSubscription(ctx);
  if (!sub) return ctx.fail(404);
  if (body.plan_id !== undefined && !(await findActivePlan(sql, tenant.id, body.plan_id)))
    return ctx.fail(404, "Plan not found");
  const row = await updateSubscription(
    sql,
    tenant.id,
    sub.id,
    { planId: body.plan_id, billingCycle: body.billing_cycle, metadata: body.subscription_metadata },
    ctx.now(),
  );
  return ok(toSubscription(row));
});

const cancelOrgSubscription = defineHandler("organizations.cancel-subscription", async (ctx) => {
  await access(ctx);
  const sub = await activeSubscription(ctx);
  if (!sub) return ctx.fail(404);
  const atPeriodEnd = ctx.query.cancel_at_period_end;
  const row = await cancelSubscription(ctx.sql, ctx.tenant.id, sub.id, atPeriodEnd, ctx.now());
  return ok({
    message: atPeriodEnd ? "Subscription will be cancelled at the end of the current period" : "Subscription cancelled",
    subscription: toSubscription(row),
  });
});

// ---- usage ----

const getUsage = defineHandler("organizations.get-usage", async (ctx) => {
  await access(ctx);
  const { sql, tenant, params } = ctx;
  const totals = await organizationTotals(sql, tenant.id, params.organization_id, ctx.now());
  const planId = (await activeSubscription(ctx))?.plan_id ?? null;
  return ok({ usage_stats: toOrganizationUsageStats(params.organization_id, planId, totals, ctx.now()) });
});

const getUserUsage = defineHandler("organizations.get-user-usage", async (ctx) => {
  await access(ctx);
  const { sql, tenant, params } = ctx;
  if (!(await findActiveMembership(sql, tenant.id, params.organization_id, params.target_user_id))) {
    return ctx.fail(404);
  }
  const planId = (await activeSubscription(ctx))?.plan_id ?? null;
  const counter = await ensureUsageCounter(
    sql,
    tenant.id,
    params.organization_id,
    params.target_user_id,
    planId,
    ctx.now(),
  );
  return ok({ usage: toUsageHistoryRecord(counter) });
});

/**
 * The organization's limits (its active subscription's plan, else the tenant's free plan, as
 * /v1/usage/check reads them: tokens are limited by the plan's AI budget at the sandbox's flat
 * token price) against this period's counters of all members plus the amounts asked about.
 */
const checkUsage = defineHandler("organizations.check-usage", async (ctx) => {
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
});

/** Handlers of the organizations endpoints, keyed by endpoint id. */
export const organizationsHandlers = [
  myOrganizations,
  createOrganization,
  getOrganization,
  updateOrganizationHandler,
  listOrganizationDepartments,
  listOrganizationMembers,
  updateMemberRole,
  removeMember,
  deactivateMember,
  invite,
  resendInvitation,
  cancelInvitation,
  acceptInvitation,
  rejectInvitation,
  pendingInvitations,
  getInvitation,
  setDefault,
  getSubscription,
  subscribe,
  updateOrgSubscription,
  cancelOrgSubscription,
  getUsage,
  getUserUsage,
  checkUsage,
];
