import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Agent } from "@/lib/catalog/schemas/agent";
import type { Conversation, ConversationWithMessages } from "@/lib/catalog/schemas/conversation";
import type { AgentExecution } from "@/lib/catalog/schemas/execution";
import type { CurrentUsage } from "@/lib/catalog/schemas/usage";
import type { EngineOptions } from "../engine";
import { getStore } from "../store";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { addOrganization, newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

/** The sandbox's token count: about four characters a token. */
const tokens = (...texts: string[]) => texts.reduce((sum, t) => sum + Math.ceil(t.length / 4), 0);

/** An organization owned by the user, written directly (the organizations endpoints are another category). */

const expectError = expectCatalogError;

interface Setting {
  tenant: TenantRow;
  client: SandboxClient;
  token: string;
  userId: string;
  org: string;
  support: Agent;
  echo: Agent;
}

async function setting(engine: EngineOptions = {}): Promise<Setting> {
  const tenant = await newTenant();
  const client = sandboxClient(tenant, engine);
  const { user, tokens: session } = await newUser(tenant);
  const org = await addOrganization(tenant, user.id);
  const res = await client.call("GET", "/v1/user/agents/available", { token: session.access_token });
  const agents = await expectMatchesCatalog<Agent[]>("agents.list-available", res);
  const byName = (name: string) => agents.find((a) => a.name === name)!;
  return {
    tenant,
    client,
    token: session.access_token,
    userId: user.id,
    org,
    support: byName("Support Assistant"),
    echo: byName("Echo"),
  };
}

const chat = (s: Setting, agentId: string, body: Record<string, unknown>, token = s.token) =>
  s.client.call("POST", `/v1/user/agents/${agentId}/chat`, { token, body });

async function currentUsage(s: Setting): Promise<CurrentUsage> {
  const res = await s.client.call("GET", "/v1/api/usage/current", {
    token: s.token,
    query: { organization_id: s.org },
  });
  return expectMatchesCatalog<CurrentUsage>("usage.current", res);
}

describe("agents", () => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting();
  });

  it("lists the tenant's active agents, paged with skip and limit", async () => {
    const list = async (query: Record<string, string> = {}) =>
      expectMatchesCatalog<Agent[]>(
        "agents.list-available",
        await s.client.call("GET", "/v1/user/agents/available", { token: s.token, query }),
      );
    const all = await list();
    expect(all.map((a) => a.name).sort()).toEqual(["Echo", "Support Assistant"]);
    expect(
      all.every(
        (a) => a.tenant_id === s.tenant.id && a.is_active && a.rag_provider === "NONE" && a.mcp_servers.length === 0,
      ),
    ).toBe(true);
    expect(await list({ skip: "1", limit: "1" })).toEqual([all[1]]);

    await (
      await getStore()
    ).run(`UPDATE agents SET is_active = 0 WHERE tenant_id = ? AND id = ?`, [s.tenant.id, s.echo.id]);
    try {
      expect((await list()).map((a) => a.name)).toEqual(["Support Assistant"]);
      await expectError(
        "agents.get-agent",
        await s.client.call("GET", `/v1/user/agents/${s.echo.id}`, { token: s.token }),
        404,
        "Agent not found",
      );
      await expectError("agents.chat", await chat(s, s.echo.id, { input: "hi" }), 404, "Agent not found");
    } finally {
      await (
        await getStore()
      ).run(`UPDATE agents SET is_active = 1 WHERE tenant_id = ? AND id = ?`, [s.tenant.id, s.echo.id]);
    }
  });

  it("gets one agent; unknown ids are 404", async () => {
    const res = await s.client.call("GET", `/v1/user/agents/${s.support.id}`, { token: s.token });
    expect(await expectMatchesCatalog<Agent>("agents.get-agent", res)).toEqual(s.support);
    await expectError(
      "agents.get-agent",
      await s.client.call("GET", `/v1/user/agents/${randomUUID()}`, { token: s.token }),
      404,
      "Agent not found",
    );
  });
});

