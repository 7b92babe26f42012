import { beforeAll, describe, expect, it } from "vitest";
import type {
  AvailablePlans,
  BillingCheckoutSession,
  BillingHistory,
  CancelResult,
  ChangePlanResult,
} from "@/lib/catalog/schemas/billing";
import { insertPaidInvoice } from "../resources/invoice";
import { insertOrgSubscription, type SubscriptionRow } from "../resources/org-subscription";
import { insertOrganization } from "../resources/organization";
import { getStore } from "../store";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, TEST_ORIGIN, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

const expectError = (endpointId: string, res: Response, status: number, detail: string, anyDetail = false) =>
  expectCatalogError(endpointId, res, status, detail, { anyDetail });

interface World {
  tenant: TenantRow;
  client: SandboxClient;
  userId: string;
  orgId: string;
  plans: { free: string; pro: string; business: string };
}

let worlds = 0;
async function setUp(): Promise<World> {
  worlds += 1;
  const tenant = await newTenant();
  const { user } = await newUser(tenant);
  const org = await insertOrganization(
    await getStore(),
    tenant.id,
    user.id,
    { name: `Billing ${worlds}`, slug: `billing-${worlds}` },
    new Date(),
  );
  const ids = (
    await (
      await getStore()
    ).all<{ id: string }>(`SELECT id FROM plans WHERE tenant_id = ? ORDER BY sort_order`, [tenant.id])
  ).map((p) => p.id);
  return {
    tenant,
    client: sandboxClient(tenant),
    userId: user.id,
    orgId: org.id,
    plans: { free: ids[0]!, pro: ids[1]!, business: ids[2]! },
  };
}

const subscribe = async (w: World, planId: string): Promise<SubscriptionRow> =>
  insertOrgSubscription(
    await getStore(),
    w.tenant.id,
    { organizationId: w.orgId, userId: w.userId, planId },
    new Date(),
  );
const subscription = async (id: string) =>
  (await (await getStore()).get<SubscriptionRow>(`SELECT * FROM subscriptions WHERE id = ?`, [id]))!;
const invoices = async (w: World) =>
  (await getStore()).all<{ amount_paid: number; status: string }>(
    `SELECT * FROM invoices WHERE tenant_id = ? AND organization_id = ?`,
    [w.tenant.id, w.orgId],
  );

const MISSING = "0f0e8400-e29b-41d4-a716-4466554400ff";
const secret = { key: "secret" as const };

describe("GET /v1/billing/available-plans", () => {
  it("lists the active plans with the monthly price in cents", async () => {
    const w = await setUp();
    const res = await w.client.call("GET", "/v1/billing/available-plans", secret);
    const body = await expectMatchesCatalog<AvailablePlans>("billing.list-available-plans", res);
    expect(body.success).toBe(true);
    expect(body.plans.map((p) => [p.name, p.price_cents, p.price_display, p.is_free, p.stripe_price_id])).toEqual([
      ["Free", 0, "$0.00", true, null],
      ["Pro Plan", 2999, "$29.99", false, "price_sandbox_pro_monthly"],
      ["Business", 9999, "$99.99", false, "price_sandbox_business_monthly"],
    ]);
    await expectError(
      "billing.list-available-plans",
      await w.client.call("GET", "/v1/billing/available-plans"),
      403,
      "This endpoint requires a secret API key (sk_live_*)",
    );
  });
});

describe("POST /v1/billing/create-checkout-session", () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp();
  });
  const body = (extra: Record<string, unknown> = {}) => ({
    user_id: w.userId,
    organization_id: w.orgId,
    plan_id: w.plans.pro,
    success_url: "https://app.example.com/billing/success",
    cancel_url: "https://app.example.com/billing/cancel",
    ...extra,
  });
  const call = (extra?: Record<string, unknown>) =>
    w.client.call("POST", "/v1/billing/create-checkout-session", { ...secret, body: body(extra) });

  it("opens a checkout session on the sandbox checkout page", async () => {
    const session = await expectMatchesCatalog<BillingCheckoutSession>("billing.create-checkout-session", await call());
    expect(session).toMatchObject({ plan_name: "Pro Plan", price: "$29.99", message: null });
    expect(session.checkout_url).toBe(`${TEST_ORIGIN}/sandbox/checkout/${session.session_id}`);
    const row = await (
      await getStore()
    ).get(`SELECT tenant_id, user_id, organization_id, plan_id, status FROM checkout_sessions WHERE id = ?`, [
      session.session_id,
    ]);
    expect(row).toEqual({
      tenant_id: w.tenant.id,
      user_id: w.userId,
      organization_id: w.orgId,
      plan_id: w.plans.pro,
      status: "open",
    });
  });

  it("404 plan, organization or user; 400 for a free plan", async () => {
    const id = "billing.create-checkout-session";
    await expectError(id, await call({ plan_id: MISSING }), 404, "Plan not found");
    await expectError(id, await call({ organization_id: MISSING }), 404, "Organization not found");
    await expectError(id, await call({ user_id: MISSING }), 404, "User not found");
    await expectError(id, await call({ plan_id: w.plans.free }), 400, "Plan has no Stripe price configured");
    expect((await call({ cancel_url: "not a url" })).status).toBe(422);
  });
});

