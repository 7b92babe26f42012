import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  CurrentUsage,
  EntityUsage,
  UsageCheckResult,
  UsageConsumeResult,
  UsageHistoryRecord,
  UsageStats,
} from "@/lib/catalog/schemas/usage";
import { issueSession } from "../auth/sessions";
import { getStore } from "../store";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { addMember, addOrganization, newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

/** An organization owned by the user, written directly (the organizations endpoints are another category). */

const planId = async (tenant: TenantRow, name: string) =>
  (await (
    await getStore()
  ).get<{ id: string }>(`SELECT id FROM plans WHERE tenant_id = ? AND name = ?`, [tenant.id, name]))!.id;

const expectError = expectCatalogError;

/** A tenant with a user who owns an organization, and a client for them. */
async function setting() {
  const tenant = await newTenant();
  const { user, tokens } = await newUser(tenant);
  return {
    tenant,
    user,
    token: tokens.access_token,
    org: await addOrganization(tenant, user.id),
    client: sandboxClient(tenant),
  };
}

function monthStart(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}

describe("current usage and consumption", () => {
  let s: Awaited<ReturnType<typeof setting>>;
  beforeAll(async () => {
    s = await setting();
  });

  const current = async () => {
    const res = await s.client.call("GET", "/v1/api/usage/current", {
      token: s.token,
      query: { organization_id: s.org },
    });
    expect(res.status).toBe(200);
    return expectMatchesCatalog<CurrentUsage>("usage.current", res);
  };
  const consume = (body: Record<string, unknown>) =>
    s.client.call("POST", "/v1/usage/consume", {
      token: s.token,
      body: { user_id: s.user.id, organization_id: s.org, ...body },
    });

  it("starts at zero against the tenant's free plan, for the calendar month", async () => {
    const now = new Date();
    const usage = await current();
    expect(usage).toEqual({
      period_start: monthStart(now),
      period_end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
      plan_name: "Free",
      plan_id: await planId(s.tenant, "Free"),
      usage: {
        messages: { current: 0, max: 100, remaining: 100, percentage: 0 },
        cost_usd: { current: 0, max: 5, remaining: 5, percentage: 0 },
        tokens: { total: 0, input: 0, output: 0 },
      },
      error: null,
    });
  });

  it("consume records messages and tokens; current and stats reflect them", async () => {
    const messages = await consume({ tokens: 3, usage_type: "messages" });
    expect(await expectMatchesCatalog<UsageConsumeResult>("usage.consume", messages)).toEqual({
      success: true,
      consumed: 3,
      usage_type: "messages",
      allowed: true,
      limits: { current_usage: 3, max_limit: 100, remaining: 97 },
      error: null,
    });
    // usage_type defaults to tokens, measured against the AI budget at $0.01 per 1,000 tokens: $5 = 500,000 tokens.
    const tokens = await consume({ tokens: 25_000 });
    expect(await expectMatchesCatalog<UsageConsumeResult>("usage.consume", tokens)).toMatchObject({
      consumed: 25_000,
      usage_type: "tokens",
      limits: { current_usage: 25_000, max_limit: 500_000, remaining: 475_000 },
    });

    const usage = await current();
    expect(usage.usage).toEqual({
      messages: { current: 3, max: 100, remaining: 97, percentage: 3 },
      cost_usd: { current: 0.25, max: 5, remaining: 4.75, percentage: 5 },
      tokens: { total: 25_000, input: 25_000, output: 0 },
    });
    const stats = await s.client.call("GET", "/v1/usage/stats", { token: s.token, query: { organization_id: s.org } });
    expect(await expectMatchesCatalog<UsageStats>("usage.stats", stats)).toEqual(usage);
  });

  it("check answers whether an amount fits without recording it", async () => {
    const check = (tokens: number, usageType = "messages") =>
      s.client.call("POST", "/v1/usage/check", {
        token: s.token,
        body: { user_id: s.user.id, organization_id: s.org, tokens, usage_type: usageType },
      });
    expect(await expectMatchesCatalog<UsageCheckResult>("usage.check", await check(97))).toEqual({
      allowed: true,
      current_usage: 3,
      max_limit: 100,
      remaining: 97,
      requested: 97,
      error: null,
    });
    const denied = await check(98);
    expect(denied.status).toBe(200);
    expect(await expectMatchesCatalog<UsageCheckResult>("usage.check", denied)).toEqual({
      allowed: false,
      current_usage: 3,
      max_limit: 100,
      remaining: 97,
      requested: 98,
      error: "Usage limit exceeded",
    });
    expect((await current()).usage.messages.current).toBe(3);
  });

  it("consume answers 402 and records nothing when the amount would exceed the limit", async () => {
    await expectError(
      "usage.consume",
      await consume({ tokens: 98, usage_type: "messages" }),
      402,
      "Usage limit exceeded",
    );
    await expectError("usage.consume", await consume({ tokens: 475_001 }), 402, "Usage limit exceeded");
    expect((await current()).usage.messages.current).toBe(3);
  });

  it("user_id must be the signed-in user", async () => {
    const other = randomUUID();
    const body = { user_id: other, organization_id: s.org, tokens: 1 };
    await expectError(
      "usage.check",
      await s.client.call("POST", "/v1/usage/check", { token: s.token, body }),
      403,
      "Cannot check usage for another user",
    );
    await expectError(
      "usage.consume",
      await s.client.call("POST", "/v1/usage/consume", { token: s.token, body }),
      403,
      "Cannot consume usage for another user",
    );
  });

  it("validates the amount", async () => {
    const res = await consume({ tokens: 0 });
    expect(res.status).toBe(422);
    expect(await expectMatchesCatalog("usage.consume", res)).toMatchObject({ detail: [{ loc: ["body", "tokens"] }] });
  });
});

describe("limits of a small plan", () => {
  it("402 once the plan's messages are used up; current shows 100%", async () => {
    const s = await setting();
    await (
      await getStore()
    ).run(`UPDATE plans SET max_messages_per_month = 2 WHERE tenant_id = ? AND is_free = 1`, [s.tenant.id]);
    const consume = () =>
      s.client.call("POST", "/v1/usage/consume", {
        token: s.token,
        body: { user_id: s.user.id, organization_id: s.org, tokens: 1, usage_type: "messages" },
      });
    expect((await consume()).status).toBe(200);
    expect((await consume()).status).toBe(200);
    await expectError("usage.consume", await consume(), 402, "Usage limit exceeded");
    const res = await s.client.call("GET", "/v1/api/usage/current", {
      token: s.token,
      query: { organization_id: s.org },
    });
    expect((await expectMatchesCatalog<CurrentUsage>("usage.current", res)).usage.messages).toEqual({
      current: 2,
      max: 2,
      remaining: 0,
      percentage: 100,
    });
  });

  it('the organization\'s subscription plan replaces the free plan; unlimited limits read "unlimited"', async () => {
    const s = await setting();
    const at = new Date().toISOString();
    const end = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await (
      await getStore()
    ).run(
      `INSERT INTO subscriptions (id, tenant_id, organization_id, user_id, plan_id, billing_cycle, status, current_period_start, current_period_end, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'monthly', 'active', ?, ?, ?, ?)`,
      [randomUUID(), s.tenant.id, s.org, s.user.id, await planId(s.tenant, "Business"), at, end, at, at],
    );
    const res = await s.client.call("GET", "/v1/api/usage/current", {
      token: s.token,
      query: { organization_id: s.org },
    });
    const usage = await expectMatchesCatalog<CurrentUsage>("usage.current", res);
    expect([usage.plan_name, usage.plan_id]).toEqual(["Business", await planId(s.tenant, "Business")]);
    expect(usage.usage.messages).toEqual({ current: 0, max: "unlimited", remaining: "unlimited", percentage: 0 });
    expect(usage.usage.cost_usd.max).toBe(500);
    const check = await s.client.call("POST", "/v1/usage/check", {
      token: s.token,
      body: { user_id: s.user.id, organization_id: s.org, tokens: 1_000_000, usage_type: "messages" },
    });
    expect(await expectMatchesCatalog<UsageCheckResult>("usage.check", check)).toMatchObject({
      allowed: true,
      max_limit: "unlimited",
      remaining: "unlimited",
    });
  });

  it("stats answers nulls and an error when no plan applies", async () => {
    const s = await setting();
    await (await getStore()).run(`UPDATE plans SET is_free = 0 WHERE tenant_id = ?`, [s.tenant.id]);
    const res = await s.client.call("GET", "/v1/usage/stats", { token: s.token, query: { organization_id: s.org } });
    expect(await expectMatchesCatalog<UsageStats>("usage.stats", res)).toEqual({
      period_start: null,
      period_end: null,
      plan_name: null,
      plan_id: null,
      usage: {},
      error: "No active subscription found for this organization",
    });
  });
});

describe("history", () => {
  it("one record per period, newest first, paged with limit and offset; a new month starts at zero", async () => {
    const s = await setting();
    const consume = (client: SandboxClient, token: string, tokens: number) =>
      client.call("POST", "/v1/usage/consume", {
        token,
        body: { user_id: s.user.id, organization_id: s.org, tokens, usage_type: "messages" },
      });
    // The clock moved back rather than forward: the tenant itself expires after 24 hours.
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 20, 12));
    const earlier = sandboxClient(s.tenant, { now: () => lastMonth });
    const earlierToken = (await issueSession(await getStore(), s.tenant.id, s.user.id, lastMonth)).access_token;
    expect((await consume(earlier, earlierToken, 4)).status).toBe(200);
    expect((await consume(s.client, s.token, 1)).status).toBe(200);
    const fresh = await s.client.call("GET", "/v1/api/usage/current", {
      token: s.token,
      query: { organization_id: s.org },
    });
    const usage = await expectMatchesCatalog<CurrentUsage>("usage.current", fresh);
    expect([usage.period_start, usage.usage.messages.current]).toEqual([monthStart(now), 1]);

    const page = async (query: Record<string, string>) => {
      const res = await s.client.call("GET", "/v1/api/usage/history", {
        token: s.token,
        query: { organization_id: s.org, ...query },
      });
      return expectMatchesCatalog<UsageHistoryRecord[]>("usage.history", res);
    };
    const all = await page({});
    expect(all.map((r) => [r.period_start, r.period_end, r.messages_count])).toEqual([
      [monthStart(now), expect.any(String), 1],
      [monthStart(lastMonth), monthStart(now), 4],
    ]);
    expect(all[1]).toMatchObject({
      organization_id: s.org,
      user_id: s.user.id,
      plan_id: await planId(s.tenant, "Free"),
      tokens_count: 0,
    });
    expect(all[1]!.usage_metadata).toMatchObject({ cost_usd: 0 });
    expect((await page({ limit: "1", offset: "1" })).map((r) => r.period_start)).toEqual([monthStart(lastMonth)]);
    expect(await page({ offset: "2" })).toEqual([]);
  });
});

