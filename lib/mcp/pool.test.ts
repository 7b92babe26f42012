import { describe, expect, it } from "vitest";
import { answerOnTransport, createPooledMcpHandler, isJsonAnswer, type McpAnswer, type McpHttp } from "./pool";

/**
 * Resident exchanges (lib/mcp/pool.ts) must answer exactly as the SDK's per-request Streamable HTTP transport
 * does: the same status, content type and bytes, for every tool, resource and prompt, errors included.
 */

const handler = createPooledMcpHandler();

const HEADERS = {
  host: "127.0.0.1:3000",
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
};

/** The request as the route and the portal server hand it over: its headers, and the web Request on demand. */
const http = (headers: Record<string, string>): McpHttp => ({
  header: (name) => new Headers(headers).get(name),
  request: () => new Request("http://127.0.0.1:3000/api/mcp", { method: "POST", headers }),
});

/** What a client receives: status, content type and body. */
async function received(answer: McpAnswer): Promise<{ status: number; type: string | null; body: string }> {
  if (isJsonAnswer(answer)) return { status: 200, type: "application/json", body: answer.json };
  return { status: answer.status, type: answer.headers.get("content-type"), body: await answer.text() };
}

/** The SDK's own per-request Streamable HTTP transport, answering the same message. */
const sdkAnswer = async (headers: Record<string, string>, body: unknown) =>
  received(await answerOnTransport(http(headers).request(), body));

const rpc = (method: string, params?: Record<string, unknown>, id: string | number = 1) => ({
  jsonrpc: "2.0",
  id,
  method,
  ...(params && { params }),
});
const call = (name: string, args: Record<string, unknown>) => rpc("tools/call", { name, arguments: args });

const SERVED = [
  rpc("ping"),
  rpc("tools/list"),
  call("get_api_overview", {}),
  call("get_end_user_endpoints", {}),
  call("get_end_user_endpoints", { category: "authentication" }),
  call("get_end_user_endpoints", { category: "payments" }),
  call("get_request_headers", {}),
  call("get_sdk_template", {}),
  call("get_openapi_spec", { category: "plans" }),
  call("get_openapi_spec", { path: "/v1/nothing" }),
  call("search_endpoints", { query: "upload a file", limit: 3 }),
  call("search_endpoints", { query: "" }),
  call("search_endpoints", { query: 5 }),
  call("get_endpoint_details", { path: "/v1/auth/login", method: "POST" }),
  call("get_endpoint_details", { path: "/v1/users/abc/settings?x=1" }),
  call("get_endpoint_details", { path: "/v1/nowhere" }),
  call("get_endpoint_details", {}),
  call("get_authentication_flow", {}),
  call("get_common_patterns", {}),
  call("no_such_tool", {}),
  rpc("resources/list"),
  rpc("resources/templates/list"),
  rpc("resources/read", { uri: "saas-api://endpoints/authentication.login" }),
  rpc("resources/read", { uri: "saas-api://guides/authentication-flow" }),
  rpc("resources/read", { uri: "saas-api://endpoints/nothing.here" }),
  rpc("prompts/list"),
  rpc("prompts/get", { name: "build-auth-ui", arguments: { framework: "SvelteKit" } }),
  rpc("prompts/get", { name: "integrate-endpoint", arguments: { endpoint: "POST /v1/auth/login" } }),
  rpc("prompts/get", { name: "integrate-endpoint", arguments: { endpoint: "nothing" } }),
  rpc("prompts/get", { name: "no-such-prompt" }),
  { ...call("get_endpoint_details", { path: "/v1/auth/login" }), id: "string-id-7" },
  rpc("tools/call", { name: "search_endpoints", arguments: { query: "login" }, _meta: { progressToken: 3 } }),
];

describe("resident exchanges", () => {
  it.each(["2025-06-18", "2025-11-25", null])(
    "answer as the SDK's transport does, byte for byte (MCP-Protocol-Version %s)",
    async (version) => {
      const headers = version ? { ...HEADERS, "mcp-protocol-version": version } : HEADERS;
      for (const body of SERVED) {
        const answer = await received(await handler(http(headers), body));
        expect(answer, JSON.stringify(body)).toEqual(await sdkAnswer(headers, body));
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body), JSON.stringify(body)).toMatchObject({
          jsonrpc: "2.0",
          id: (body as { id: unknown }).id,
        });
      }
    },
    60_000,
  );

  it("answer concurrent calls each with its own result", async () => {
    const queries = [
      "login",
      "upload a file",
      "sign up",
      "cancel at period end",
      "refresh token",
      "organization invite",
    ];
    const answers = await Promise.all(
      queries.map((query, i) => handler(http(HEADERS), { ...call("search_endpoints", { query }), id: i })),
    );
    for (const [i, answer] of answers.entries()) {
      if (!isJsonAnswer(answer)) throw new Error("expected a resident answer");
      const parsed = JSON.parse(answer.json) as { id: number; result: { structuredContent: { query: string } } };
      expect(parsed.id).toBe(i);
      expect(parsed.result.structuredContent.query).toBe(queries[i]);
    }
  });

  // What the MCP specification and the SDK's transport answer them; the pool leaves these to the SDK.
  it.each([
    [
      "initialize",
      rpc("initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } }),
      HEADERS,
      200,
      { id: 1, result: { protocolVersion: "2025-06-18", serverInfo: { name: "saas-api-portal" } } },
    ],
    ["a notification", { jsonrpc: "2.0", method: "notifications/initialized" }, HEADERS, 202, null],
    ["a batch of one ping", [rpc("ping")], HEADERS, 200, { id: 1, result: {} }],
    [
      "an Accept without text/event-stream",
      rpc("ping"),
      { ...HEADERS, accept: "application/json" },
      406,
      { id: null, error: { code: -32000, message: expect.stringMatching(/^Not Acceptable/) } },
    ],
    [
      "a text/plain body",
      rpc("ping"),
      { ...HEADERS, "content-type": "text/plain" },
      415,
      { id: null, error: { code: -32000, message: expect.stringMatching(/^Unsupported Media Type/) } },
    ],
    [
      "an unsupported protocol version",
      rpc("ping"),
      { ...HEADERS, "mcp-protocol-version": "1999-01-01" },
      400,
      { id: null, error: { code: -32000, message: expect.stringContaining("1999-01-01") } },
    ],
    [
      "a method the SDK does not know",
      rpc("tools/frobnicate"),
      HEADERS,
      200,
      { id: 1, error: { code: -32601, message: "Method not found" } },
    ],
    ["an id of null", { ...rpc("ping"), id: null }, HEADERS, 400, { id: null, error: { code: -32600 } }],
    [
      "a message with a member JSON-RPC does not define",
      { ...rpc("tools/list"), extra: 1 },
      HEADERS,
      400,
      { id: 1, error: { code: -32600 } },
    ],
  ])("answer %s as the specification says", async (_, body, headers, status, json) => {
    const answer = await received(await handler(http(headers), body));
    expect(answer.status).toBe(status);
    if (json === null) expect(answer.body).toBe("");
    else {
      expect(answer.type).toBe("application/json");
      expect(JSON.parse(answer.body)).toMatchObject({ jsonrpc: "2.0", ...json });
    }
  });
});
