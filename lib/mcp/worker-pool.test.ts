import { afterEach, describe, expect, it } from "vitest";
import { getStore } from "@/lib/sandbox/store";
import { getTenant } from "@/lib/sandbox/tenants";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { mcpClient } from "./client-address";
import { createSandboxTenant } from "./tools/sandbox-tools";
import { createMcpWorkerPool, mcpWorkerCount, type McpWorkerAnswer, type McpWorkerPool } from "./worker-pool";

// As node:http's rawHeaders: names and values in turn.
const headers = ["Host", "127.0.0.1:3000", "Content-Type", "application/json", "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", "2025-06-18"];
/** A worker answer as status and body text, whichever form it came in. */
const http = (a: McpWorkerAnswer | null) => {
  if (!a) throw new Error("no answer: the pool gave up");
  return { status: a.status, body: new TextDecoder().decode(a.body) };
};
const call = (body: unknown, origin?: string, client = "127.0.0.1") => ({
  url: "http://127.0.0.1:3000/api/mcp",
  headers,
  body: typeof body === "string" ? body : JSON.stringify(body),
  origin,
  client,
});

// The workers open the sandbox database at SANDBOX_DB_PATH, as this thread does: a fresh file for this test file.
setupTempDatabase();
const details = { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "get_endpoint_details", arguments: { path: "/v1/users/abc/settings?x=1" } } };

describe("mcpWorkerCount", () => {
  it("reads MCP_WORKERS, 0 to 64; anything else gets the default", () => {
    expect(mcpWorkerCount({ MCP_WORKERS: "0" })).toBe(0);
    expect(mcpWorkerCount({ MCP_WORKERS: " 3 " })).toBe(3);
    const fallback = mcpWorkerCount({});
    for (const bad of ["-1", "65", "1.5", "two"]) expect(mcpWorkerCount({ MCP_WORKERS: bad })).toBe(fallback);
  });
});

describe("createMcpWorkerPool", () => {
  let pool: McpWorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it("answers on worker threads exactly as the handler does, linking to the origin given", async () => {
    pool = createMcpWorkerPool(2);
    const answers = await Promise.all([1, 2, 3, 4].map(() => pool!.answer(call(details, "https://portal.example"))));
    for (const a of answers) {
      expect(http(a).status).toBe(200);
      const rpc = JSON.parse(http(a).body) as { id: number; result: { isError?: boolean; content: { text: string }[] } };
      expect(rpc.id).toBe(7);
      expect(rpc.result.isError).toBeFalsy();
      expect(rpc.result.content[0]!.text).toContain("PUT /v1/users/{user_id}/settings");
      expect(rpc.result.content[0]!.text).toContain("https://portal.example");
    }
    expect(new Set(answers.map((a) => a!.id)).size).toBe(4);
  }, 30_000);

  it("answers protocol errors as the handler does: -32700 for bad JSON, -32602 for bad arguments", async () => {
    pool = createMcpWorkerPool(1);
    const bad = http(await pool.answer(call("{nope")));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ error: { code: -32700 } });
    const wrong = await pool.answer(call({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "search_endpoints", arguments: { query: 5 } } }));
    const rpc = JSON.parse(http(wrong).body) as { error?: { code: number }; result?: { isError: boolean } };
    expect(rpc.error?.code === -32602 || rpc.result?.isError === true).toBe(true);
  }, 30_000);

  it("answers the sandbox tools on worker threads, on this thread's database file, with exact per-client limits under concurrency", async () => {
    pool = createMcpWorkerPool(2);
    const client = "203.0.113.9";
    const create = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "create_sandbox_tenant", arguments: {} } });
    // 21 tenants for one client at once: 14 on the two workers, 7 on this thread; the limit is 20 per hour.
    const onWorkers = Array.from({ length: 14 }, (_, i) => pool!.answer(call(create(i), undefined, client)));
    const here = Array.from({ length: 7 }, () => mcpClient.run(client, () => createSandboxTenant.run({ email_verification: false })));
    const results = [
      ...(await Promise.all(onWorkers)).map((a) => (JSON.parse(http(a).body) as { result: { isError?: boolean; structuredContent?: { tenant_id: string } } }).result),
      ...(await Promise.all(here)).map((a) => ({ isError: a.isError, structuredContent: a.structured as { tenant_id: string } | undefined })),
    ];
    const made = results.filter((r) => !r.isError);
    expect([made.length, results.length - made.length]).toEqual([20, 1]);
    for (const r of made) expect(await getTenant(await getStore(), r.structuredContent!.tenant_id)).toBeDefined();
  }, 60_000);

  it("a worker that dies answers its pending requests with a 500 and is replaced", async () => {
    const dying = new URL("data:text/javascript,process.exit(3)");
    pool = createMcpWorkerPool(1, dying);
    const a = http(await pool.answer(call(details)));
    expect(a.status).toBe(500);
    expect(JSON.parse(a.body)).toMatchObject({ error: { code: -32603 } });
    // Each call waits for its worker's death (a 500); after three deaths before any answer the pool gives up, and
    // callers answer on their own thread.
    let calls = 0;
    for (let answer = pool.answer(call(details)); answer !== null && calls < 10; answer = pool.answer(call(details)), calls++) {
      expect(http(await answer).status).toBe(500);
    }
    expect(pool.answer(call(details))).toBeNull();
  }, 30_000);
});
