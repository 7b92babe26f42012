import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as complete } from "@/app/sandbox/checkout/[session]/complete/route";
import type { BillingCheckoutSession, CheckoutSession } from "@/lib/catalog/schemas/billing";
import type { Subscription } from "@/lib/catalog/schemas/subscription";
import { CHECKOUT_NOT_FOUND, readCheckout, successRedirect } from "./checkout-page";
import { insertOrgSubscription } from "@/lib/sandbox/resources/org-subscription";
import { insertOrganization } from "@/lib/sandbox/resources/organization";
import { getStore } from "@/lib/sandbox/store";
import type { TenantRow } from "@/lib/sandbox/tenants";
import { expectMatchesCatalog } from "@/lib/sandbox/testing/catalog";
import { sandboxClient, type SandboxClient } from "@/lib/sandbox/testing/client";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { newTenant, newUser } from "@/lib/sandbox/testing/fixtures";

setupTempDatabase();

interface World {
  tenant: TenantRow;
  client: SandboxClient;
  userId: string;
  email: string;
  orgId: string;
  orgName: string;
  plans: { free: string; pro: string; business: string };
}

let worlds = 0;
async function setUp(): Promise<World> {
  worlds += 1;
  const tenant = await newTenant();
  const email = `payer${worlds}@example.com`;
  const { user } = await newUser(tenant, { email });
  const org = await insertOrganization(
    await getStore(),
    tenant.id,
    user.id,
    { name: `Acme ${worlds}`, slug: `acme-${worlds}` },
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
    email,
    orgId: org.id,
    orgName: org.name,
    plans: { free: ids[0]!, pro: ids[1]!, business: ids[2]! },
  };
}

async function openCheckout(
  w: World,
  planId = w.plans.pro,
  successUrl = "https://app.example.com/billing/success?from=checkout",
): Promise<string> {
  const res = await w.client.call("POST", "/v1/billing/create-checkout-session", {
    key: "secret",
    body: {
      user_id: w.userId,
      organization_id: w.orgId,
      plan_id: planId,
      success_url: successUrl,
      cancel_url: "https://app.example.com/billing/cancel",
    },
  });
  return (await expectMatchesCatalog<BillingCheckoutSession>("billing.create-checkout-session", res)).session_id;
}

/** The checkout form's POST, as the browser sends it, to the route export. */
function submit(sessionId: string, action?: string): Promise<Response> {
  const form = new FormData();
  if (action) form.set("action", action);
  const req = new Request(`http://sandbox.test/sandbox/checkout/${sessionId}/complete`, { method: "POST", body: form });
  return complete(req, { params: Promise.resolve({ session: sessionId }) });
}

const orgSubscriptions = async (w: World) =>
  (await getStore()).all<Record<string, unknown>>(
    `SELECT * FROM subscriptions WHERE tenant_id = ? AND organization_id = ?`,
    [w.tenant.id, w.orgId],
  );
const orgInvoices = async (w: World) =>
  (await getStore()).all<Record<string, unknown>>(
    `SELECT * FROM invoices WHERE tenant_id = ? AND organization_id = ?`,
    [w.tenant.id, w.orgId],
  );
const sessionRow = async (id: string) =>
  (await getStore()).get<Record<string, unknown>>(`SELECT * FROM checkout_sessions WHERE id = ?`, [id]);

async function expectNotFound(res: Response) {
  expect(res.status).toBe(404);
  expect(res.headers.get("content-type")).toContain("text/html");
  expect(await res.text()).toContain(CHECKOUT_NOT_FOUND);
}

describe("the checkout page's data", () => {
  it("shows plan, price, organization and customer of an open session; null for an unknown one", async () => {
    const w = await setUp();
    const id = await openCheckout(w);
    expect(await readCheckout(id)).toEqual({
      sessionId: id,
      tenantName: w.tenant.name,
      planName: "Pro Plan",
      planDescription: "For growing teams",
      price: "$29.99",
      billingCycle: "monthly",
      organizationName: w.orgName,
      customerEmail: w.email,
      features: ["API Access", "Priority Support", "Advanced Analytics"],
    });
    expect(await readCheckout("cs_sandbox_unknown")).toBeNull();
  });
});

