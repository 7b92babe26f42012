import { beforeAll, describe, expect, it } from "vitest";
import type { CheckoutSession } from "@/lib/catalog/schemas/billing";
import type { Invoice } from "@/lib/catalog/schemas/invoice";
import type { Plan } from "@/lib/catalog/schemas/plan";
import type { UserPlanAssignment, UserPlanLimits, UserPlanUsage } from "@/lib/catalog/schemas/plan-usage";
import type { Subscription } from "@/lib/catalog/schemas/subscription";
import type { OrgRole } from "@/lib/catalog";
import { insertPaidInvoice } from "../resources/invoice";
import { insertMembership } from "../resources/membership";
import { insertOrganization, setDefaultOrganization } from "../resources/organization";
import { addUsage } from "../resources/usage";
import { getStore } from "../store";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, TEST_ORIGIN, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

type Actor = { id: string; token: string };

const expectError = (endpointId: string, res: Response, status: number, detail: string, anyDetail = false) =>
  expectCatalogError(endpointId, res, status, detail, { anyDetail });

interface World {
  tenant: TenantRow;
  client: SandboxClient;
  owner: Actor;
  admin: Actor;
  member: Actor;
  outsider: Actor;
  orgId: string;
  plans: { free: string; pro: string; business: string };
}

async function actor(tenant: TenantRow): Promise<Actor> {
  const { user, tokens } = await newUser(tenant);
  return { id: user.id, token: tokens.access_token };
}

/** A tenant with an organization (owner, admin, member; the owner's default) and an outsider. */
async function setUp(slug: string): Promise<World> {
  const sql = await getStore();
  const now = new Date();
  const tenant = await newTenant();
  const [owner, admin, member, outsider] = [
    await actor(tenant),
    await actor(tenant),
    await actor(tenant),
    await actor(tenant),
  ];
  const org = await insertOrganization(sql, tenant.id, owner.id, { name: `Org ${slug}`, slug }, now);
  for (const [who, role] of [
    [admin, "admin"],
    [member, "member"],
  ] as Array<[Actor, OrgRole]>) {
    await insertMembership(sql, tenant.id, org.id, who.id, role, now);
  }
  for (const who of [owner, admin, member]) await setDefaultOrganization(sql, tenant.id, who.id, org.id, now);
  const ids = (
    await sql.all<{ id: string }>(`SELECT id FROM plans WHERE tenant_id = ? ORDER BY sort_order`, [tenant.id])
  ).map((p) => p.id);
  return {
    tenant,
    client: sandboxClient(tenant),
    owner,
    admin,
    member,
    outsider,
    orgId: org.id,
    plans: { free: ids[0]!, pro: ids[1]!, business: ids[2]! },
  };
}

async function subscribe(w: World, planId = w.plans.pro, by: Actor = w.owner): Promise<Subscription> {
  const res = await w.client.call("POST", "/v1/subscriptions/subscriptions", {
    token: by.token,
    body: { plan_id: planId, organization_id: w.orgId },
  });
  expect(res.status).toBe(201);
  return expectMatchesCatalog<Subscription>("subscriptions.create-subscription", res);
}

const MISSING = "0f0e8400-e29b-41d4-a716-4466554400ff";

describe("plans", () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp("plans");
  });

  it("GET /v1/subscriptions/plans lists the active plans; /plans/{id} one of them", async () => {
    const list = await expectMatchesCatalog<Plan[]>(
      "subscriptions.list-plans",
      await w.client.call("GET", "/v1/subscriptions/plans", { token: w.member.token }),
    );
    expect(list.map((p) => p.name)).toEqual(["Free", "Pro Plan", "Business"]);
    const one = await expectMatchesCatalog<Plan>(
      "subscriptions.get-plan",
      await w.client.call("GET", `/v1/subscriptions/plans/${w.plans.pro}`, { token: w.member.token }),
    );
    expect(one).toMatchObject({
      id: w.plans.pro,
      name: "Pro Plan",
      stripe_price_id_monthly: "price_sandbox_pro_monthly",
    });
    await expectError(
      "subscriptions.get-plan",
      await w.client.call("GET", `/v1/subscriptions/plans/${MISSING}`, { token: w.member.token }),
      404,
      "Plan not found",
    );
  });
});