describe("chat", () => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting();
  });

  it("answers deterministically from the agent's template, counts tokens from text lengths, and records usage", async () => {
    const before = await currentUsage(s);
    const input = "What are your opening hours?";
    const res = await chat(s, s.support.id, { input, temperature: 0.2 });
    expect(res.status).toBe(200);
    const execution = await expectMatchesCatalog<AgentExecution>("agents.chat", res);
    const output = `Thanks for your message: "${input}". This is the sandbox support assistant: answers are canned, usage is counted.`;
    const prompt = tokens(s.support.system_prompt, input);
    expect(execution).toMatchObject({
      agent_id: s.support.id,
      tenant_id: s.tenant.id,
      user_id: s.userId,
      organization_id: s.org,
      input_text: input,
      output_text: output,
      tokens_used: prompt + tokens(output),
      status: "SUCCESS",
      error_message: null,
    });
    expect(execution.execution_metadata).toMatchObject({
      temperature: 0.2,
      prompt_tokens: prompt,
      completion_tokens: tokens(output),
      finish_reason: "stop",
    });

    // The same request costs the same again.
    const again = await expectMatchesCatalog<AgentExecution>(
      "agents.chat",
      await chat(s, s.support.id, { input, temperature: 0.2 }),
    );
    expect([again.output_text, again.tokens_used]).toEqual([execution.output_text, execution.tokens_used]);

    const after = await currentUsage(s);
    expect(after.usage.messages.current).toBe(before.usage.messages.current + 2);
    expect(after.usage.tokens).toEqual({
      total: before.usage.tokens.total + 2 * execution.tokens_used,
      input: before.usage.tokens.input + 2 * prompt,
      output: before.usage.tokens.output + 2 * tokens(output),
    });
    expect(after.usage.cost_usd.current).toBeGreaterThan(before.usage.cost_usd.current);
  });

  it("takes messages, answering the last user message; max_tokens cuts the answer", async () => {
    const messages = [
      { role: "system", content: "Be brief." },
      { role: "user", content: "first" },
      { role: "assistant", content: "first" },
      { role: "user", content: "Hello, how can you help me?" },
    ];
    const execution = await expectMatchesCatalog<AgentExecution>("agents.chat", await chat(s, s.echo.id, { messages }));
    expect([execution.input_text, execution.output_text]).toEqual([
      "Hello, how can you help me?",
      "Hello, how can you help me?",
    ]);
    expect(execution.tokens_used).toBe(
      tokens(s.echo.system_prompt, ...messages.map((m) => m.content)) + tokens("Hello, how can you help me?"),
    );

    const cut = await expectMatchesCatalog<AgentExecution>(
      "agents.chat",
      await chat(s, s.echo.id, { input: "a".repeat(40), max_tokens: 2 }),
    );
    expect([cut.output_text, cut.execution_metadata?.finish_reason]).toEqual(["a".repeat(8), "length"]);
  });

  it("rejects a body with neither messages nor input (422)", async () => {
    const res = await chat(s, s.echo.id, { temperature: 0.5 });
    expect(res.status).toBe(422);
    expect(await expectMatchesCatalog("agents.chat", res)).toMatchObject({ detail: [{ loc: ["body", "messages"] }] });
  });

  it("history lists the user's own executions with the agent, newest first", async () => {
    const fresh = await setting();
    const other = await newUser(fresh.tenant);
    await addOrganization(fresh.tenant, other.user.id);
    for (const input of ["one", "two", "three"]) expect((await chat(fresh, fresh.echo.id, { input })).status).toBe(200);
    expect((await chat(fresh, fresh.echo.id, { input: "not mine" }, other.tokens.access_token)).status).toBe(200);
    expect((await chat(fresh, fresh.support.id, { input: "other agent" })).status).toBe(200);

    const page = async (query: Record<string, string> = {}) => {
      const res = await fresh.client.call("GET", `/v1/user/agents/${fresh.echo.id}/history`, {
        token: fresh.token,
        query,
      });
      return expectMatchesCatalog<AgentExecution[]>("agents.history", res);
    };
    expect((await page()).map((e) => e.input_text)).toEqual(["three", "two", "one"]);
    expect((await page({ skip: "1", limit: "1" })).map((e) => e.input_text)).toEqual(["two"]);
    await expectError(
      "agents.history",
      await fresh.client.call("GET", `/v1/user/agents/${randomUUID()}/history`, { token: fresh.token }),
      404,
      "Agent not found",
    );
  });
});

