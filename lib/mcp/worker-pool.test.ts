import { afterEach, describe, expect, it } from "vitest";
import { createMcpWorkerPool, mcpWorkerCount, type McpWorkerAnswer, type McpWorkerPool } from "./worker-pool";

// As node:http's rawHeaders: names and values in turn.
const headers = ["Host", "127.0.0.1:3000", "Content-Type", "application/json", "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", "2025-06-18"];
/** A worker answer as status and body text, whichever form it came in. */
const http = (a: McpWorkerAnswer | null) => {
  if (!a) throw new Error("no answer: the pool gave up");
  return { status: a.status, body: new TextDecoder().decode(a.body) };
};
const call = (body: unknown, origin?: string) => ({ url: "http://127.0.0.1:3000/api/mcp", headers, body: typeof body === "string" ? body : JSON.stringify(body), origin });
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

  it("a worker that dies answers its pending requests with a 500 and is replaced", async () => {
    const dying = new URL("data:text/javascript,process.exit(3)");
    pool = createMcpWorkerPool(1, dying);
    const a = http(await pool.answer(call(details)));
    expect(a.status).toBe(500);
    expect(JSON.parse(a.body)).toMatchObject({ error: { code: -32603 } });
    // After three deaths before any answer the pool gives up, and callers answer on their own thread.
    for (let i = 0; i < 10 && pool.answer(call(details)) !== null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(pool.answer(call(details))).toBeNull();
  }, 30_000);
});