describe("entity usage", () => {
  it("counts the organization's entity schemas and records, and no other organization's", async () => {
    const s = await setting();
    const otherOrg = await addOrganization(s.tenant, s.user.id);
    const at = new Date().toISOString();
    const schema = async (org: string, name: string) => {
      const id = randomUUID();
      await (
        await getStore()
      ).run(
        `INSERT INTO entity_schemas (id, tenant_id, organization_id, name, slug, description, fields_definition, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, '{}', ?, ?, ?)`,
        [id, s.tenant.id, org, name, name.toLowerCase(), s.user.id, at, at],
      );
      return id;
    };
    const record = async (org: string, schemaId: string) =>
      (await getStore()).run(
        `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', ?, ?, ?)`,
        [randomUUID(), s.tenant.id, org, schemaId, s.user.id, at, at],
      );
    const contacts = await schema(s.org, "Contacts");
    await schema(s.org, "Deals");
    await record(s.org, contacts);
    await record(s.org, contacts);
    await record(s.org, contacts);
    await record(otherOrg, await schema(otherOrg, "Tickets"));

    const res = await s.client.call("GET", "/v1/api/usage/entity-usage", {
      token: s.token,
      query: { organization_id: s.org },
    });
    expect(await expectMatchesCatalog<EntityUsage>("usage.entity-usage", res)).toEqual({
      organization_id: s.org,
      schemas_count: 2,
      records_count: 3,
    });
  });
});

