import type { CheckoutRequest } from "@/lib/catalog/schemas/billing";
import type { CreateSubscriptionRequest, UpdateSubscriptionRequest } from "@/lib/catalog/schemas/subscription";
import { hasPermission } from "../access";
import { requirePayablePlan, startCheckout } from "../checkout";
import { ApiError } from "../errors";
import { findActiveMembership } from "../resources/membership";
import {
  cancelSubscription,
  findActiveOrgSubscription,
  findSubscription,
  insertOrgSubscription,
  toSubscription,
  updateSubscription,
  type SubscriptionRow,
} from "../resources/org-subscription";
import { findOrganization } from "../resources/organization";
import { findActivePlan, findPlan, listActivePlans, toPlan } from "../resources/plan";
import { assignUserPlan, currentUsageRecord, findUserPlan, userPlanLimits } from "../resources/plan-usage";
import { canResume, findLatestOrgSubscription, resumeSubscription } from "../resources/subscription-lifecycle";
import { listOrganizationInvoices, toInvoice } from "../resources/invoice";
import { created, ok, requireUser } from "./helpers";
import type { Handler, HandlerContext, HandlerMap, Input, Query } from "./types";

type SubscriptionParams = { subscription_id: string };
type UserParams = { user_id: string };
type OrgParams = { organization_id: string };

const listPlans: Handler = async (ctx) => ok((await listActivePlans(ctx.sql, ctx.tenant.id)).map(toPlan));

const getPlan: Handler<unknown, Query, { plan_id: string }> = async (ctx) => {
  const row = await findPlan(ctx.sql, ctx.tenant.id, ctx.params.plan_id);
  if (!row) throw new ApiError(404, "Plan not found");
  return ok(toPlan(row));
};

/** The active subscription of the user's default organization (while the user is still an active member of it). */
const currentSubscription: Handler = async (ctx) => {
  const user = requireUser(ctx);
  const orgId = user.default_organization_id;
  const member = orgId ? await findActiveMembership(ctx.sql, ctx.tenant.id, orgId, user.id) : undefined;
  const row = orgId && member ? await findActiveOrgSubscription(ctx.sql, ctx.tenant.id, orgId, ctx.now()) : undefined;
  if (!row) throw new ApiError(404, "No active subscription found");
  return ok(toSubscription(row));
};

/** Without organization_id the user's default organization is subscribed; a user without one gets a personal plan. */
const createCheckout: Handler<Input<typeof CheckoutRequest>> = async (ctx) => {
  const user = requireUser(ctx);
  const { body, sql, tenant } = ctx;
  const plan = await requirePayablePlan(sql, tenant.id, body.plan_id);
  let organizationId: string | null = body.organization_id ?? null;
  if (organizationId && !await findActiveMembership(sql, tenant.id, organizationId, user.id)) throw new ApiError(403, "Not a member of this organization");
  if (!organizationId && user.default_organization_id && await findActiveMembership(sql, tenant.id, user.default_organization_id, user.id)) {
    organizationId = user.default_organization_id;
  }
  const { checkout_url, session_id } = await startCheckout(
    sql,
    tenant.id,
    ctx.origin,
    { userId: user.id, organizationId, plan, successUrl: body.success_url, cancelUrl: body.cancel_url },
    ctx.now(),
  );
  return ok({ checkout_url, session_id });
};

/** Billing is managed by the organization's owners and admins (BILLING_MANAGE). */
async function canManageBilling(ctx: HandlerContext, organizationId: string, userId: string | null): Promise<boolean> {
  const membership = userId ? await findActiveMembership(ctx.sql, ctx.tenant.id, organizationId, userId) : undefined;
  return membership !== undefined && hasPermission(membership.role, "BILLING_MANAGE");
}

/** A subscription of an organization the signed-in user manages billing for: 404, or 403 with `forbidden`. */
async function managedSubscription(ctx: HandlerContext<unknown, Query, SubscriptionParams>, forbidden: string): Promise<SubscriptionRow> {
  const row = await findSubscription(ctx.sql, ctx.tenant.id, ctx.params.subscription_id);
  if (!row) throw new ApiError(404, "Subscription not found");
  if (!await canManageBilling(ctx, row.organization_id, requireUser(ctx).id)) throw new ApiError(403, forbidden);
  return row;
}