describe("create, current, get, update, cancel", () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp("lifecycle");
  });

  it("current is 404 until the default organization subscribes", async () => {
    await expectError(
      "subscriptions.get-current-subscription",
      await w.client.call("GET", "/v1/subscriptions/current", { token: w.owner.token }),
      404,
      "No active subscription found",
    );
  });

  it("create: 404 plan / organization, 403 outsider and plain member, 201, then 409", async () => {
    const call = (by: Actor, body: Record<string, unknown>) =>
      w.client.call("POST", "/v1/subscriptions/subscriptions", { token: by.token, body });
    const id = "subscriptions.create-subscription";
    await expectError(id, await call(w.owner, { plan_id: MISSING, organization_id: w.orgId }), 404, "Plan not found");
    await expectError(
      id,
      await call(w.owner, { plan_id: w.plans.pro, organization_id: MISSING }),
      404,
      "Organization not found",
    );
    await expectError(
      id,
      await call(w.outsider, { plan_id: w.plans.pro, organization_id: w.orgId }),
      403,
      "Not a member of this organization",
    );
    await expectError(
      id,
      await call(w.member, { plan_id: w.plans.pro, organization_id: w.orgId }),
      403,
      "Insufficient permissions",
      true,
    );
    const bad = await call(w.owner, { plan_id: w.plans.pro, organization_id: w.orgId, billing_cycle: "weekly" });
    expect(bad.status).toBe(422);

    const res = await call(w.owner, {
      plan_id: w.plans.pro,
      organization_id: w.orgId,
      billing_cycle: "yearly",
      subscription_metadata: { source: "test" },
    });
    expect(res.status).toBe(201);
    const sub = await expectMatchesCatalog<Subscription>(id, res);
    expect(sub).toMatchObject({
      plan_id: w.plans.pro,
      organization_id: w.orgId,
      tenant_id: w.tenant.id,
      billing_cycle: "yearly",
      status: "active",
    });
    expect(sub.subscription_metadata).toEqual({ source: "test" });
    const start = new Date(sub.current_period_start);
    expect(new Date(sub.current_period_end).getUTCFullYear()).toBe(start.getUTCFullYear() + 1);

    await expectError(
      id,
      await call(w.admin, { plan_id: w.plans.business, organization_id: w.orgId }),
      409,
      "Organization already has an active subscription",
    );

    for (const who of [w.owner, w.member]) {
      const current = await w.client.call("GET", "/v1/subscriptions/current", { token: who.token });
      expect((await expectMatchesCatalog<Subscription>("subscriptions.get-current-subscription", current)).id).toBe(
        sub.id,
      );
    }
    await expectError(
      "subscriptions.get-current-subscription",
      await w.client.call("GET", "/v1/subscriptions/current", { token: w.outsider.token }),
      404,
      "No active subscription found",
    );
  });

  it("get, update and cancel need owner or admin of the subscription's organization", async () => {
    const sub = (await (
      await w.client.call("GET", "/v1/subscriptions/current", { token: w.owner.token })
    ).json()) as Subscription;
    const path = `/v1/subscriptions/subscriptions/${sub.id}`;
    for (const who of [w.member, w.outsider]) {
      await expectError(
        "subscriptions.get-subscription",
        await w.client.call("GET", path, { token: who.token }),
        403,
        "Not authorized to access this subscription",
      );
      await expectError(
        "subscriptions.update-subscription",
        await w.client.call("PUT", path, { token: who.token, body: { billing_cycle: "monthly" } }),
        403,
        "Not authorized to update this subscription",
      );
      await expectError(
        "subscriptions.cancel-subscription",
        await w.client.call("DELETE", path, { token: who.token }),
        403,
        "Not authorized to cancel this subscription",
      );
    }
    const missing = `/v1/subscriptions/subscriptions/${MISSING}`;
    await expectError(
      "subscriptions.get-subscription",
      await w.client.call("GET", missing, { token: w.owner.token }),
      404,
      "Subscription not found",
    );
    await expectError(
      "subscriptions.update-subscription",
      await w.client.call("PUT", missing, { token: w.owner.token, body: {} }),
      404,
      "Subscription not found",
    );
    await expectError(
      "subscriptions.cancel-subscription",
      await w.client.call("DELETE", missing, { token: w.owner.token }),
      404,
      "Subscription not found",
    );

    const got = await expectMatchesCatalog<Subscription>(
      "subscriptions.get-subscription",
      await w.client.call("GET", path, { token: w.admin.token }),
    );
    expect(got).toEqual(sub);

    await expectError(
      "subscriptions.update-subscription",
      await w.client.call("PUT", path, { token: w.owner.token, body: { plan_id: MISSING } }),
      404,
      "Plan not found",
    );
    const updated = await expectMatchesCatalog<Subscription>(
      "subscriptions.update-subscription",
      await w.client.call("PUT", path, {
        token: w.admin.token,
        body: { plan_id: w.plans.business, billing_cycle: "monthly", subscription_metadata: { seats: 10 } },
      }),
    );
    expect(updated).toMatchObject({
      plan_id: w.plans.business,
      billing_cycle: "monthly",
      subscription_metadata: { seats: 10 },
      current_period_end: sub.current_period_end,
    });
    const onlyMeta = await expectMatchesCatalog<Subscription>(
      "subscriptions.update-subscription",
      await w.client.call("PUT", path, { token: w.owner.token, body: { subscription_metadata: {} } }),
    );
    expect(onlyMeta).toMatchObject({ plan_id: w.plans.business, billing_cycle: "monthly", subscription_metadata: {} });

    const atEnd = await expectMatchesCatalog<Subscription>(
      "subscriptions.cancel-subscription",
      await w.client.call("DELETE", path, { token: w.owner.token }),
    );
    expect(atEnd).toMatchObject({ status: "active", cancel_at_period_end: true, canceled_at: null });
    const now = await expectMatchesCatalog<Subscription>(
      "subscriptions.cancel-subscription",
      await w.client.call("DELETE", path, { token: w.owner.token, query: { cancel_at_period_end: "false" } }),
    );
    expect(now).toMatchObject({ status: "cancelled", cancel_at_period_end: false });
    expect(now.canceled_at).not.toBeNull();
    const again = await expectMatchesCatalog<Subscription>(
      "subscriptions.cancel-subscription",
      await w.client.call("DELETE", path, { token: w.owner.token }),
    );
    expect(again).toEqual(now);
    await expectError(
      "subscriptions.get-current-subscription",
      await w.client.call("GET", "/v1/subscriptions/current", { token: w.owner.token }),
      404,
      "No active subscription found",
    );
  });
});

