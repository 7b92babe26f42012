import { join } from "node:path";
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { expect, test } from "@playwright/test";
import { connectV1, connectV2, textOf } from "./mcp-clients";

/**
 * An assistant tries the API in a sandbox of its own, by MCP tool calls only: a tenant, a verified sign-up, a
 * signed-in request, an organization, a file up and down, a streamed completion. Once with each client: the 2.x
 * and the 1.x SDK over HTTP, and the 2.x SDK over stdio.
 */

type Caller = { callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown> };
type Result = { isError?: boolean; structuredContent?: Record<string, unknown>; content?: unknown };
type Sandbox = {
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
  events?: string[];
  download?: { size: number; first_bytes_text: string | null };
};

interface Step {
  via: string;
  tool: string;
  args: string;
  outcome: string;
  ms: number;
}

/** Keys, tokens and JWTs shown as their kind only: the transcript is printed. */
const masked = (text: string) =>
  text
    .replace(/\b(pk|sk)_live_[A-Za-z0-9]+/g, "$1_live_…")
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, "<jwt>")
    .replace(/"token":"[^"]+"/g, '"token":"<mailed token>"');

const root = join(import.meta.dirname, "..");
const transcript: Step[] = [];

/** A client that records every call: tool, arguments, outcome and time. */
function recording(via: string, client: Caller) {
  return async (tool: string, args: Record<string, unknown>): Promise<Result> => {
    const started = performance.now();
    const result = (await client.callTool({ name: tool, arguments: args })) as Result;
    const ms = performance.now() - started;
    const sandbox = result.structuredContent as Partial<Sandbox> | undefined;
    const outcome = result.isError
      ? `tool error: ${textOf(result).split("\n")[0]}`
      : typeof sandbox?.status === "number"
        ? `${sandbox.status}`
        : "ok";
    transcript.push({ via, tool, args: masked(JSON.stringify(args)), outcome, ms });
    return result;
  };
}

const sandboxOf = (r: Result) => r.structuredContent as unknown as Sandbox;

async function wholeChain(via: string, client: Caller) {
  const call = recording(via, client);
  const email = `ada-${via.replace(/\W+/g, "-")}@example.com`;
  const password = "SecurePass123";

  const tenant = await call("create_sandbox_tenant", { email_verification: true });
  expect(tenant.isError, textOf(tenant)).toBeFalsy();
  const { public_key: key, secret_key: secret } = tenant.structuredContent as {
    public_key: string;
    secret_key: string;
  };
  expect(key).toMatch(/^pk_live_/);

  const reg = sandboxOf(
    await call("call_sandbox", { method: "POST", path: "/v1/auth/register", api_key: key, body: { email, password } }),
  );
  expect([reg.status, reg.body?.verification_required]).toEqual([201, true]);

  const outbox = await call("read_sandbox_outbox", { secret_key: secret, to: email, kind: "verification" });
  const token = (outbox.structuredContent as { messages: Array<{ token: string | null }> }).messages[0]?.token;
  expect(token).toBeTruthy();

  const verified = sandboxOf(
    await call("call_sandbox", { method: "POST", path: "/v1/auth/verify-email", api_key: key, body: { token } }),
  );
  expect(verified.status).toBe(200);

  const login = sandboxOf(
    await call("call_sandbox", { method: "POST", path: "/v1/auth/login", api_key: key, body: { email, password } }),
  );
  expect(login.status).toBe(200);
  const access = String(login.body?.access_token);

  const me = sandboxOf(
    await call("call_sandbox", { method: "GET", path: "/v1/auth/me", api_key: key, access_token: access }),
  );
  expect([me.status, me.body?.email]).toEqual([200, email]);

  const org = sandboxOf(
    await call("call_sandbox", {
      method: "POST",
      path: "/v1/organizations",
      api_key: key,
      access_token: access,
      body: { name: "Acme", slug: "acme" },
    }),
  );
  expect(org.status).toBe(201);

  const text = `notes from ${via}\nline two ✓\n`;
  const up = sandboxOf(
    await call("call_sandbox", {
      method: "POST",
      path: "/v1/user/files",
      api_key: key,
      access_token: access,
      file: { filename: "notes.txt", content_type: "text/plain", text },
    }),
  );
  expect(up.status).toBe(201);
  const fileId = String((up.body?.file as { id: string }).id);

  const down = sandboxOf(
    await call("call_sandbox", {
      method: "GET",
      path: `/v1/user/files/${fileId}/download`,
      api_key: key,
      access_token: access,
    }),
  );
  expect([down.status, down.download?.size, down.download?.first_bytes_text]).toEqual([
    200,
    Buffer.byteLength(text),
    text,
  ]);

  const completion = await call("call_sandbox", {
    method: "POST",
    path: "/v1/ai/completions",
    api_key: key,
    access_token: access,
    organization_id: String(org.body?.id),
    body: { model: "gpt-4", messages: [{ role: "user", content: "Say hello" }], stream: true },
  });
  const stream = sandboxOf(completion);
  expect([stream.status, stream.headers["content-type"], stream.events?.at(-1)]).toEqual([
    200,
    expect.stringContaining("text/event-stream"),
    "[DONE]",
  ]);
  expect(textOf(completion)).toMatch(/Streamed text: .*Say hello/);
}

