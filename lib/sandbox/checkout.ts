import "server-only";
import { readCappedForm } from "@/lib/http/read-capped";
import { parseJson, type Sql } from "./db/sql";
import { FORM_BODY_LIMIT } from "./config";
import { ApiError, errorResponse } from "./errors";
import { sendBrowserTo } from "./leave-portal";
import {
  checkoutUrl,
  closeCheckoutSession,
  findCheckoutSession,
  insertCheckoutSession,
  isPayable,
  type CheckoutSessionRow,
} from "./resources/checkout-session";
import { insertPaidInvoice } from "./resources/invoice";
import { findOrganization } from "./resources/organization";
import type { BillingCycle } from "./resources/org-subscription";
import { findActivePlan, findPlan, formatPrice, planPrice, stripePriceId, toCents, type PlanRow } from "./resources/plan";
import { assignUserPlan } from "./resources/plan-usage";
import { activatePaidSubscription } from "./resources/subscription-lifecycle";
import { findUserById } from "./resources/user";
import { getStore } from "./store";
import { getTenant, isExpired, type TenantRow } from "./tenants";

/**
 * The sandbox's Stripe Checkout: the API starts a session (checkout_sessions row), the page
 * app/sandbox/checkout/[session] shows it, and its Pay / Cancel buttons post to
 * app/sandbox/checkout/[session]/complete, which activates the subscription and returns the
 * browser to success_url or cancel_url. Checkouts are always monthly: neither API takes a cycle.
 */

const CYCLE: BillingCycle = "monthly";

/** A plan that can be bought: active (404 "Plan not found"), with a price and a Stripe price (400). */
export async function requirePayablePlan(sql: Sql, tenantId: string, planId: string): Promise<PlanRow> {
  const plan = await findActivePlan(sql, tenantId, planId);
  if (!plan) throw new ApiError(404, "Plan not found");
  if (plan.is_free === 1 || planPrice(plan, CYCLE) <= 0 || !stripePriceId(plan, CYCLE)) throw new ApiError(400, "Plan has no Stripe price configured");
  return plan;
}

/** Return URLs must be http(s), as pydantic's HttpUrl has them: the page redirects the browser there. */
function requireHttpUrl(field: string, url: string): void {
  if (!/^https?:$/.test(new URL(url).protocol)) {
    throw new ApiError(422, [{ loc: ["body", field], msg: "URL scheme should be 'http' or 'https'", type: "url_scheme" }]);
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
    { userId: c.userId, organizationId: c.organizationId, planId: c.plan.id, billingCycle: CYCLE, successUrl: c.successUrl, cancelUrl: c.cancelUrl },
    now,
  );
  return {
    checkout_url: checkoutUrl(origin, row.id),
    session_id: row.id,
    price: formatPrice(toCents(planPrice(c.plan, CYCLE)), c.plan.currency),
  };
}

// ---- the page ----

/** What the checkout page shows. */
export interface CheckoutView {
  sessionId: string;
  tenantName: string;
  planName: string;
  planDescription: string | null;
  price: string;
  billingCycle: BillingCycle;
  /** null: a personal checkout (the user has no organization): paying sets the user's plan. */
  organizationName: string | null;
  customerEmail: string | null;
  features: string[];
}

interface Payable {
  session: CheckoutSessionRow;
  plan: PlanRow;
  tenant: TenantRow;
}

/** The session if it can still be paid: known, open, younger than 24 hours, of a live tenant. */
async function findPayable(sql: Sql, sessionId: string, now: Date): Promise<Payable | null> {
  const session = await findCheckoutSession(sql, sessionId);
  const tenant = session && await getTenant(sql, session.tenant_id);
  const plan = session && await findPlan(sql, session.tenant_id, session.plan_id);
  if (!session || !tenant || isExpired(tenant, now) || !plan || !isPayable(session, now)) return null;
  return { session, plan, tenant };
}

