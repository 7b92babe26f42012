import "server-only";
import type { Sql } from "./db/sql";
import { ApiError } from "./errors";
import type { Raises, TenantContext } from "./handlers/types";
import { checkoutUrl, insertCheckoutSession } from "./resources/checkout-session";
import type { BillingCycle } from "./resources/org-subscription";
import { findActivePlan, formatPrice, planPrice, stripePriceId, toCents, type PlanRow } from "./resources/plan";

/**
 * The sandbox's Stripe Checkout, API side: the billing and subscription endpoints start a session (checkout_sessions
 * row) whose checkout_url is the sandbox's checkout page (lib/sandbox-pages/checkout-page.ts), where it is paid or
 * cancelled. Checkouts are always monthly: neither API takes a cycle.
 */

const CYCLE: BillingCycle = "monthly";

/** A plan that can be bought: active, with a price and a Stripe price; only endpoints documenting both errors call it. */
export async function requirePayablePlan(
  ctx: TenantContext & Raises<404, "Plan not found"> & Raises<400, "Plan has no Stripe price configured">,
  planId: string,
): Promise<PlanRow> {
  const plan = await findActivePlan(ctx.sql, ctx.tenant.id, planId);
  if (!plan) return ctx.fail(404, "Plan not found");
  if (plan.is_free === 1 || planPrice(plan, CYCLE) <= 0 || !stripePriceId(plan, CYCLE))
    return ctx.fail(400, "Plan has no Stripe price configured");
  return plan;
}

/** Return URLs must be http(s), as pydantic's HttpUrl has them: the page redirects the browser there. */
function requireHttpUrl(field: string, url: string): void {
  if (!/^https?:$/.test(new URL(url).protocol)) {
    throw new ApiError(422, [
      { loc: ["body", field], msg: "URL scheme should be 'http' or 'https'", type: "url_scheme" },
    ]);
  }
}

export interface CheckoutStart {
  userId: string | null;
  organizationId: string | null;
  plan: PlanRow;
  successUrl: string;
  cancelUrl: string;
}

/** Opens a checkout session; its checkout_url is the sandbox's checkout page on the portal at `origin`. */
export async function startCheckout(sql: Sql, tenantId: string, origin: string, c: CheckoutStart, now: Date) {
  requireHttpUrl("success_url", c.successUrl);
  requireHttpUrl("cancel_url", c.cancelUrl);
  const row = await insertCheckoutSession(
    sql,
    tenantId,
    {
      userId: c.userId,
      organizationId: c.organizationId,
      planId: c.plan.id,
      billingCycle: CYCLE,
      successUrl: c.successUrl,
      cancelUrl: c.cancelUrl,
    },
    now,
  );
  return {
    checkout_url: checkoutUrl(origin, row.id),
    session_id: row.id,
    price: formatPrice(toCents(planPrice(c.plan, CYCLE)), c.plan.currency),
  };
}