describe("POST /v1/billing/change-plan", () => {
  const id = "billing.change-plan";
  const change = (w: World, subscriptionId: string, planId: string) =>
    w.client.call("POST", "/v1/billing/change-plan", {
      ...secret,
      body: { subscription_id: subscriptionId, new_plan_id: planId },
    });

  it("upgrade: the plan changes now and the prorated difference is invoiced", async () => {
    const w = await setUp();
    const sub = await subscribe(w, w.plans.pro);
    const result = await expectMatchesCatalog<ChangePlanResult>(id, await change(w, sub.id, w.plans.business));
    expect(result).toEqual({
      success: true,
      message: "Plan upgraded to Business",
      plan_name: "Business",
      subscription_id: sub.id,
      stripe_subscription_id: null,
      status: "active",
      cancel_at_period_end: false,
    });
    expect(await subscription(sub.id)).toMatchObject({
      plan_id: w.plans.business,
      pending_plan_id: null,
      cancel_at_period_end: 0,
    });
    const [invoice] = await invoices(w);
    // (99.99 - 29.99) for (almost) the whole period.
    expect(invoice?.status).toBe("paid");
    expect(invoice!.amount_paid).toBeGreaterThan(6990);
    expect(invoice!.amount_paid).toBeLessThanOrEqual(7000);
  });

  it("downgrade: scheduled for period end (cancel_at_period_end, pending_plan_id), nothing invoiced", async () => {
    const w = await setUp();
    const sub = await subscribe(w, w.plans.business);
    const result = await expectMatchesCatalog<ChangePlanResult>(id, await change(w, sub.id, w.plans.free));
    expect(result).toMatchObject({
      message: "Downgrade to Free scheduled for the end of the current billing period",
      plan_name: "Free",
      status: "active",
      cancel_at_period_end: true,
    });
    expect(await subscription(sub.id)).toMatchObject({
      plan_id: w.plans.business,
      pending_plan_id: w.plans.free,
      cancel_at_period_end: 1,
    });
    expect(await invoices(w)).toEqual([]);
    // Another downgrade replaces the scheduled one.
    await expectMatchesCatalog<ChangePlanResult>(id, await change(w, sub.id, w.plans.pro));
    expect(await subscription(sub.id)).toMatchObject({
      plan_id: w.plans.business,
      pending_plan_id: w.plans.pro,
      cancel_at_period_end: 1,
    });
  });

  it("404 subscription or plan, 400 same plan or cancelled subscription", async () => {
    const w = await setUp();
    const sub = await subscribe(w, w.plans.pro);
    await expectError(id, await change(w, MISSING, w.plans.pro), 404, "Subscription not found");
    await expectError(id, await change(w, sub.id, MISSING), 404, "Plan not found");
    await expectError(id, await change(w, sub.id, w.plans.pro), 400, "Subscription is already on this plan");
    await (await getStore()).run(`UPDATE subscriptions SET status = 'cancelled' WHERE id = ?`, [sub.id]);
    await expectError(id, await change(w, sub.id, w.plans.business), 400, "Subscription is already cancelled", true);
  });
});

describe("POST /v1/billing/cancel-subscription", () => {
  it("at period end by default, now on request, then 400; 404 unknown", async () => {
    const id = "billing.cancel-subscription";
    const w = await setUp();
    const sub = await subscribe(w, w.plans.pro);
    const cancel = (query: Record<string, string>) =>
      w.client.call("POST", "/v1/billing/cancel-subscription", { ...secret, query });
    await expectError(id, await cancel({ subscription_id: MISSING }), 404, "Subscription not found");
    expect((await cancel({})).status).toBe(422);

    expect(await expectMatchesCatalog<CancelResult>(id, await cancel({ subscription_id: sub.id }))).toEqual({
      success: true,
      message: "Subscription will be cancelled at the end of the current billing period",
      cancel_at_period_end: true,
    });
    expect(await subscription(sub.id)).toMatchObject({ status: "active", cancel_at_period_end: 1 });
    expect(
      await expectMatchesCatalog<CancelResult>(
        id,
        await cancel({ subscription_id: sub.id, cancel_at_period_end: "false" }),
      ),
    ).toEqual({
      success: true,
      message: "Subscription cancelled",
      cancel_at_period_end: false,
    });
    expect(await subscription(sub.id)).toMatchObject({ status: "cancelled", cancel_at_period_end: 0 });
    await expectError(id, await cancel({ subscription_id: sub.id }), 400, "Subscription is already cancelled");
  });
});

