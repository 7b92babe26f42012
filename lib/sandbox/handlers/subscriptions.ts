import { hasPermission } from "../access";
import { requirePayablePlan, startCheckout } from "../checkout";
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
import { defineHandler } from "./define";
import { created, ok, requireUser } from "./helpers";
import type { Raises, TenantContext } from "./types";

const listPlans = defineHandler("subscriptions.list-plans", async (ctx) =>
  ok((await listActivePlans(ctx.sql, ctx.tenant.id)).map(toPlan)),
);

const getPlan = defineHandler("subscriptions.get-plan", async (ctx) => {
  const row = await findPlan(ctx.sql, ctx.tenant.id, ctx.params.plan_id);
  if (!row) return ctx.fail(404);
  return ok(toPlan(row));
});

/** The active subscription of the user's default organization (while the user is still an active member of it). */
const currentSubscription = defineHandler("subscriptions.get-current-subscription", async (ctx) => {
  const user = requireUser(ctx);
  const orgId = user.default_organization_id;
  const member = orgId ? await findActiveMembership(ctx.sql, ctx.tenant.id, orgId, user.id) : undefined;
  const row = orgId && member ? await findActiveOrgSubscription(ctx.sql, ctx.tenant.id, orgId, ctx.now()) : undefined;
  if (!row) return ctx.fail(404);
  return ok(toSubscription(row));
});