describe("membership and isolation", () => {
  let s: Awaited<ReturnType<typeof setting>>;
  beforeAll(async () => {
    s = await setting();
  });

  const endpoints = (org: string, userId: string) =>
    [
      ["usage.current", "GET", "/v1/api/usage/current", { query: { organization_id: org } }],
      ["usage.history", "GET", "/v1/api/usage/history", { query: { organization_id: org } }],
      ["usage.entity-usage", "GET", "/v1/api/usage/entity-usage", { query: { organization_id: org } }],
      ["usage.stats", "GET", "/v1/usage/stats", { query: { organization_id: org } }],
      ["usage.check", "POST", "/v1/usage/check", { body: { user_id: userId, organization_id: org, tokens: 1 } }],
      ["usage.consume", "POST", "/v1/usage/consume", { body: { user_id: userId, organization_id: org, tokens: 1 } }],
    ] as const;

  it("a user of the tenant who is not a member, and an unknown organization, get 403 everywhere", async () => {
    const outsider = await newUser(s.tenant);
    for (const [id, method, path, options] of endpoints(s.org, outsider.user.id)) {
      await expectError(
        id,
        await s.client.call(method, path, { token: outsider.tokens.access_token, ...options }),
        403,
        "Not a member of this organization",
      );
    }
    for (const [id, method, path, options] of endpoints(randomUUID(), s.user.id)) {
      await expectError(
        id,
        await s.client.call(method, path, { token: s.token, ...options }),
        403,
        "Not a member of this organization",
      );
    }
  });

  it("a member with any role can read the organization's usage", async () => {
    const member = await newUser(s.tenant);
    await addMember(s.tenant, s.org, member.user.id, "developer");
    const res = await s.client.call("GET", "/v1/api/usage/current", {
      token: member.tokens.access_token,
      query: { organization_id: s.org },
    });
    expect(res.status).toBe(200);
  });

  it("a second tenant reaches nothing of the first tenant's organizations", async () => {
    const other = await setting();
    for (const [id, method, path, options] of endpoints(s.org, other.user.id)) {
      await expectError(
        id,
        await other.client.call(method, path, { token: other.token, ...options }),
        403,
        "Not a member of this organization",
      );
    }
    // The first tenant's token does not work with the second tenant's key.
    const crossed = await other.client.call("GET", "/v1/api/usage/current", {
      token: s.token,
      query: { organization_id: s.org },
    });
    await expectError("usage.current", crossed, 401, "Could not validate credentials");
  });

  it("requires the user's token", async () => {
    await expectError(
      "usage.current",
      await s.client.call("GET", "/v1/api/usage/current", { query: { organization_id: s.org } }),
      401,
      "Not authenticated",
    );
  });
});