describe("POST /v1/subscriptions/checkout", () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp("checkout");
  });
  const body = (extra: Record<string, unknown>) => ({
    success_url: "https://app.example.com/ok",
    cancel_url: "https://app.example.com/cancel",
    ...extra,
  });
  const checkoutRow = async (id: string) =>
    (await getStore()).get<Record<string, unknown>>(`SELECT * FROM checkout_sessions WHERE id = ?`, [id]);

  it("opens a session on the sandbox checkout page, for the organization given or the default one", async () => {
    const res = await w.client.call("POST", "/v1/subscriptions/checkout", {
      token: w.member.token,
      body: body({ plan_id: w.plans.pro, organization_id: w.orgId }),
    });
    const session = await expectMatchesCatalog<CheckoutSession>("subscriptions.create-checkout", res);
    expect(session.session_id).toMatch(/^cs_sandbox_[0-9a-f]{32}$/);
    expect(session.checkout_url).toBe(`${TEST_ORIGIN}/sandbox/checkout/${session.session_id}`);
    expect(await checkoutRow(session.session_id)).toMatchObject({
      tenant_id: w.tenant.id,
      user_id: w.member.id,
      organization_id: w.orgId,
      plan_id: w.plans.pro,
      status: "open",
    });

    const byDefault = await expectMatchesCatalog<CheckoutSession>(
      "subscriptions.create-checkout",
      await w.client.call("POST", "/v1/subscriptions/checkout", {
        token: w.owner.token,
        body: body({ plan_id: w.plans.business }),
      }),
    );
    expect(await checkoutRow(byDefault.session_id)).toMatchObject({ organization_id: w.orgId });
    const personal = await expectMatchesCatalog<CheckoutSession>(
      "subscriptions.create-checkout",
      await w.client.call("POST", "/v1/subscriptions/checkout", {
        token: w.outsider.token,
        body: body({ plan_id: w.plans.pro }),
      }),
    );
    expect(await checkoutRow(personal.session_id)).toMatchObject({ organization_id: null, user_id: w.outsider.id });
  });

  it("404 unknown plan, 400 free plan, 403 organization of others, 422 non-http return URL", async () => {
    const call = (extra: Record<string, unknown>, by = w.owner) =>
      w.client.call("POST", "/v1/subscriptions/checkout", { token: by.token, body: body(extra) });
    await expectError("subscriptions.create-checkout", await call({ plan_id: MISSING }), 404, "Plan not found");
    await expectError(
      "subscriptions.create-checkout",
      await call({ plan_id: w.plans.free }),
      400,
      "Plan has no Stripe price configured",
    );
    await expectError(
      "subscriptions.create-checkout",
      await call({ plan_id: w.plans.pro, organization_id: w.orgId }, w.outsider),
      403,
      "Not a member of this organization",
    );
    const js = await call({ plan_id: w.plans.pro, success_url: "javascript:alert(1)" });
    expect(await expectMatchesCatalog("subscriptions.create-checkout", js)).toEqual({
      detail: [{ loc: ["body", "success_url"], msg: "URL scheme should be 'http' or 'https'", type: "url_scheme" }],
    });
  });
});