/** Without organization_id the user's default organization is subscribed; a user without one gets a personal plan. */
const createCheckout = defineHandler("subscriptions.create-checkout", async (ctx) => {
  const user = requireUser(ctx);
  const { body, sql, tenant } = ctx;
  const plan = await requirePayablePlan(ctx, body.plan_id);
  let organizationId: string | null = body.organization_id ?? null;
  if (organizationId && !(await findActiveMembership(sql, tenant.id, organizationId, user.id))) return ctx.fail(403);
  if (
    !organizationId &&
    user.default_organization_id &&
    (await findActiveMembership(sql, tenant.id, user.default_organization_id, user.id))
  ) {
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
});

/** Billing is managed by the organization's owners and admins (BILLING_MANAGE). */
async function canManageBilling(ctx: TenantContext, organizationId: string, userId: string | null): Promise<boolean> {
  const membership = userId ? await findActiveMembership(ctx.sql, ctx.tenant.id, organizationId, userId) : undefined;
  return membership !== undefined && hasPermission(membership.role, "BILLING_MANAGE");
}

/** A subscription of an organization the signed-in user manages billing for: 404, or 403 with `forbidden`. */
async function managedSubscription<F extends string>(
  ctx: TenantContext & { params: { subscription_id: string } } & Raises<404, "Subscription not found"> & Raises<403, F>,
  forbidden: F,
): Promise<SubscriptionRow> {
  const row = await findSubscription(ctx.sql, ctx.tenant.id, ctx.params.subscription_id);
  if (!row) return ctx.fail(404, "Subscription not found");
  if (!(await canManageBilling(ctx, row.organization_id, requireUser(ctx).id))) return ctx.fail(403, forbidden);
  return row;
}

const createSubscription = defineHandler("subscriptions.create-subscription", async (ctx) => {
  const user = requireUser(ctx);
  const { body, sql, tenant } = ctx;
  const plan = await findActivePlan(sql, tenant.id, body.plan_id);
  if (!plan) return ctx.fail(404);
  if (!(await findOrganization(sql, tenant.id, body.organization_id))) return ctx.fail(404, "Organization not found");
  const membership = await findActiveMembership(sql, tenant.id, body.organization_id, user.id);
  if (!membership) return ctx.fail(403);
  // Not documented for this endpoint; the organizations' own subscribe endpoint restricts it to owner/admin too.
  if (!hasPermission(membership.role, "BILLING_MANAGE")) return ctx.fail(403, "Insufficient permissions");
  const row = await sql.tx(async () => {
    if (await findActiveOrgSubscription(sql, tenant.id, body.organization_id, ctx.now())) {
      return ctx.fail(409);
    }
    return insertOrgSubscription(
      sql,
      tenant.id,
      {
        organizationId: body.organization_id,
        userId: user.id,
        planId: plan.id,
        billingCycle: body.billing_cycle,
        metadata: body.subscription_metadata,
      },
      ctx.now(),
    );
  });
  return created(toSubscription(row));
});

const getSubscription = defineHandler("subscriptions.get-subscription", async (ctx) =>
  ok(toSubscription(await managedSubscription(ctx, "Not authorized to access this subscription"))),
);

const putSubscription = defineHandler("subscriptions.update-subscription", async (ctx) => {
  const row = await managedSubscription(ctx, "Not authorized to update this subscription");
  const { plan_id, billing_cycle, subscription_metadata } = ctx.body;
  if (plan_id !== undefined && !(await findActivePlan(ctx.sql, ctx.tenant.id, plan_id)))
    return ctx.fail(404, "Plan not found");
  const updated = await updateSubscription(
    ctx.sql,
    ctx.tenant.id,
    row.id,
    { planId: plan_id, billingCycle: billing_cycle, metadata: subscription_metadata },
    ctx.now(),
  );
  return ok(toSubscription(updated));
});

/** A subscription already cancelled is answered as it is. */
const deleteSubscription = defineHandler("subscriptions.cancel-subscription", async (ctx) => {
  const row = await managedSubscription(ctx, "Not authorized to cancel this subscription");
  if (row.status === "cancelled") return ok(toSubscription(row));
  return ok(
    toSubscription(await cancelSubscription(ctx.sql, ctx.tenant.id, row.id, ctx.query.cancel_at_period_end, ctx.now())),
  );
});

// ---- the user's own plan ----

function requireSelf<F extends string>(
  ctx: TenantContext & { params: { user_id: string } } & Raises<403, F>,
  forbidden: F,
) {
  const user = requireUser(ctx);
  if (ctx.params.user_id !== user.id) return ctx.fail(403, forbidden);
  return user;
}

/** Usage is counted per organization: a user in none has no usage record (404). */
const userUsage = defineHandler("subscriptions.get-user-usage", async (ctx) => {
  const user = requireSelf(ctx, "Not authorized to access this user's usage");
  const plan = await findUserPlan(ctx.sql, user);
  if (!plan?.organizationId) return ctx.fail(404);
  return ok(await currentUsageRecord(ctx.sql, user, { ...plan, organizationId: plan.organizationId }, ctx.now()));
});

const userLimits = defineHandler("subscriptions.get-user-limits", async (ctx) => {
  const user = requireSelf(ctx, "Not authorized to access this user's limits");
  const plan = await findUserPlan(ctx.sql, user);
  if (!plan) return ctx.fail(404);
  return ok(await userPlanLimits(ctx.sql, user, plan, ctx.now()));
});

const assignPlan = defineHandler("subscriptions.assign-user-plan", async (ctx) => {
  const user = requireSelf(ctx, "Cannot assign plans to other users");
  const plan = await findActivePlan(ctx.sql, ctx.tenant.id, ctx.params.plan_id);
  if (!plan) return ctx.fail(404);
  await assignUserPlan(ctx.sql, ctx.tenant.id, user.id, plan.id, ctx.now());
  return ok({ success: true, user_id: user.id, plan_id: plan.id });
});

// ---- server-side organization endpoints: secret key, the acting user asserted in ?user_id= ----

/** The organization (404) and the asserted user's right to `permission` in it (403 with `forbidden`). */
async function requireBillingRight<F extends string>(
  ctx: TenantContext & { params: { organization_id: string }; query: { user_id: string } } & Raises<
      404,
      "Organization not found"
    > &
    Raises<403, F>,
  permission: "BILLING_READ" | "BILLING_MANAGE",
  forbidden: F,
) {
  const orgId = ctx.params.organization_id;
  if (!(await findOrganization(ctx.sql, ctx.tenant.id, orgId))) return ctx.fail(404, "Organization not found");
  const membership = await findActiveMembership(ctx.sql, ctx.tenant.id, orgId, ctx.query.user_id);
  if (!membership || !hasPermission(membership.role, permission)) return ctx.fail(403, forbidden);
}

const MANAGE_FORBIDDEN = "User does not have permission to manage this organization's billing" as const;

/** Clears a pending cancellation (and a scheduled downgrade); reactivates a cancelled subscription whose period has not run out. */
const resumeOrgSubscription = defineHandler("subscriptions.resume-organization-subscription", async (ctx) => {
  await requireBillingRight(ctx, "BILLING_MANAGE", MANAGE_FORBIDDEN);
  const row = await findLatestOrgSubscription(ctx.sql, ctx.tenant.id, ctx.params.organization_id);
  if (!row) return ctx.fail(404);
  if (!canResume(row, ctx.now())) return ctx.fail(400);
  return ok(toSubscription(await resumeSubscription(ctx.sql, ctx.tenant.id, row.id, ctx.now())));
});

/** Newest first; at most 100 (Stripe's page limit). */
const orgInvoices = defineHandler("subscriptions.list-organization-invoices", async (ctx) => {
  await requireBillingRight(ctx, "BILLING_READ", "User does not have permission to view this organization's billing");
  return ok((await listOrganizationInvoices(ctx.sql, ctx.tenant.id, ctx.params.organization_id, 100)).map(toInvoice));
});

const cancelOrgSubscription = defineHandler("subscriptions.cancel-organization-subscription", async (ctx) => {
  await requireBillingRight(ctx, "BILLING_MANAGE", MANAGE_FORBIDDEN);
  const row = await findActiveOrgSubscription(ctx.sql, ctx.tenant.id, ctx.params.organization_id, ctx.now());
  if (!row) return ctx.fail(404);
  return ok(
    toSubscription(await cancelSubscription(ctx.sql, ctx.tenant.id, row.id, ctx.query.cancel_at_period_end, ctx.now())),
  );
});

/** Handlers of the /v1/subscriptions endpoints. */
export const subscriptionsHandlers = [
  listPlans,
  currentSubscription,
  createCheckout,
  getPlan,
  createSubscription,
  getSubscription,
  putSubscription,
  deleteSubscription,
  userUsage,
  userLimits,
  assignPlan,
  resumeOrgSubscription,
  orgInvoices,
  cancelOrgSubscription,
];
