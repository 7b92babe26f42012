import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExternalAgentCall } from "@/lib/catalog/schemas/external-agent-call";
import type { CurrentUsage } from "@/lib/catalog/schemas/usage";
import { getStore } from "../store";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { addOrganization, newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

const ENDPOINT = "external_agents.register-call";

const seededAgent = async (tenant: TenantRow) =>
  (await (await getStore()).get<{ id: string }>(`SELECT id FROM external_agents WHERE tenant_id = ?`, [tenant.id]))!.id;

async function expectError(res: Response, status: number, detail: string) {
  await expectCatalogError(ENDPOINT, res, status, detail);
}

describe("registering external agent calls", () => {
  let tenant: TenantRow;
  let client: SandboxClient;
  let token: string;
  let userId: string;
  let org: string;
  let agentId: string;
  beforeAll(async () => {
    tenant = await newTenant();
    client = sandboxClient(tenant);
    const { user, tokens } = await newUser(tenant);
    token = tokens.access_token;
    userId = user.id;
    org = await addOrganization(tenant, user.id);
    agentId = await seededAgent(tenant);
  });

  const register = (body: unknown, options: { key?: "public" | "secret"; token?: string; agent?: string } = {}) =>
    client.call("POST", `/v1/external-agents/${options.agent ?? agentId}/calls`, {
      key: options.key ?? "secret",
      token: options.token ?? token,
      body,
    });

  it("records a call with the documented defaults: the token's user, their organization, total = input + output", async () => {
    const res = await register({ input_tokens: 800, output_tokens: 200 });
    expect(res.status).toBe(201);
    const call = await expectMatchesCatalog<ExternalAgentCall>(ENDPOINT, res);
    expect(call).toMatchObject({
      external_agent_id: agentId,
      tenant_id: tenant.id,
      user_id: userId,
      organization_id: org,
      input_tokens: 800,
      output_tokens: 200,
      total_tokens: 1000,
      cost_usd: 0,
      duration_ms: 0,
      status: "SUCCESS",
      error_message: null,
      call_metadata: null,
    });
    const row = await (
      await getStore()
    ).get<{ total_tokens: number }>(`SELECT total_tokens FROM external_agent_calls WHERE tenant_id = ? AND id = ?`, [
      tenant.id,
      call.id,
    ]);
    expect(row?.total_tokens).toBe(1000);
  });

  it("keeps what is given: a failed call with its own total, cost, user, organization and metadata", async () => {
    const colleague = (await newUser(tenant)).user;
    const otherOrg = await addOrganization(tenant, colleague.id);
    const body = {
      user_id: colleague.id,
      organization_id: otherOrg,
      input_tokens: 1200,
      output_tokens: 350,
      total_tokens: 1600,
      cost_usd: 0.0142,
      duration_ms: 30000,
      status: "ERROR",
      error_message: "Upstream model timed out",
      call_metadata: { workflow: "lead-enrichment", n8n_execution_id: "48213" },
    };
    const call = await expectMatchesCatalog<ExternalAgentCall>(ENDPOINT, await register(body));
    expect(call).toMatchObject(body);
  });

  it("an empty body records a zero call; a user without an organization leaves organization_id null", async () => {
    const loner = await newUser(tenant);
    const call = await expectMatchesCatalog<ExternalAgentCall>(
      ENDPOINT,
      await register({}, { token: loner.tokens.access_token }),
    );
    expect(call).toMatchObject({ user_id: loner.user.id, organization_id: null, total_tokens: 0, status: "SUCCESS" });
  });

  it("is not billed: the user's usage does not move", async () => {
    const usage = async () =>
      expectMatchesCatalog<CurrentUsage>(
        "usage.current",
        await client.call("GET", "/v1/api/usage/current", { token, query: { organization_id: org } }),
      );
    const before = await usage();
    expect((await register({ input_tokens: 50_000, output_tokens: 50_000, cost_usd: 3 })).status).toBe(201);
    expect(await usage()).toEqual(before);
  });

  it("needs the secret key and a user token", async () => {
    await expectError(
      await register({}, { key: "public" }),
      403,
      "This endpoint requires a secret API key (sk_live_*)",
    );
    const anonymous = await client.call("POST", `/v1/external-agents/${agentId}/calls`, { key: "secret", body: {} });
    await expectError(anonymous, 401, "Not authenticated");
  });

  it("404 for an unknown external agent; 422 for ids that name nothing in the tenant", async () => {
    await expectError(await register({}, { agent: randomUUID() }), 404, "External agent not found");
    for (const field of ["user_id", "organization_id"]) {
      const res = await register({ [field]: randomUUID() });
      expect(res.status).toBe(422);
      expect(await expectMatchesCatalog(ENDPOINT, res)).toMatchObject({ detail: [{ loc: ["body", field] }] });
    }
    const invalid = await register({ input_tokens: -1, status: "MAYBE" });
    expect(invalid.status).toBe(422);
  });

  it("isolation: another tenant can neither use this tenant's agent nor name its users and organizations", async () => {
    const other = await newTenant();
    const otherClient = sandboxClient(other);
    const otherToken = (await newUser(other)).tokens.access_token;
    const call = (agent: string, body: unknown) =>
      otherClient.call("POST", `/v1/external-agents/${agent}/calls`, { key: "secret", token: otherToken, body });
    await expectError(await call(agentId, {}), 404, "External agent not found");
    expect((await call(await seededAgent(other), { user_id: userId })).status).toBe(422);
    expect((await call(await seededAgent(other), { organization_id: org })).status).toBe(422);
    const count = await (
      await getStore()
    ).get<{ n: number }>(`SELECT COUNT(*) AS n FROM external_agent_calls WHERE tenant_id = ?`, [other.id]);
    expect(count?.n).toBe(0);
  });
});