describe("GET /v1/billing/billing-history-org/{organization_id}", () => {
  it("the newest invoices up to limit; 404 unknown organization", async () => {
    const id = "billing.billing-history";
    const w = await setUp();
    const path = `/v1/billing/billing-history-org/${w.orgId}`;
    expect(await expectMatchesCatalog<BillingHistory>(id, await w.client.call("GET", path, secret))).toEqual({
      success: true,
      organization_id: w.orgId,
      invoices: [],
      total_invoices: 0,
    });
    for (let i = 0; i < 3; i += 1) {
      const at = new Date(Date.UTC(2026, i, 1));
      await insertPaidInvoice(
        await getStore(),
        w.tenant.id,
        {
          organizationId: w.orgId,
          subscriptionId: null,
          amountCents: 1000 + i,
          currency: "usd",
          periodStart: at,
          periodEnd: at,
        },
        at,
      );
    }
    const two = await expectMatchesCatalog<BillingHistory>(
      id,
      await w.client.call("GET", path, { ...secret, query: { limit: "2" } }),
    );
    expect([two.total_invoices, two.invoices.map((i) => i.amount_due)]).toEqual([2, [1002, 1001]]);
    const all = await expectMatchesCatalog<BillingHistory>(id, await w.client.call("GET", path, secret));
    expect(all.total_invoices).toBe(3);
    expect((await w.client.call("GET", path, { ...secret, query: { limit: "101" } })).status).toBe(422);
    await expectError(
      id,
      await w.client.call("GET", `/v1/billing/billing-history-org/${MISSING}`, secret),
      404,
      "Organization not found",
    );
  });
});

describe("isolation between tenants", () => {
  it("one tenant's secret key reaches nothing of another's", async () => {
    const a = await setUp();
    const b = await setUp();
    const sub = await subscribe(a, a.plans.pro);
    await insertPaidInvoice(
      await getStore(),
      a.tenant.id,
      {
        organizationId: a.orgId,
        subscriptionId: sub.id,
        amountCents: 2999,
        currency: "usd",
        periodStart: new Date(),
        periodEnd: new Date(),
      },
      new Date(),
    );
    const call = (method: string, path: string, extra: Record<string, unknown> = {}) =>
      b.client.call(method, path, { ...secret, ...extra });
    await expectError(
      "billing.change-plan",
      await call("POST", "/v1/billing/change-plan", {
        body: { subscription_id: sub.id, new_plan_id: b.plans.business },
      }),
      404,
      "Subscription not found",
    );
    await expectError(
      "billing.change-plan",
      await call("POST", "/v1/billing/change-plan", {
        body: { subscription_id: sub.id, new_plan_id: a.plans.business },
      }),
      404,
      "Subscription not found",
    );
    await expectError(
      "billing.cancel-subscription",
      await call("POST", "/v1/billing/cancel-subscription", { query: { subscription_id: sub.id } }),
      404,
      "Subscription not found",
    );
    await expectError(
      "billing.billing-history",
      await call("GET", `/v1/billing/billing-history-org/${a.orgId}`),
      404,
      "Organization not found",
    );
    const checkout = {
      user_id: a.userId,
      organization_id: a.orgId,
      plan_id: a.plans.pro,
      success_url: "https://x.test/",
      cancel_url: "https://x.test/",
    };
    await expectError(
      "billing.create-checkout-session",
      await call("POST", "/v1/billing/create-checkout-session", { body: checkout }),
      404,
      "Plan not found",
    );
    await expectError(
      "billing.create-checkout-session",
      await call("POST", "/v1/billing/create-checkout-session", { body: { ...checkout, plan_id: b.plans.pro } }),
      404,
      "Organization not found",
    );
    const plans = await expectMatchesCatalog<AvailablePlans>(
      "billing.list-available-plans",
      await call("GET", "/v1/billing/available-plans"),
    );
    expect(plans.plans.map((p) => p.id)).toEqual(Object.values(b.plans));
    expect(await subscription(sub.id)).toMatchObject({
      plan_id: a.plans.pro,
      status: "active",
      cancel_at_period_end: 0,
    });
  });
});