describe("POST /sandbox/checkout/{session}/complete", () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp();
    // The developer's app is on an allowed host (ALLOWED_HOSTS), so the sandbox may redirect to it by itself.
    vi.stubEnv("ALLOWED_HOSTS", "sandbox.test, app.example.com");
  });
  afterAll(() => vi.unstubAllEnvs());

  it("Pay: activates the organization's subscription for a month, records a paid invoice, 303 to success_url with the session id", async () => {
    const id = await openCheckout(w);
    const before = Date.now();
    const res = await submit(id, "pay");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`https://app.example.com/billing/success?from=checkout&session_id=${id}`);

    const [sub] = await orgSubscriptions(w);
    expect(await orgSubscriptions(w)).toHaveLength(1);
    expect(sub).toMatchObject({
      plan_id: w.plans.pro,
      status: "active",
      billing_cycle: "monthly",
      cancel_at_period_end: 0,
      user_id: w.userId,
    });
    const start = new Date(sub!.current_period_start as string);
    const end = new Date(sub!.current_period_end as string);
    expect(start.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((end.getUTCMonth() - start.getUTCMonth() + 12) % 12).toBe(1);
    expect(sub!.stripe_subscription_id).toMatch(/^sub_sandbox_/);
    expect(await orgInvoices(w)).toEqual([
      expect.objectContaining({
        status: "paid",
        amount_due: 2999,
        amount_paid: 2999,
        currency: "usd",
        subscription_id: sub!.id,
        period_start: Math.floor(start.getTime() / 1000),
      }),
    ]);
    expect(await sessionRow(id)).toMatchObject({ status: "complete", subscription_id: sub!.id });

    // The API sees it: the organization's invoices and subscription.
    const invoices = await w.client.call("GET", `/v1/billing/billing-history-org/${w.orgId}`, { key: "secret" });
    expect(((await invoices.json()) as { total_invoices: number }).total_invoices).toBe(1);
    const cancelled = await w.client.call("DELETE", `/v1/subscriptions/organizations/${w.orgId}/subscription`, {
      key: "secret",
      query: { user_id: w.userId },
    });
    expect(
      (await expectMatchesCatalog<Subscription>("subscriptions.cancel-organization-subscription", cancelled)).id,
    ).toBe(sub!.id);
  });

  it("a used session: 404 page, nothing paid twice", async () => {
    const id = await openCheckout(w, w.plans.business);
    expect((await submit(id, "pay")).status).toBe(303);
    const invoices = (await orgInvoices(w)).length;
    await expectNotFound(await submit(id, "pay"));
    await expectNotFound(await submit(id, "cancel"));
    expect(await readCheckout(id)).toBeNull();
    expect(await orgInvoices(w)).toHaveLength(invoices);
  });

  it("Pay on an organization already subscribed moves that subscription to the plan (a pending cancellation is dropped)", async () => {
    const v = await setUp();
    const existing = await insertOrgSubscription(
      await getStore(),
      v.tenant.id,
      { organizationId: v.orgId, userId: v.userId, planId: v.plans.free },
      new Date(),
    );
    await (await getStore()).run(`UPDATE subscriptions SET cancel_at_period_end = 1 WHERE id = ?`, [existing.id]);
    const id = await openCheckout(v, v.plans.business, "https://app.example.com/done/{CHECKOUT_SESSION_ID}");
    const res = await submit(id, "pay");
    expect(res.headers.get("location")).toBe(`https://app.example.com/done/${id}`);
    expect(await orgSubscriptions(v)).toEqual([
      expect.objectContaining({
        id: existing.id,
        plan_id: v.plans.business,
        status: "active",
        cancel_at_period_end: 0,
      }),
    ]);
    expect(await orgInvoices(v)).toEqual([expect.objectContaining({ amount_paid: 9999 })]);
  });

  it("Cancel: 303 to cancel_url, nothing changes, the session is used up", async () => {
    const v = await setUp();
    const id = await openCheckout(v);
    const res = await submit(id, "cancel");
    expect([res.status, res.headers.get("location")]).toEqual([303, "https://app.example.com/billing/cancel"]);
    expect(await orgSubscriptions(v)).toEqual([]);
    expect(await sessionRow(id)).toMatchObject({ status: "cancelled" });
    await expectNotFound(await submit(id, "pay"));
  });

  it("unknown and expired sessions: 404; no action: back to the page", async () => {
    await expectNotFound(await submit("cs_sandbox_0000", "pay"));
    const v = await setUp();
    const id = await openCheckout(v);
    const back = await submit(id);
    // Relative: req.url's host is Next's own (localhost) behind a proxy; the browser stays on the host it is on.
    expect([back.status, back.headers.get("location")]).toEqual([303, `/sandbox/checkout/${id}`]);
    await (
      await getStore()
    ).run(`UPDATE checkout_sessions SET created_at = ? WHERE id = ?`, [
      new Date(Date.now() - 25 * 3600_000).toISOString(),
      id,
    ]);
    expect(await readCheckout(id)).toBeNull();
    await expectNotFound(await submit(id, "pay"));
    expect(await orgSubscriptions(v)).toEqual([]);
  });

  it("a personal checkout (user without organization) sets the user's plan", async () => {
    const v = await setUp();
    const { user, tokens } = await newUser(v.tenant);
    const res = await v.client.call("POST", "/v1/subscriptions/checkout", {
      token: tokens.access_token,
      body: {
        plan_id: v.plans.pro,
        success_url: "https://app.example.com/ok",
        cancel_url: "https://app.example.com/no",
      },
    });
    const { session_id } = await expectMatchesCatalog<CheckoutSession>("subscriptions.create-checkout", res);
    expect(await readCheckout(session_id)).toMatchObject({ organizationName: null, planName: "Pro Plan" });
    expect((await submit(session_id, "pay")).status).toBe(303);
    expect(await (await getStore()).get(`SELECT current_plan_id FROM users WHERE id = ?`, [user.id])).toEqual({
      current_plan_id: v.plans.pro,
    });
  });
});