const createSubscription: Handler<Input<typeof CreateSubscriptionRequest>> = async (ctx) => {
  const user = requireUser(ctx);
  const { body, sql, tenant } = ctx;
  const plan = await findActivePlan(sql, tenant.id, body.plan_id);
  if (!plan) throw new ApiError(404, "Plan not found");
  if (!await findOrganization(sql, tenant.id, body.organization_id)) throw new ApiError(404, "Organization not found");
  const membership = await findActiveMembership(sql, tenant.id, body.organization_id, user.id);
  if (!membership) throw new ApiError(403, "Not a member of this organization");
  // Not documented for this endpoint; the organizations' own subscribe endpoint restricts it to owner/admin too.
  if (!hasPermission(membership.role, "BILLING_MANAGE")) throw new ApiError(403, "Insufficient permissions");
  const row = await sql.tx(async () => {
    if (await findActiveOrgSubscription(sql, tenant.id, body.organization_id, ctx.now())) {
      throw new ApiError(409, "Organization already has an active subscription");
    }
    return insertOrgSubscription(
      sql,
      tenant.id,
      { organizationId: body.organization_id, userId: user.id, planId: plan.id, billingCycle: body.billing_cycle, metadata: body.subscription_metadata },
      ctx.now(),
    );
  });
  return created(toSubscription(row));
};

const getSubscription: Handler<unknown, Query, SubscriptionParams> = async (ctx) =>
  ok(toSubscription(await managedSubscription(ctx, "Not authorized to access this subscription")));

const putSubscription: Handler<Input<typeof UpdateSubscriptionRequest>, Query, SubscriptionParams> = async (ctx) => {
  const row = await managedSubscription(ctx, "Not authorized to update this subscription");
  const { plan_id, billing_cycle, subscription_metadata } = ctx.body;
  if (plan_id !== undefined && !await findActivePlan(ctx.sql, ctx.tenant.id, plan_id)) throw new ApiError(404, "Plan not found");
  const updated = await updateSubscription(ctx.sql, ctx.tenant.id, row.id, { planId: plan_id, billingCycle: billing_cycle, metadata: subscription_metadata }, ctx.now());
  return ok(toSubscription(updated));
};

/** A subscription already cancelled is answered as it is. */
const deleteSubscription: Handler<unknown, { cancel_at_period_end: boolean }, SubscriptionParams> = async (ctx) => {
  const row = await managedSubscription(ctx, "Not authorized to cancel this subscription");
  if (row.status === "cancelled") return ok(toSubscription(row));
  return ok(toSubscription(await cancelSubscription(ctx.sql, ctx.tenant.id, row.id, ctx.query.cancel_at_period_end, ctx.now())));
};

// ---- the user's own plan ----

function requireSelf(ctx: HandlerContext<unknown, Query, { user_id: string }>, forbidden: string) {
  const user = requireUser(ctx);
  if (ctx.params.user_id !== user.id) throw new ApiError(403, forbidden);
  return user;
}

/** Usage is counted per organization: a user in none has no usage record (404). */
const userUsage: Handler<unknown, Query, UserParams> = async (ctx) => {
  const user = requireSelf(ctx, "Not authorized to access this user's usage");
  const plan = await findUserPlan(ctx.sql, user);
  if (!plan?.organizationId) throw new ApiError(404, "No active plan found for user");
  return ok(await currentUsageRecord(ctx.sql, user, { ...plan, organizationId: plan.organizationId }, ctx.now()));
};

const userLimits: Handler<unknown, Query, UserParams> = async (ctx) => {
  const user = requireSelf(ctx, "Not authorized to access this user's limits");
  const plan = await findUserPlan(ctx.sql, user);
  if (!plan) throw new ApiError(404, "No active plan found for user");
  return ok(await userPlanLimits(ctx.sql, user, plan, ctx.now()));
};