describe("the user's plan: usage, limits, assignment", () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp("usage");
  });

  it("only for oneself", async () => {
    const other = w.admin.id;
    await expectError(
      "subscriptions.get-user-usage",
      await w.client.call("GET", `/v1/subscriptions/users/${other}/usage`, { token: w.owner.token }),
      403,
      "Not authorized to access this user's usage",
    );
    await expectError(
      "subscriptions.get-user-limits",
      await w.client.call("GET", `/v1/subscriptions/users/${other}/usage/limits`, { token: w.owner.token }),
      403,
      "Not authorized to access this user's limits",
    );
    await expectError(
      "subscriptions.assign-user-plan",
      await w.client.call("PUT", `/v1/subscriptions/users/${other}/plan/${w.plans.free}`, { token: w.owner.token }),
      403,
      "Cannot assign plans to other users",
    );
  });

  it("a member's usage record of the period counts against the organization's plan (the free plan until it subscribes)", async () => {
    const path = `/v1/subscriptions/users/${w.member.id}/usage`;
    const first = await expectMatchesCatalog<UserPlanUsage>(
      "subscriptions.get-user-usage",
      await w.client.call("GET", path, { token: w.member.token }),
    );
    expect(first).toMatchObject({
      organization_id: w.orgId,
      user_id: w.member.id,
      plan_id: w.plans.free,
      messages_count: 0,
      tokens_count: 0,
    });
    const limits = await expectMatchesCatalog<UserPlanLimits>(
      "subscriptions.get-user-limits",
      await w.client.call("GET", `${path}/limits`, { token: w.member.token }),
    );
    expect(limits.limits).toEqual({
      plan_id: w.plans.free,
      plan_name: "Free",
      max_messages_per_month: 100,
      max_cost_usd_per_month: 5,
      messages_used: 0,
      messages_remaining: 100,
      within_limits: true,
    });

    await subscribe(w, w.plans.business);
    await addUsage(
      await getStore(),
      { tenantId: w.tenant.id, organizationId: w.orgId, userId: w.member.id },
      w.plans.business,
      { messages: 7, tokensIn: 300, tokensOut: 200 },
      new Date(),
    );
    const later = await expectMatchesCatalog<UserPlanUsage>(
      "subscriptions.get-user-usage",
      await w.client.call("GET", path, { token: w.member.token }),
    );
    expect(later).toMatchObject({ id: first.id, messages_count: 7, tokens_count: 500 });
    const business = await expectMatchesCatalog<UserPlanLimits>(
      "subscriptions.get-user-limits",
      await w.client.call("GET", `${path}/limits`, { token: w.member.token }),
    );
    expect(business.limits).toMatchObject({
      plan_name: "Business",
      max_messages_per_month: null,
      messages_used: 7,
      messages_remaining: null,
      within_limits: true,
    });
  });

  it("a user without organization: no usage record; limits of the plan assigned to them", async () => {
    const me = w.outsider;
    const usage = `/v1/subscriptions/users/${me.id}/usage`;
    await expectError(
      "subscriptions.get-user-usage",
      await w.client.call("GET", usage, { token: me.token }),
      404,
      "No active plan found for user",
    );
    await expectError(
      "subscriptions.get-user-limits",
      await w.client.call("GET", `${usage}/limits`, { token: me.token }),
      404,
      "No active plan found for user",
    );
    await expectError(
      "subscriptions.assign-user-plan",
      await w.client.call("PUT", `/v1/subscriptions/users/${me.id}/plan/${MISSING}`, { token: me.token }),
      404,
      "Plan not found",
    );
    const assigned = await w.client.call("PUT", `/v1/subscriptions/users/${me.id}/plan/${w.plans.pro}`, {
      token: me.token,
    });
    expect(await expectMatchesCatalog<UserPlanAssignment>("subscriptions.assign-user-plan", assigned)).toEqual({
      success: true,
      user_id: me.id,
      plan_id: w.plans.pro,
    });
    const limits = await expectMatchesCatalog<UserPlanLimits>(
      "subscriptions.get-user-limits",
      await w.client.call("GET", `${usage}/limits`, { token: me.token }),
    );
    expect(limits.limits).toMatchObject({
      plan_id: w.plans.pro,
      plan_name: "Pro Plan",
      max_messages_per_month: 1000,
      messages_used: 0,
      messages_remaining: 1000,
    });
    const user = await (
      await getStore()
    ).get<{ current_plan_id: string }>(`SELECT current_plan_id FROM users WHERE id = ?`, [me.id]);
    expect(user?.current_plan_id).toBe(w.plans.pro);
  });
});

