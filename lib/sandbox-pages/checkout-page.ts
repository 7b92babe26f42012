import "server-only";
import { readCappedForm } from "@/lib/http/read-capped";
import { parseJson, type Sql } from "@/lib/sandbox/db/sql";
import { FORM_BODY_LIMIT } from "@/lib/sandbox/config";
import { errorResponse } from "@/lib/sandbox/errors";
import { sendBrowserTo } from "@/lib/sandbox/leave-portal";
import {
  closeCheckoutSession,
  findCheckoutSession,
  isPayable,
  type CheckoutSessionRow,
} from "@/lib/sandbox/resources/checkout-session";
import { insertPaidInvoice } from "@/lib/sandbox/resources/invoice";
import { findOrganization } from "@/lib/sandbox/resources/organization";
import type { BillingCycle } from "@/lib/sandbox/resources/org-subscription";
import { findPlan, formatPrice, planPrice, toCents, type PlanRow } from "@/lib/sandbox/resources/plan";
import { assignUserPlan } from "@/lib/sandbox/resources/plan-usage";
import { activatePaidSubscription } from "@/lib/sandbox/resources/subscription-lifecycle";
import { findUserById } from "@/lib/sandbox/resources/user";
import { getStore } from "@/lib/sandbox/store";
import { getTenant, isExpired, type TenantRow } from "@/lib/sandbox/tenants";

/**
 * The sandbox's checkout page (app/sandbox/checkout/[session]): what it shows, and its Pay / Cancel buttons, which post
 * to app/sandbox/checkout/[session]/complete to activate the subscription and return the browser to success_url or
 * cancel_url. The API side (starting a session) is lib/sandbox/checkout.ts.
 */

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
  const tenant = session && (await getTenant(sql, session.tenant_id));
  const plan = session && (await findPlan(sql, session.tenant_id, session.plan_id));
  if (!session || !tenant || isExpired(tenant, now) || !plan || !isPayable(session, now)) return null;
  return { session, plan, tenant };
}

/** The page's data, or null for an unknown, expired or already used session (the page answers 404). */
export async function readCheckout(sessionId: string, now = new Date()): Promise<CheckoutView | null> {
  const sql = await getStore();
  const found = await findPayable(sql, sessionId, now);
  if (!found) return null;
  const { session, plan, tenant } = found;
  const org = session.organization_id
    ? await findOrganization(sql, session.tenant_id, session.organization_id)
    : undefined;
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
  if (successUrl.includes("{CHECKOUT_SESSION_ID}"))
    return successUrl.replaceAll("{CHECKOUT_SESSION_ID}", encodeURIComponent(sessionId));
  const url = new URL(successUrl);
  url.searchParams.set("session_id", sessionId);
  return url.toString();
}

/**
 * Pay: the organization's subscription becomes active on the plan for a new period, with a paid
 * invoice (a personal checkout sets the user's plan instead). Cancel: the session closes unpaid.
 * Returns where to send the browser, or null when the session cannot be paid (any more).
 */
export async function completeCheckout(
  sql: Sql,
  sessionId: string,
  action: "pay" | "cancel",
  now: Date,
): Promise<string | null> {
  return await sql.tx(async () => {
    const found = await findPayable(sql, sessionId, now);
    if (!found) return null;
    const { session, plan } = found;
    if (action === "cancel")
      return (await closeCheckoutSession(sql, session, "cancelled", null, now)) ? session.cancel_url : null;
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
    if (!(await closeCheckoutSession(sql, session, "complete", subscriptionId, now))) return null;
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

/** POST of the checkout form (action=pay|cancel) → 303 to success_url / cancel_url (see lib/sandbox/leave-portal.ts), or 404 when the session is not payable. */
export async function checkoutCompleteResponse(req: Request, sessionId: string, now = new Date()): Promise<Response> {
  const form = await readCappedForm(req, FORM_BODY_LIMIT).catch(() => new FormData());
  if (form === null) return errorResponse(413, `Form larger than ${FORM_BODY_LIMIT} bytes`);
  const action = form.get("action");
  if (action !== "pay" && action !== "cancel") {
    // Relative, like the consent page's redirect: req.url's host is Next's own (localhost) behind a proxy.
    return new Response(null, {
      status: 303,
      headers: { Location: `/sandbox/checkout/${encodeURIComponent(sessionId)}` },
    });
  }
  const target = await completeCheckout(await getStore(), sessionId, action, now);
  if (!target)
    return new Response(NOT_FOUND_HTML, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
  // success_url / cancel_url are the app's: off the portal's allowed hosts, a page with the link rather than a redirect.
  return sendBrowserTo(target, {
    status: 303,
    purpose:
      action === "pay" ? "Payment done: the subscription is active." : "Checkout cancelled: nothing was charged.",
  });
}