describe("conversations", () => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting();
  });

  const create = async (body: Record<string, unknown>, agentId = s.echo.id) => {
    const res = await s.client.call("POST", `/v1/user/agents/${agentId}/conversations`, { token: s.token, body });
    expect(res.status).toBe(201);
    return expectMatchesCatalog<Conversation>("agents.create-conversation", res);
  };
  const get = (id: string, token = s.token, agentId = s.echo.id) =>
    s.client.call("GET", `/v1/user/agents/${agentId}/conversations/${id}`, { token });

  it("create → chat (previous messages injected, new ones saved) → get → end → chat refused", async () => {
    const conversation = await create({ title: "Billing questions" });
    expect(conversation).toMatchObject({
      user_id: s.userId,
      agent_id: s.echo.id,
      tenant_id: s.tenant.id,
      title: "Billing questions",
      status: "ACTIVE",
    });

    const first = await expectMatchesCatalog<AgentExecution>(
      "agents.chat",
      await chat(s, s.echo.id, { conversation_id: conversation.id, input: "How do I change my plan?" }),
    );
    const second = await expectMatchesCatalog<AgentExecution>(
      "agents.chat",
      await chat(s, s.echo.id, {
        conversation_id: conversation.id,
        messages: [{ role: "user", content: "And how do I cancel?" }],
      }),
    );
    expect(first.execution_metadata?.context_messages).toBe(1);
    expect(second.execution_metadata?.context_messages).toBe(3);
    // The earlier exchange is part of the prompt.
    expect(second.tokens_used).toBe(
      tokens(s.echo.system_prompt, "How do I change my plan?", "How do I change my plan?", "And how do I cancel?") +
        tokens("And how do I cancel?"),
    );

    const full = await expectMatchesCatalog<ConversationWithMessages>(
      "agents.get-conversation",
      await get(conversation.id),
    );
    expect(full.messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "How do I change my plan?"],
      ["assistant", "How do I change my plan?"],
      ["user", "And how do I cancel?"],
      ["assistant", "And how do I cancel?"],
    ]);
    expect(full.messages[1]).toMatchObject({
      tokens_used: first.tokens_used,
      message_metadata: { execution_id: first.id },
    });
    expect(full.messages[0]!.tokens_used).toBeNull();

    const ended = await s.client.call("DELETE", `/v1/user/agents/${s.echo.id}/conversations/${conversation.id}`, {
      token: s.token,
    });
    expect(ended.status).toBe(204);
    await expectMatchesCatalog("agents.end-conversation", ended);
    expect(await ended.text()).toBe("");
    const closed = await expectMatchesCatalog<ConversationWithMessages>(
      "agents.get-conversation",
      await get(conversation.id),
    );
    expect([closed.status, closed.messages.length]).toEqual(["ENDED", 4]);

    const before = await currentUsage(s);
    await expectError(
      "agents.chat",
      await chat(s, s.echo.id, { conversation_id: conversation.id, input: "still there?" }),
      400,
      "Conversation has ended",
    );
    expect((await currentUsage(s)).usage.messages.current).toBe(before.usage.messages.current);
    // Ending again changes nothing.
    expect(
      (
        await s.client.call("DELETE", `/v1/user/agents/${s.echo.id}/conversations/${conversation.id}`, {
          token: s.token,
        })
      ).status,
    ).toBe(204);
  });

  it("lists the user's conversations with the agent, most recently active first, without messages", async () => {
    // The engine's clock: the conversations start at one instant, and the bump comes a second later.
    let clock = Date.now();
    const fresh = await setting({ now: () => new Date(clock) });
    const make = async (title?: string) => {
      const res = await fresh.client.call("POST", `/v1/user/agents/${fresh.echo.id}/conversations`, {
        token: fresh.token,
        body: title ? { title } : {},
      });
      return expectMatchesCatalog<Conversation>("agents.create-conversation", res);
    };
    const a = await make("A");
    const b = await make();
    expect(b.title).toBeNull();
    clock += 1000;
    expect((await chat(fresh, fresh.echo.id, { conversation_id: a.id, input: "bump" })).status).toBe(200);
    await fresh.client.call("POST", `/v1/user/agents/${fresh.support.id}/conversations`, {
      token: fresh.token,
      body: {},
    });

    const list = async (query: Record<string, string> = {}) => {
      const res = await fresh.client.call("GET", `/v1/user/agents/${fresh.echo.id}/conversations`, {
        token: fresh.token,
        query,
      });
      return expectMatchesCatalog<Conversation[]>("agents.list-conversations", res);
    };
    const all = await list();
    expect(all.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(all[0]).not.toHaveProperty("messages");
    expect((await list({ skip: "1" })).map((c) => c.id)).toEqual([b.id]);
    await expectError(
      "agents.list-conversations",
      await fresh.client.call("GET", `/v1/user/agents/${randomUUID()}/conversations`, { token: fresh.token }),
      404,
      "Agent not found",
    );
    await expectError(
      "agents.create-conversation",
      await fresh.client.call("POST", `/v1/user/agents/${randomUUID()}/conversations`, {
        token: fresh.token,
        body: {},
      }),
      404,
      "Agent not found",
    );
  });

  it("another user's conversation, or one with another agent, is not found", async () => {
    const mine = await create({ title: "mine" });
    const other = await newUser(s.tenant);
    await addOrganization(s.tenant, other.user.id);
    const otherToken = other.tokens.access_token;
    await expectError("agents.get-conversation", await get(mine.id, otherToken), 404, "Conversation not found");
    await expectError(
      "agents.get-conversation",
      await get(mine.id, s.token, s.support.id),
      404,
      "Conversation not found",
    );
    await expectError("agents.get-conversation", await get(randomUUID()), 404, "Conversation not found");
    await expectError(
      "agents.end-conversation",
      await s.client.call("DELETE", `/v1/user/agents/${s.echo.id}/conversations/${mine.id}`, { token: otherToken }),
      404,
      "Conversation not found",
    );
    await expectError(
      "agents.chat",
      await chat(s, s.echo.id, { conversation_id: mine.id, input: "hi" }, otherToken),
      404,
      "Conversation not found",
    );
    await expectError(
      "agents.chat",
      await chat(s, s.support.id, { conversation_id: mine.id, input: "hi" }),
      404,
      "Conversation not found",
    );
    expect(
      (await expectMatchesCatalog<ConversationWithMessages>("agents.get-conversation", await get(mine.id))).messages,
    ).toEqual([]);
  });
});