describe("server-side /v1/subscriptions/organizations/*", () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp("server");
  });
  const path = (w: World, what: string) => `/v1/subscriptions/organizations/${w.orgId}/${what}`;
  const secret = (user: Actor, extra: Record<string, string> = {}) => ({
    key: "secret" as const,
    query: { user_id: user.id, ...extra },
  });

  it("takes the secret key only", async () => {
    const res = await w.client.call("GET", path(w, "invoices"), { query: { user_id: w.owner.id } });
    await expectError(
      "subscriptions.list-organization-invoices",
      res,
      403,
      "This endpoint requires a secret API key (sk_live_*)",
    );
    const noUser = await w.client.call("GET", path(w, "invoices"), { key: "secret" });
    expect(noUser.status).toBe(422);
  });

  it("cancel and resume: 404 without a subscription, 403 without billing rights, 400 when nothing is pending", async () => {
    const cancelId = "subscriptions.cancel-organization-subscription";
    const resumeId = "subscriptions.resume-organization-subscription";
    await expectError(
      cancelId,
      await w.client.call("DELETE", path(w, "subscription"), secret(w.owner)),
      404,
      "No active subscription found for this organization",
    );
    await expectError(
      resumeId,
      await w.client.call("POST", path(w, "resume"), secret(w.owner)),
      404,
      "No subscription found for this organization",
    );
    const sub = await subscribe(w);
    for (const who of [w.member, w.outsider]) {
      await expectError(
        cancelId,
        await w.client.call("DELETE", path(w, "subscription"), secret(who)),
        403,
        "User does not have permission to manage this organization's billing",
      );
      await expectError(
        resumeId,
        await w.client.call("POST", path(w, "resume"), secret(who)),
        403,
        "User does not have permission to manage this organization's billing",
      );
    }
    await expectError(
      resumeId,
      await w.client.call("POST", path(w, "resume"), secret(w.owner)),
      400,
      "Subscription is not scheduled for cancellation",
    );

    const atEnd = await expectMatchesCatalog<Subscription>(
      cancelId,
      await w.client.call("DELETE", path(w, "subscription"), secret(w.admin)),
    );
    expect(atEnd).toMatchObject({ id: sub.id, status: "active", cancel_at_period_end: true });
    const resumed = await expectMatchesCatalog<Subscription>(
      resumeId,
      await w.client.call("POST", path(w, "resume"), secret(w.owner)),
    );
    expect(resumed).toMatchObject({ id: sub.id, status: "active", cancel_at_period_end: false, canceled_at: null });

    const now = await expectMatchesCatalog<Subscription>(
      cancelId,
      await w.client.call("DELETE", path(w, "subscription"), secret(w.owner, { cancel_at_period_end: "false" })),
    );
    expect(now).toMatchObject({ status: "cancelled", cancel_at_period_end: false });
    await expectError(
      cancelId,
      await w.client.call("DELETE", path(w, "subscription"), secret(w.owner)),
      404,
      "No active subscription found for this organization",
    );
    // Cancelled, but the paid period has not run out: resume reactivates it.
    const reactivated = await expectMatchesCatalog<Subscription>(
      resumeId,
      await w.client.call("POST", path(w, "resume"), secret(w.owner)),
    );
    expect(reactivated).toMatchObject({ status: "active", canceled_at: null });

    await w.client.call("DELETE", path(w, "subscription"), secret(w.owner, { cancel_at_period_end: "false" }));
    await (
      await getStore()
    ).run(`UPDATE subscriptions SET current_period_end = ? WHERE id = ?`, [
      new Date(Date.now() - 1000).toISOString(),
      sub.id,
    ]);
    await expectError(
      resumeId,
      await w.client.call("POST", path(w, "resume"), secret(w.owner)),
      400,
      "Subscription is not scheduled for cancellation",
    );
  });

  it("invoices: any member may read them, newest first", async () => {
    const id = "subscriptions.list-organization-invoices";
    const none = await expectMatchesCatalog<Invoice[]>(
      id,
      await w.client.call("GET", path(w, "invoices"), secret(w.member)),
    );
    expect(none).toEqual([]);
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);
    for (const [i, cents] of [2999, 9999].entries()) {
      await insertPaidInvoice(
        await getStore(),
        w.tenant.id,
        {
          organizationId: w.orgId,
          subscriptionId: null,
          amountCents: cents,
          currency: "usd",
          periodStart: at(0),
          periodEnd: at(3600),
        },
        at(i),
      );
    }
    const list = await expectMatchesCatalog<Invoice[]>(
      id,
      await w.client.call("GET", path(w, "invoices"), secret(w.member)),
    );
    expect(list.map((i) => [i.amount_paid, i.status, i.number?.slice(-4)])).toEqual([
      [9999, "paid", "0002"],
      [2999, "paid", "0001"],
    ]);
    await expectError(
      id,
      await w.client.call("GET", path(w, "invoices"), secret(w.outsider)),
      403,
      "User does not have permission to view this organization's billing",
    );
    const unknown = await w.client.call("GET", `/v1/subscriptions/organizations/${MISSING}/invoices`, secret(w.owner));
    await expectError(id, unknown, 404, "Organization not found");
  });
});