test.describe("MCP: an assistant tries the API in its own sandbox", () => {
  test.describe.configure({ mode: "serial" });

  test.afterAll(() => {
    // The closing transcript: every tool call of the three runs with its time.
    const lines = transcript.map(
      (s, i) => `${String(i + 1).padStart(2)}. [${s.via}] ${s.tool} ${s.args} → ${s.outcome} (${s.ms.toFixed(1)} ms)`,
    );
    console.log(`\nMCP sandbox transcript (${transcript.length} calls):\n${lines.join("\n")}`);
  });

  test("with the 2.x client over HTTP", async ({ baseURL }) => {
    const client = await connectV2(`${baseURL}/api/mcp`);
    await wholeChain("v2 http", client);
    await client.close();
  });

  test("with the 1.x client over HTTP", async ({ baseURL }) => {
    const client = await connectV1(`${baseURL}/api/mcp`);
    await wholeChain("v1 http", client);
    await client.close();
  });

  test("with the 2.x client over stdio, on the same sandbox database", async () => {
    const client = new Client({ name: "e2e-stdio", version: "1.0.0" });
    // SANDBOX_DB_PATH (set by playwright.config.ts) is inherited: the stdio server shares the portal's database.
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(root, "bin", "mcp-stdio.mjs")],
        cwd: "/tmp",
        env: { ...process.env } as Record<string, string>,
      }),
    );
    await wholeChain("v2 stdio", client);
    await client.close();
  });
});

test.describe("MCP sandbox tools: boundaries", () => {
  test("tenant A's keys cannot read tenant B's data, and only sandbox paths are accepted", async ({ baseURL }) => {
    const client = await connectV2(`${baseURL}/api/mcp`);
    const call = async (name: string, args: Record<string, unknown>) =>
      (await client.callTool({ name, arguments: args })) as Result;
    const keysOf = async () =>
      (await call("create_sandbox_tenant", {})).structuredContent as { public_key: string; secret_key: string };
    const [a, b] = [await keysOf(), await keysOf()];
    // Two calls, two tenants: the sandbox tools are never answered from the cache.
    expect(a.public_key).not.toBe(b.public_key);
    const signUp = async (key: string) =>
      String(
        sandboxOf(
          await call("call_sandbox", {
            method: "POST",
            path: "/v1/auth/register",
            api_key: key,
            body: { email: "same@example.com", password: "SecurePass123" },
          }),
        ).body?.access_token,
      );
    const [tokenA, tokenB] = [await signUp(a.public_key), await signUp(b.public_key)];
    const up = sandboxOf(
      await call("call_sandbox", {
        method: "POST",
        path: "/v1/user/files",
        api_key: b.public_key,
        access_token: tokenB,
        file: { filename: "b.txt", content_type: "text/plain", text: "B's secret" },
      }),
    );
    const fileId = String((up.body?.file as { id: string }).id);
    const stolen = await call("call_sandbox", {
      method: "GET",
      path: `/v1/user/files/${fileId}/download`,
      api_key: a.public_key,
      access_token: tokenA,
    });
    expect([stolen.isError ?? false, sandboxOf(stolen).status, sandboxOf(stolen).body]).toEqual([
      false,
      404,
      { detail: "File not found" },
    ]);
    const crossToken = sandboxOf(
      await call("call_sandbox", { method: "GET", path: "/v1/auth/me", api_key: a.public_key, access_token: tokenB }),
    );
    expect(crossToken.status).toBe(401);
    const otherOutbox = await call("read_sandbox_outbox", { secret_key: a.public_key });
    expect(otherOutbox.isError).toBe(true);

    for (const path of [
      `${baseURL}/sandbox/v1/auth/me`,
      "http://example.com/v1/auth/me",
      "//example.com/v1/auth/me",
      "/v1/../api/mcp",
      "/v1/auth/%2E%2E/%2E%2E/api/health",
    ]) {
      const r = await call("call_sandbox", { method: "GET", path, api_key: a.public_key, access_token: tokenA });
      expect(r.isError, path).toBe(true);
      expect(textOf(r), path).toMatch(/not a sandbox path[\s\S]*Nearest endpoints: /);
    }
    await client.close();
  });
});