describe("usage limits", () => {
  it("402 before running once the plan's messages are used up: nothing is recorded", async () => {
    const s = await setting();
    await (
      await getStore()
    ).run(`UPDATE plans SET max_messages_per_month = 2 WHERE tenant_id = ? AND is_free = 1`, [s.tenant.id]);
    const conversation = await expectMatchesCatalog<Conversation>(
      "agents.create-conversation",
      await s.client.call("POST", `/v1/user/agents/${s.echo.id}/conversations`, { token: s.token, body: {} }),
    );
    expect((await chat(s, s.echo.id, { input: "one" })).status).toBe(200);
    expect((await chat(s, s.echo.id, { input: "two" })).status).toBe(200);
    await expectError("agents.chat", await chat(s, s.echo.id, { input: "three" }), 402, "Usage limit exceeded");
    await expectError(
      "agents.chat",
      await chat(s, s.echo.id, { input: "four", conversation_id: conversation.id }),
      402,
      "Usage limit exceeded",
    );

    const history = await s.client.call("GET", `/v1/user/agents/${s.echo.id}/history`, { token: s.token });
    expect((await expectMatchesCatalog<AgentExecution[]>("agents.history", history)).map((e) => e.input_text)).toEqual([
      "two",
      "one",
    ]);
    const full = await s.client.call("GET", `/v1/user/agents/${s.echo.id}/conversations/${conversation.id}`, {
      token: s.token,
    });
    expect((await expectMatchesCatalog<ConversationWithMessages>("agents.get-conversation", full)).messages).toEqual(
      [],
    );
    expect((await currentUsage(s)).usage.messages).toEqual({ current: 2, max: 2, remaining: 0, percentage: 100 });
  });

  it("402 when the AI budget is spent", async () => {
    const s = await setting();
    await (
      await getStore()
    ).run(`UPDATE plans SET max_cost_usd_per_month = 0.0001 WHERE tenant_id = ? AND is_free = 1`, [s.tenant.id]);
    // 0.0001 USD is 10 tokens: the first request may overshoot, the next is refused.
    expect((await chat(s, s.echo.id, { input: "x".repeat(80) })).status).toBe(200);
    await expectError("agents.chat", await chat(s, s.echo.id, { input: "again" }), 402, "Usage limit exceeded");
  });

  it("402 for a user who belongs to no organization: there is no plan to charge", async () => {
    const s = await setting();
    const loner = await newUser(s.tenant);
    await expectError(
      "agents.chat",
      await chat(s, s.echo.id, { input: "hi" }, loner.tokens.access_token),
      402,
      "Usage limit exceeded",
    );
  });

  it("counts against the user's default organization", async () => {
    const s = await setting();
    const second = await addOrganization(s.tenant, s.userId);
    await (
      await getStore()
    ).run(`UPDATE users SET default_organization_id = ? WHERE tenant_id = ? AND id = ?`, [
      second,
      s.tenant.id,
      s.userId,
    ]);
    const execution = await expectMatchesCatalog<AgentExecution>(
      "agents.chat",
      await chat(s, s.echo.id, { input: "hi" }),
    );
    expect(execution.organization_id).toBe(second);
    expect((await currentUsage(s)).usage.messages.current).toBe(0);
  });
});

