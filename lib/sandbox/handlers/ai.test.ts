import { beforeAll, describe, expect, it } from "vitest";
import { type Completion, CompletionChunk } from "@/lib/catalog/schemas/completion";
import type { CurrentUsage } from "@/lib/catalog/schemas/usage";
import { getStore } from "../store";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { addOrganization, newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

const ENDPOINT = "ai.create-completion";
const tokens = (...texts: string[]) => texts.reduce((sum, t) => sum + Math.ceil(t.length / 4), 0);
const MESSAGES = [
  { role: "system", content: "You are a helpful assistant." },
  { role: "user", content: "Write a one-line welcome message for new users." },
];

async function expectError(res: Response, status: number, detail: string) {
  expect(res.headers.get("content-type")).toContain("application/json");
  await expectCatalogError(ENDPOINT, res, status, detail);
}

/** Reads the event stream read by read, the way a browser client does, splitting events on blank lines. */
async function readEvents(res: Response): Promise<{ data: string[]; reads: number }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const data: string[] = [];
  let buffer = "";
  let reads = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    reads += 1;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      expect(event.startsWith("data: "), event).toBe(true);
      data.push(event.slice("data: ".length));
    }
  }
  expect(buffer).toBe("");
  return { data, reads };
}

describe("completions", () => {
  let tenant: TenantRow;
  let client: SandboxClient;
  let token: string;
  let org: string;
  beforeAll(async () => {
    tenant = await newTenant();
    client = sandboxClient(tenant);
    const { user, tokens: session } = await newUser(tenant);
    token = session.access_token;
    org = await addOrganization(tenant, user.id);
  });

  const complete = (body: Record<string, unknown>) =>
    client.call("POST", "/v1/ai/completions", { token, body: { model: "gpt-4", messages: MESSAGES, ...body } });
  const usage = async () =>
    expectMatchesCatalog<CurrentUsage>(
      "usage.current",
      await client.call("GET", "/v1/api/usage/current", { token, query: { organization_id: org } }),
    );

  it("answers a deterministic completion in the OpenAI shape and counts it against the plan", async () => {
    const before = await usage();
    const res = await complete({ max_tokens: 100, temperature: 0.7 });
    expect(res.status).toBe(200);
    const completion = await expectMatchesCatalog<Completion>(ENDPOINT, res);
    const content =
      'Sandbox reply from gpt-4 to 2 messages. You said: "Write a one-line welcome message for new users."';
    expect(completion).toMatchObject({
      object: "chat.completion",
      model: "gpt-4",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: { prompt_tokens: tokens(...MESSAGES.map((m) => m.content)), completion_tokens: tokens(content) },
    });
    expect(completion.usage.total_tokens).toBe(completion.usage.prompt_tokens + completion.usage.completion_tokens);
    expect(Math.abs(completion.created - Date.now() / 1000)).toBeLessThan(60);

    const after = await usage();
    expect(after.usage.messages.current).toBe(before.usage.messages.current + 1);
    expect(after.usage.tokens.total).toBe(before.usage.tokens.total + completion.usage.total_tokens);
  });

  it("max_tokens cuts the answer: finish_reason length", async () => {
    const completion = await expectMatchesCatalog<Completion>(ENDPOINT, await complete({ max_tokens: 3 }));
    expect(completion.choices[0]).toMatchObject({ message: { content: "Sandbox repl" }, finish_reason: "length" }); // 3 tokens: 12 characters;
    expect(completion.usage.completion_tokens).toBe(3);
  });

  it("stream: true answers server-sent events, each a CompletionChunk, ending with data: [DONE]", async () => {
    const whole = await expectMatchesCatalog<Completion>(ENDPOINT, await complete({}));
    const before = await usage();
    const res = await complete({ stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    await expectMatchesCatalog(ENDPOINT, res);

    const { data, reads } = await readEvents(res);
    expect(data.at(-1)).toBe("[DONE]");
    expect(reads).toBeGreaterThan(1);
    const chunks = data.slice(0, -1).map((d) => {
      const parsed = CompletionChunk.safeParse(JSON.parse(d));
      expect(parsed.success, `${d}\n${parsed.error?.message}`).toBe(true);
      return parsed.data!;
    });
    expect(chunks.length).toBeGreaterThan(3);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: "assistant", content: "" });
    expect(chunks.at(-1)!.choices[0]).toEqual({ index: 0, delta: {}, finish_reason: "stop" });
    expect(chunks.slice(0, -1).every((c) => c.choices[0]!.finish_reason === null)).toBe(true);
    expect(chunks.map((c) => c.choices[0]!.delta.content ?? "").join("")).toBe(whole.choices[0]!.message.content);

    expect((await usage()).usage.messages.current).toBe(before.usage.messages.current + 1);
  });

  it("400 for a model the sandbox does not offer", async () => {
    await expectError(await complete({ model: "text-davinci-003-unknown" }), 400, "Unsupported model");
    expect((await complete({ model: "claude-3-opus" })).status).toBe(200);
  });

  it("validates the request (422)", async () => {
    const res = await complete({ messages: [] });
    expect(res.status).toBe(422);
    expect(await expectMatchesCatalog(ENDPOINT, res)).toMatchObject({ detail: [{ loc: ["body", "messages"] }] });
  });

  it("requires the user's token", async () => {
    await expectError(
      await client.call("POST", "/v1/ai/completions", { body: { model: "gpt-4", messages: MESSAGES } }),
      401,
      "Not authenticated",
    );
  });
});

describe("limits", () => {
  it("402 as plain JSON, even with stream: true, once a small plan is used up", async () => {
    const tenant = await newTenant();
    const client = sandboxClient(tenant);
    const { user, tokens: session } = await newUser(tenant);
    await addOrganization(tenant, user.id);
    await (
      await getStore()
    ).run(`UPDATE plans SET max_messages_per_month = 1 WHERE tenant_id = ? AND is_free = 1`, [tenant.id]);
    const complete = (stream: boolean) =>
      client.call("POST", "/v1/ai/completions", {
        token: session.access_token,
        body: { model: "gpt-4", messages: MESSAGES, stream },
      });
    expect((await complete(true)).status).toBe(200);
    await expectError(await complete(true), 402, "Usage limit exceeded");
    await expectError(await complete(false), 402, "Usage limit exceeded");
  });

  it("402 for a user without an organization", async () => {
    const tenant = await newTenant();
    const { tokens: session } = await newUser(tenant);
    const res = await sandboxClient(tenant).call("POST", "/v1/ai/completions", {
      token: session.access_token,
      body: { model: "gpt-4", messages: MESSAGES },
    });
    await expectError(res, 402, "Usage limit exceeded");
  });
});