const assignPlan: Handler<unknown, Query, { user_id: string; plan_id: string }> = async (ctx) => {
  const user = requireSelf(ctx, "Cannot assign plans to other users");
  const plan = await findActivePlan(ctx.sql, ctx.tenant.id, ctx.params.plan_id);
  if (!plan) throw new ApiError(404, "Plan not found");
  await assignUserPlan(ctx.sql, ctx.tenant.id, user.id, plan.id, ctx.now());
  return ok({ success: true, user_id: user.id, plan_id: plan.id });
};

// ---- server-side organization endpoints: secret key, the acting user asserted in ?user_id= ----

/** The organization (404) and the asserted user's right to `permission` in it (403 with `forbidden`). */
async function requireBillingRight(ctx: HandlerContext<unknown, { user_id: string }, OrgParams>, permission: "BILLING_READ" | "BILLING_MANAGE", forbidden: string) {
  const orgId = ctx.params.organization_id;
  if (!await findOrganization(ctx.sql, ctx.tenant.id, orgId)) throw new ApiError(404, "Organization not found");
  const membership = await findActiveMembership(ctx.sql, ctx.tenant.id, orgId, ctx.query.user_id);
  if (!membership || !hasPermission(membership.role, permission)) throw new ApiError(403, forbidden);
}

const MANAGE_FORBIDDEN = "User does not have permission to manage this organization's billing";

/** Clears a pending cancellation (and a scheduled downgrade); reactivates a cancelled subscription whose period has not run out. */
const resumeOrgSubscription: Handler<unknown, { user_id: string }, OrgParams> = async (ctx) => {
  await requireBillingRight(ctx, "BILLING_MANAGE", MANAGE_FORBIDDEN);
  const row = await findLatestOrgSubscription(ctx.sql, ctx.tenant.id, ctx.params.organization_id);
  if (!row) throw new ApiError(404, "No subscription found for this organization");
  if (!canResume(row, ctx.now())) throw new ApiError(400, "Subscription is not scheduled for cancellation");
  return ok(toSubscription(await resumeSubscription(ctx.sql, ctx.tenant.id, row.id, ctx.now())));
};

/** Newest first; at most 100 (Stripe's page limit). */
const orgInvoices: Handler<unknown, { user_id: string }, OrgParams> = async (ctx) => {
  await requireBillingRight(ctx, "BILLING_READ", "User does not have permission to view this organization's billing");
  return ok((await listOrganizationInvoices(ctx.sql, ctx.tenant.id, ctx.params.organization_id, 100)).map(toInvoice));
};

const cancelOrgSubscription: Handler<unknown, { user_id: string; cancel_at_period_end: boolean }, OrgParams> = async (ctx) => {
  await requireBillingRight(ctx, "BILLING_MANAGE", MANAGE_FORBIDDEN);
  const row = await findActiveOrgSubscription(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.now());
  if (!row) throw new ApiError(404, "No active subscription found for this organization");
  return ok(toSubscription(await cancelSubscription(ctx.sql, ctx.tenant.id, row.id, ctx.query.cancel_at_period_end, ctx.now())));
};

/** Handlers of the /v1/subscriptions endpoints. */
export const subscriptionsHandlers: HandlerMap = {
  "subscriptions.list-plans": listPlans,
  "subscriptions.get-current-subscription": currentSubscription,
  "subscriptions.create-checkout": createCheckout,
  "subscriptions.get-plan": getPlan,
  "subscriptions.create-subscription": createSubscription,
  "subscriptions.get-subscription": getSubscription,
  "subscriptions.update-subscription": putSubscription,
  "subscriptions.cancel-subscription": deleteSubscription,
  "subscriptions.get-user-usage": userUsage,
  "subscriptions.get-user-limits": userLimits,
  "subscriptions.assign-user-plan": assignPlan,
  "subscriptions.resume-organization-subscription": resumeOrgSubscription,
  "subscriptions.list-organization-invoices": orgInvoices,
  "subscriptions.cancel-organization-subscription": cancelOrgSubscription,
};
