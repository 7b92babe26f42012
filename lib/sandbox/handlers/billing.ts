import { requirePayablePlan, startCheckout } from "../checkout";
import { insertPaidInvoice, listOrganizationInvoices, toInvoice } from "../resources/invoice";
import { cancelSubscription, findSubscription } from "../resources/org-subscription";
import { findOrganization } from "../resources/organization";
import { findActivePlan, findPlan, listActivePlans, planPrice, toBillingPlan } from "../resources/plan";
import { changePlanNow, hasEnded, prorationCents, scheduleDowngrade } from "../resources/subscription-lifecycle";
import { findUserById } from "../resources/user";
import { defineHandler } from "./define";
import { ok } from "./helpers";

/** Server-side billing: secret key, no JWT; the backend names users, organizations and subscriptions. */

const availablePlans = defineHandler("billing.list-available-plans", async (ctx) =>
  ok({ success: true, plans: (await listActivePlans(ctx.sql, ctx.tenant.id)).map(toBillingPlan) }),
);

/** The user is taken on trust (the backend asserts it): it must exist, membership is not checked. */
const createCheckoutSession = defineHandler("billing.create-checkout-session", async (ctx) => {
  const { body, sql, tenant } = ctx;
  const plan = await requirePayablePlan(ctx, body.plan_id);
  if (!(await findOrganization(sql, tenant.id, body.organization_id))) return ctx.fail(404, "Organization not found");
  if (!(await findUserById(sql, tenant.id, body.user_id))) return ctx.fail(404, "User not found");
  const session = await startCheckout(
    sql,
    tenant.id,
    ctx.origin,
    {
      userId: body.user_id,
      organizationId: body.organization_id,
      plan,
      successUrl: body.success_url,
      cancelUrl: body.cancel_url,
    },
    ctx.now(),
  );
  return ok({ ...session, plan_name: plan.name, message: null });
});

/**
 * A dearer plan (for the subscription's billing cycle) is an upgrade: it applies now and the price
 * difference for the rest of the period is invoiced (paid). A cheaper one is a downgrade: the
 * current plan runs to the period end (cancel_at_period_end), the new one is pending_plan_id.
 */
const changePlan = defineHandler("billing.change-plan", async (ctx) => {
  const { body, sql, tenant } = ctx;
  const now = ctx.now();
  const sub = await findSubscription(sql, tenant.id, body.subscription_id);
  if (!sub) return ctx.fail(404);
  const target = await findActivePlan(sql, tenant.id, body.new_plan_id);
  if (!target) return ctx.fail(404, "Plan not found");
  if (sub.plan_id === target.id) return ctx.fail(400);
  if (hasEnded(sub, now) || sub.status === "cancelled") return ctx.fail(400, "Subscription is already cancelled");
  const current = (await findPlan(sql, tenant.id, sub.plan_id))!;
  const downgrade = planPrice(target, sub.billing_cycle) < planPrice(current, sub.billing_cycle);
  const row = await sql.tx(async () => {
    if (downgrade) return scheduleDowngrade(sql, tenant.id, sub.id, target.id, now);
    const cents = prorationCents(sub, current, target, now);
    if (cents > 0) {
      await insertPaidInvoice(
        sql,
        tenant.id,
        {
          organizationId: sub.organization_id,
          subscriptionId: sub.id,
          amountCents: cents,
          currency: target.currency,
          periodStart: now,
          periodEnd: new Date(sub.current_period_end),
        },
        now,
      );
    }
    return changePlanNow(sql, tenant.id, sub.id, target.id, now);
  });
  const upgrade = planPrice(target, sub.billing_cycle) > planPrice(current, sub.billing_cycle);
  return ok({
    success: true,
    message: downgrade
      ? `Downgrade to ${target.name} scheduled for the end of the current billing period`
      : upgrade
        ? `Plan upgraded to ${target.name}`
        : `Plan changed to ${target.name}`,
    plan_name: target.name,
    subscription_id: row.id,
    stripe_subscription_id: row.stripe_subscription_id,
    status: row.status,
    cancel_at_period_end: row.cancel_at_period_end === 1,
  });
});

const cancel = defineHandler("billing.cancel-subscription", async (ctx) => {
  const { query, sql, tenant } = ctx;
  const sub = await findSubscription(sql, tenant.id, query.subscription_id);
  if (!sub) return ctx.fail(404);
  if (sub.status === "cancelled" || hasEnded(sub, ctx.now())) return ctx.fail(400);
  await cancelSubscription(sql, tenant.id, sub.id, query.cancel_at_period_end, ctx.now());
  return ok({
    success: true,
    message: query.cancel_at_period_end
      ? "Subscription will be cancelled at the end of the current billing period"
      : "Subscription cancelled",
    cancel_at_period_end: query.cancel_at_period_end,
  });
});

const billingHistory = defineHandler("billing.billing-history", async (ctx) => {
  const orgId = ctx.params.organization_id;
  if (!(await findOrganization(ctx.sql, ctx.tenant.id, orgId))) return ctx.fail(404);
  const invoices = (await listOrganizationInvoices(ctx.sql, ctx.tenant.id, orgId, ctx.query.limit)).map(toInvoice);
  return ok({ success: true, organization_id: orgId, invoices, total_invoices: invoices.length });
});

/** Handlers of the /v1/billing endpoints. */
export const billingHandlers = [availablePlans, createCheckoutSession, changePlan, cancel, billingHistory];