describe("isolation between tenants", () => {
  it("another tenant's keys and users reach none of this tenant's subscriptions, plans or organizations", async () => {
    const a = await setUp("iso-a");
    const b = await setUp("iso-b");
    const sub = await subscribe(a);
    const bCall = (method: string, p: string, extra: Record<string, unknown> = {}) =>
      b.client.call(method, p, { token: b.owner.token, ...extra });
    await expectError(
      "subscriptions.get-subscription",
      await bCall("GET", `/v1/subscriptions/subscriptions/${sub.id}`),
      404,
      "Subscription not found",
    );
    await expectError(
      "subscriptions.update-subscription",
      await bCall("PUT", `/v1/subscriptions/subscriptions/${sub.id}`, { body: {} }),
      404,
      "Subscription not found",
    );
    await expectError(
      "subscriptions.cancel-subscription",
      await bCall("DELETE", `/v1/subscriptions/subscriptions/${sub.id}`),
      404,
      "Subscription not found",
    );
    await expectError(
      "subscriptions.get-plan",
      await bCall("GET", `/v1/subscriptions/plans/${a.plans.pro}`),
      404,
      "Plan not found",
    );
    await expectError(
      "subscriptions.create-subscription",
      await bCall("POST", "/v1/subscriptions/subscriptions", {
        body: { plan_id: b.plans.pro, organization_id: a.orgId },
      }),
      404,
      "Organization not found",
    );
    await expectError(
      "subscriptions.create-checkout",
      await bCall("POST", "/v1/subscriptions/checkout", {
        body: { plan_id: a.plans.pro, success_url: "https://x.test/", cancel_url: "https://x.test/" },
      }),
      404,
      "Plan not found",
    );
    for (const what of ["invoices", "subscription", "resume"]) {
      const method = what === "invoices" ? "GET" : what === "resume" ? "POST" : "DELETE";
      const res = await b.client.call(method, `/v1/subscriptions/organizations/${a.orgId}/${what}`, {
        key: "secret",
        query: { user_id: a.owner.id },
      });
      expect([what, res.status]).toEqual([what, 404]);
    }
    // Tenant A's token does not work with tenant B's key.
    expect((await b.client.call("GET", "/v1/subscriptions/current", { token: a.owner.token })).status).toBe(401);
    const still = await a.client.call("GET", `/v1/subscriptions/subscriptions/${sub.id}`, { token: a.owner.token });
    expect((await expectMatchesCatalog<Subscription>("subscriptions.get-subscription", still)).status).toBe("active");
  });
});