describe("return URLs off the allowed hosts (the catalog's https://myapp.com/... examples)", () => {
  it("Pay and Cancel answer a page of the portal that links to the URL, never a redirect there", async () => {
    const w = await setUp();
    const res = await w.client.call("POST", "/v1/billing/create-checkout-session", {
      key: "secret",
      body: {
        user_id: w.userId,
        organization_id: w.orgId,
        plan_id: w.plans.pro,
        success_url: "https://myapp.com/billing/success",
        cancel_url: "https://evil.example/x",
      },
    });
    const { session_id: paid } = await expectMatchesCatalog<BillingCheckoutSession>(
      "billing.create-checkout-session",
      res,
    );
    const page = await submit(paid, "pay");
    expect([page.status, page.headers.get("location")]).toEqual([200, null]);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("Payment done");
    expect(html).toContain(
      `<a href="https://myapp.com/billing/success?session_id=${paid}" rel="noreferrer">Continue to myapp.com</a>`,
    );
    expect(await orgSubscriptions(w)).toEqual([expect.objectContaining({ plan_id: w.plans.pro, status: "active" })]);

    const again = await w.client.call("POST", "/v1/billing/create-checkout-session", {
      key: "secret",
      body: {
        user_id: w.userId,
        organization_id: w.orgId,
        plan_id: w.plans.business,
        success_url: "https://myapp.com/ok",
        cancel_url: "https://evil.example/x",
      },
    });
    const { session_id: cancelled } = await expectMatchesCatalog<BillingCheckoutSession>(
      "billing.create-checkout-session",
      again,
    );
    const cancel = await submit(cancelled, "cancel");
    expect([cancel.status, cancel.headers.get("location")]).toEqual([200, null]);
    expect(await cancel.text()).toContain(
      '<a href="https://evil.example/x" rel="noreferrer">Continue to evil.example</a>',
    );
  });
});

describe("successRedirect", () => {
  it("fills Stripe's placeholder or appends session_id", () => {
    expect(successRedirect("https://a.test/x?y=1", "cs_1")).toBe("https://a.test/x?y=1&session_id=cs_1");
    expect(successRedirect("https://a.test/s/{CHECKOUT_SESSION_ID}", "cs_1")).toBe("https://a.test/s/cs_1");
  });
});