describe("isolation", () => {
  it("a second tenant's credentials reach none of the first tenant's agents or conversations", async () => {
    const first = await setting();
    const second = await setting();
    const conversation = await expectMatchesCatalog<Conversation>(
      "agents.create-conversation",
      await first.client.call("POST", `/v1/user/agents/${first.echo.id}/conversations`, {
        token: first.token,
        body: {},
      }),
    );
    const agentId = first.echo.id;
    const call = (method: string, path: string, body?: unknown) =>
      second.client.call(method, path, { token: second.token, body });
    await expectError("agents.get-agent", await call("GET", `/v1/user/agents/${agentId}`), 404, "Agent not found");
    await expectError(
      "agents.chat",
      await call("POST", `/v1/user/agents/${agentId}/chat`, { input: "hi" }),
      404,
      "Agent not found",
    );
    await expectError(
      "agents.history",
      await call("GET", `/v1/user/agents/${agentId}/history`),
      404,
      "Agent not found",
    );
    await expectError(
      "agents.create-conversation",
      await call("POST", `/v1/user/agents/${agentId}/conversations`, {}),
      404,
      "Agent not found",
    );
    await expectError(
      "agents.list-conversations",
      await call("GET", `/v1/user/agents/${agentId}/conversations`),
      404,
      "Agent not found",
    );
    const path = `/v1/user/agents/${agentId}/conversations/${conversation.id}`;
    await expectError("agents.get-conversation", await call("GET", path), 404, "Conversation not found");
    await expectError("agents.end-conversation", await call("DELETE", path), 404, "Conversation not found");
    // With its own agent id, the second tenant still cannot name the first tenant's conversation.
    await expectError(
      "agents.chat",
      await call("POST", `/v1/user/agents/${second.echo.id}/chat`, { input: "hi", conversation_id: conversation.id }),
      404,
      "Conversation not found",
    );
    const mine = await call("GET", "/v1/user/agents/available");
    expect(
      (await expectMatchesCatalog<Agent[]>("agents.list-available", mine)).every(
        (a) => a.tenant_id === second.tenant.id,
      ),
    ).toBe(true);
    // The first tenant's token does not open the second tenant.
    await expectError(
      "agents.list-available",
      await second.client.call("GET", "/v1/user/agents/available", { token: first.token }),
      401,
      "Could not validate credentials",
    );
  });
});
