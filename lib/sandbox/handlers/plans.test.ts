import { beforeAll, describe, expect, it } from "vitest";
import type { Plan, PlanPage } from "@/lib/catalog/schemas/plan";
import { getStore } from "../store";
import type { TenantRow } from "../tenants";
import { expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

type Detail = { detail: string };

let tenant: TenantRow;
let client: SandboxClient;
let token: string;

beforeAll(async () => {
  tenant = await newTenant();
  client = sandboxClient(tenant);
  token = (await newUser(tenant)).tokens.access_token;
  // A deactivated plan: listed only with include_inactive, still readable by id.
  await (
    await getStore()
  ).run(
    `INSERT INTO plans (id, tenant_id, name, description, price_monthly, price_yearly, currency, features, is_active, is_free, sort_order, created_at, updated_at)
     VALUES ('0f0e8400-e29b-41d4-a716-4466554400aa', ?, 'Legacy', NULL, 9, 90, 'usd', '[]', 0, 0, 9, ?, ?)`,
    [tenant.id, new Date().toISOString(), new Date().toISOString()],
  );
});

describe("GET /v1/plans", () => {
  it("pages the tenant's active plans in order", async () => {
    const res = await client.call("GET", "/v1/plans", { token });
    const page = await expectMatchesCatalog<PlanPage>("plans.list-plans", res);
    expect(page).toMatchObject({ total: 3, page: 1, per_page: 100, has_next: false, has_prev: false });
    expect(page.plans.map((p) => p.name)).toEqual(["Free", "Pro Plan", "Business"]);
    expect(page.plans[1]).toMatchObject({
      price_monthly: 29.99,
      price_yearly: 299.99,
      currency: "usd",
      is_free: false,
      max_messages_per_month: 1000,
    });
  });

  it("skip and limit: page, has_next, has_prev; include_inactive adds deactivated plans", async () => {
    const second = await expectMatchesCatalog<PlanPage>(
      "plans.list-plans",
      await client.call("GET", "/v1/plans", { token, query: { skip: "1", limit: "1" } }),
    );
    expect(second).toMatchObject({ total: 3, page: 2, per_page: 1, has_next: true, has_prev: true });
    expect(second.plans.map((p) => p.name)).toEqual(["Pro Plan"]);
    const all = await expectMatchesCatalog<PlanPage>(
      "plans.list-plans",
      await client.call("GET", "/v1/plans", { token, query: { include_inactive: "true", skip: "2", limit: "2" } }),
    );
    expect(all).toMatchObject({ total: 4, page: 2, has_next: false, has_prev: true });
    expect(all.plans.map((p) => [p.name, p.is_active])).toEqual([
      ["Business", true],
      ["Legacy", false],
    ]);
  });

  it("422 for a limit over 1000", async () => {
    const res = await client.call("GET", "/v1/plans", { token, query: { limit: "1001" } });
    expect(res.status).toBe(422);
    await expectMatchesCatalog("plans.list-plans", res);
  });
});

describe("active, free and single plans", () => {
  it("GET /v1/plans/active and /v1/plans/free", async () => {
    const active = await expectMatchesCatalog<Plan[]>(
      "plans.list-active-plans",
      await client.call("GET", "/v1/plans/active", { token }),
    );
    expect(active.map((p) => p.name)).toEqual(["Free", "Pro Plan", "Business"]);
    const free = await expectMatchesCatalog<Plan[]>(
      "plans.list-free-plans",
      await client.call("GET", "/v1/plans/free", { token }),
    );
    expect(free.map((p) => [p.name, p.is_free, p.price_monthly])).toEqual([["Free", true, 0]]);
  });

  it("GET /v1/plans/{plan_id}: any plan of the tenant, else 404", async () => {
    const [pro] = (await (await client.call("GET", "/v1/plans/active", { token })).json()) as Plan[];
    const one = await expectMatchesCatalog<Plan>(
      "plans.get-plan",
      await client.call("GET", `/v1/plans/${pro!.id}`, { token }),
    );
    expect(one.id).toBe(pro!.id);
    const legacy = await client.call("GET", "/v1/plans/0f0e8400-e29b-41d4-a716-4466554400aa", { token });
    expect((await expectMatchesCatalog<Plan>("plans.get-plan", legacy)).is_active).toBe(false);
    const missing = await client.call("GET", "/v1/plans/0f0e8400-e29b-41d4-a716-4466554400ff", { token });
    expect([missing.status, (await expectMatchesCatalog<Detail>("plans.get-plan", missing)).detail]).toEqual([
      404,
      "Plan not found",
    ]);
  });

  it("needs a JWT", async () => {
    const res = await client.call("GET", "/v1/plans/active");
    expect([res.status, (await expectMatchesCatalog<Detail>("plans.list-active-plans", res)).detail]).toEqual([
      401,
      "Not authenticated",
    ]);
  });
});

describe("isolation", () => {
  it("another tenant sees its own plans only, and none of this tenant's by id", async () => {
    const other = await newTenant();
    const otherClient = sandboxClient(other);
    const otherToken = (await newUser(other)).tokens.access_token;
    const mine = (await (
      await client.call("GET", "/v1/plans", { token, query: { include_inactive: "true" } })
    ).json()) as PlanPage;
    const theirs = await expectMatchesCatalog<PlanPage>(
      "plans.list-plans",
      await otherClient.call("GET", "/v1/plans", { token: otherToken, query: { include_inactive: "true" } }),
    );
    expect(theirs.total).toBe(3);
    expect(theirs.plans.map((p) => p.id).some((id) => mine.plans.some((m) => m.id === id))).toBe(false);
    for (const plan of mine.plans) {
      const res = await otherClient.call("GET", `/v1/plans/${plan.id}`, { token: otherToken });
      expect(res.status).toBe(404);
    }
    // This tenant's token with the other tenant's key is refused.
    const crossed = await otherClient.call("GET", "/v1/plans", { token });
    expect(crossed.status).toBe(401);
  });
});