/** The page's data, or null for an unknown, expired or already used session (the page answers 404). */
export async function readCheckout(sessionId: string, now = new Date()): Promise<CheckoutView | null> {
  const sql = await getStore();
  const found = await findPayable(sql, sessionId, now);
  if (!found) return null;
  const { session, plan, tenant } = found;
  const org = session.organization_id ? await findOrganization(sql, session.tenant_id, session.organization_id) : undefined;
  const user = session.user_id ? await findUserById(sql, session.tenant_id, session.user_id) : undefined;
  return {
    sessionId: session.id,
    tenantName: tenant.name,
    planName: plan.name,
    planDescription: plan.description,
    price: formatPrice(toCents(planPrice(plan, session.billing_cycle)), plan.currency),
    billingCycle: session.billing_cycle,
    organizationName: org?.name ?? null,
    customerEmail: user?.email ?? null,
    features: parseJson<string[]>(plan.features, []),
  };
}

/** success_url with the session id: Stripe's {CHECKOUT_SESSION_ID} placeholder filled in, else ?session_id= appended. */
export function successRedirect(successUrl: string, sessionId: string): string {
  if (successUrl.includes("{CHECKOUT_SESSION_ID}")) return successUrl.replaceAll("{CHECKOUT_SESSION_ID}", encodeURIComponent(sessionId));
  const url = new URL(successUrl);
  url.searchParams.set("session_id", sessionId);
  return url.toString();
}

/**
 * Pay: the organization's subscription becomes active on the plan for a new period, with a paid
 * invoice (a personal checkout sets the user's plan instead). Cancel: the session closes unpaid.
 * Returns where to send the browser, or null when the session cannot be paid (any more).
 */
export async function completeCheckout(sql: Sql, sessionId: string, action: "pay" | "cancel", now: Date): Promise<string | null> {
  return await sql.tx(async () => {
    const found = await findPayable(sql, sessionId, now);
    if (!found) return null;
    const { session, plan } = found;
    if (action === "cancel") return await closeCheckoutSession(sql, session, "cancelled", null, now) ? session.cancel_url : null;
    let subscriptionId: string | null = null;
    if (session.organization_id) {
      const sub = await activatePaidSubscription(
        sql,
        session.tenant_id,
        { organizationId: session.organization_id, userId: session.user_id, plan, billingCycle: session.billing_cycle },
        now,
      );
      await insertPaidInvoice(
        sql,
        session.tenant_id,
        {
          organizationId: session.organization_id,
          subscriptionId: sub.id,
          amountCents: toCents(planPrice(plan, session.billing_cycle)),
          currency: plan.currency,
          periodStart: new Date(sub.current_period_start),
          periodEnd: new Date(sub.current_period_end),
        },
        now,
      );
      subscriptionId = sub.id;
    } else if (session.user_id) {
      await assignUserPlan(sql, session.tenant_id, session.user_id, plan.id, now);
    }
    if (!await closeCheckoutSession(sql, session, "complete", subscriptionId, now)) return null;
    return successRedirect(session.success_url, session.id);
  });
}

/** The message of the 404 page (shared by the page and the form's route). */
export const CHECKOUT_NOT_FOUND =
  "This checkout session does not exist, has expired (sessions last 24 hours) or has already been paid or cancelled.";

const NOT_FOUND_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Checkout not found</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
<h1>Checkout not found</h1>
<p>${CHECKOUT_NOT_FOUND}</p>
<p>Start a new checkout from your app.</p>
</body></html>`;

/** POST of the checkout form (action=pay|cancel) → 303 to success_url / cancel_url (see leave-portal.ts), or 404 when the session is not payable. */
export async function checkoutCompleteResponse(req: Request, sessionId: string, now = new Date()): Promise<Response> {
  const form = await readCappedForm(req, FORM_BODY_LIMIT).catch(() => new FormData());
  if (form === null) return errorResponse(413, `Form larger than ${FORM_BODY_LIMIT} bytes`);
  const action = form.get("action");
  if (action !== "pay" && action !== "cancel") {
    // Relative, like the consent page's redirect: req.url's host is Next's own (localhost) behind a proxy.
    return new Response(null, { status: 303, headers: { Location: `/sandbox/checkout/${encodeURIComponent(sessionId)}` } });
  }
  const target = await completeCheckout(await getStore(), sessionId, action, now);
  if (!target) return new Response(NOT_FOUND_HTML, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
  // success_url / cancel_url are the app's: off the portal's allowed hosts, a page with the link rather than a redirect.
  return sendBrowserTo(target, { status: 303, purpose: action === "pay" ? "Payment done: the subscription is active." : "Checkout cancelled: nothing was charged." });
}
