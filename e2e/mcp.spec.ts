import { expect, test } from "@playwright/test";
import { connectV1, connectV2, expectEveryToolAnswers, SANDBOX_TOOL_NAMES, TOOL_NAMES, textOf } from "./mcp-clients";

const mcpUrl = (baseURL: string | undefined) => `${baseURL}/api/mcp`;
const ORG = "3f2b8c1e-9d4a-4b7e-8f1a-2c3d4e5f6a7b";

test.describe("MCP over Streamable HTTP, @modelcontextprotocol/client 2.x", () => {
  test("lists the nine tools with titles, read-only annotations and output schemas, then the sandbox tools", async ({
    baseURL,
  }) => {
    const client = await connectV2(mcpUrl(baseURL));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOL_NAMES);
    for (const t of tools) {
      expect(t.title, t.name).toBeTruthy();
      // The sandbox tools that write say so; every tool stays in the portal (no open world).
      expect(t.annotations?.readOnlyHint, t.name).toBe(!["create_sandbox_tenant", "call_sandbox"].includes(t.name));
      expect(t.annotations?.openWorldHint, t.name).toBe(false);
    }
    const withOutput = tools
      .filter((t) => t.outputSchema)
      .map((t) => t.name)
      .sort();
    expect(withOutput).toEqual(
      [
        "get_api_overview",
        "get_end_user_endpoints",
        "get_endpoint_details",
        "get_openapi_spec",
        "search_endpoints",
        ...SANDBOX_TOOL_NAMES,
      ].sort(),
    );
    await client.close();
  });

  test("calls every tool", async ({ baseURL }) => {
    const client = await connectV2(mcpUrl(baseURL));
    await expectEveryToolAnswers(client);
    await client.close();
  });

  test("get_endpoint_details resolves concrete paths, works without a method and explains unknown paths", async ({
    baseURL,
  }) => {
    const client = await connectV2(mcpUrl(baseURL));
    const concrete = await client.callTool({
      name: "get_endpoint_details",
      arguments: { path: `/v1/organizations/${ORG}/members?limit=5` },
    });
    expect(textOf(concrete)).toContain("# GET /v1/organizations/{organization_id}/members");
    expect(textOf(concrete)).toContain(`organization_id = ${ORG}`);
    const both = await client.callTool({ name: "get_endpoint_details", arguments: { path: "/v1/user/files/folders" } });
    const matches = (both.structuredContent as { matches: Array<{ method: string; path: string }> }).matches;
    expect(matches.map((m) => `${m.method} ${m.path}`).sort()).toEqual([
      "GET /v1/user/files/folders",
      "POST /v1/user/files/folders",
    ]);
    const lower = await client.callTool({
      name: "get_endpoint_details",
      arguments: { path: "/v1/auth/login", method: "post" },
    });
    expect(lower.isError).toBeFalsy();
    const unknown = await client.callTool({ name: "get_endpoint_details", arguments: { path: "/v1/auth/signin" } });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/Nearest endpoints:[\s\S]*\/v1\/auth\//);
    const wrongMethod = await client.callTool({
      name: "get_endpoint_details",
      arguments: { path: "/v1/auth/login", method: "GET" },
    });
    expect(wrongMethod.isError).toBe(true);
    expect(textOf(wrongMethod)).toContain("POST");
    await client.close();
  });

  test("the index lists all 109 endpoints in one answer; category details stay under 12,000 characters and page", async ({
    baseURL,
  }) => {
    const client = await connectV2(mcpUrl(baseURL));
    const first = await client.callTool({ name: "get_end_user_endpoints", arguments: {} });
    const data = first.structuredContent as { pages: number; total_endpoints: number; endpoints: unknown[] };
    expect([data.total_endpoints, data.pages, data.endpoints.length]).toEqual([109, 1, 109]);
    expect(textOf(first).length).toBeLessThanOrEqual(13_000);
    const orgs = await client.callTool({ name: "get_end_user_endpoints", arguments: { category: "organizations" } });
    const orgData = orgs.structuredContent as { pages: number };
    expect(orgData.pages).toBeGreaterThan(1);
    expect(textOf(orgs).length).toBeLessThanOrEqual(12_000);
    await client.close();
  });

  test("rejects bad arguments with a clear error, never a dump", async ({ baseURL }) => {
    const client = await connectV2(mcpUrl(baseURL));
    const cases: Array<[string, Record<string, unknown>]> = [
      ["search_endpoints", {}],
      ["search_endpoints", { query: "   " }],
      ["search_endpoints", { query: 42 }],
      ["get_end_user_endpoints", { category: "nope" }],
      ["get_endpoint_details", {}],
      ["get_endpoint_details", { path: "/v1/auth/login", method: "FETCH" }],
      ["get_openapi_spec", { path: "/v1/nothing/here" }],
    ];
    for (const [name, args] of cases) {
      let text: string;
      try {
        const r = await client.callTool({ name, arguments: args });
        expect(r.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
        text = textOf(r);
      } catch (e) {
        text = String(e);
        expect(text, `${name} ${JSON.stringify(args)}`).toMatch(/-32602|invalid/i);
      }
      expect(text.length, name).toBeLessThan(2_000);
    }
    await client.close();
  });

  test("serves resources and prompts from the catalog", async ({ baseURL }) => {
    const client = await connectV2(mcpUrl(baseURL));
    const { resources } = await client.listResources();
    expect(resources.filter((r) => r.uri.startsWith("saas-api://endpoints/"))).toHaveLength(109);
    expect(resources.map((r) => r.uri)).toEqual(
      expect.arrayContaining(["saas-api://openapi.json", "saas-api://guides/authentication-flow"]),
    );
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain("saas-api://endpoints/{id}");
    const login = await client.readResource({ uri: "saas-api://endpoints/authentication.login" });
    expect((login.contents[0] as { text: string }).text).toContain("# POST /v1/auth/login");
    const openapi = await client.readResource({ uri: "saas-api://openapi.json" });
    expect(JSON.parse((openapi.contents[0] as { text: string }).text).openapi).toBe("3.1.0");
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(["build-auth-ui", "integrate-endpoint", "try-endpoint"]);
    const tryIt = await client.getPrompt({ name: "try-endpoint", arguments: { endpoint: "GET /v1/auth/me" } });
    expect(JSON.stringify(tryIt.messages)).toMatch(
      /create_sandbox_tenant[\s\S]*POST, path \/v1\/auth\/register[\s\S]*method GET, path \/v1\/auth\/me/,
    );
    const prompt = await client.getPrompt({
      name: "integrate-endpoint",
      arguments: { endpoint: "POST /v1/user/files" },
    });
    expect(JSON.stringify(prompt.messages)).toContain("multipart/form-data");
    await client.close();
  });
});

test.describe("MCP over Streamable HTTP, @modelcontextprotocol/sdk 1.x", () => {
  test("an older client lists and calls every tool", async ({ baseURL }) => {
    const client = await connectV1(mcpUrl(baseURL));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    await expectEveryToolAnswers(client);
    await client.close();
  });
});

test.describe("MCP transport rules", () => {
  const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  const init = (version: string) =>
    JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: version, capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    });

  for (const version of ["2025-06-18", "2025-11-25"]) {
    test(`initializes a ${version} client`, async ({ request }) => {
      const res = await request.post("/api/mcp", { headers, data: init(version) });
      expect(res.status()).toBe(200);
      expect(await res.text()).toContain(`"protocolVersion":"${version}"`);
    });
  }

  test("GET and DELETE answer 405", async ({ request }) => {
    expect((await request.get("/api/mcp")).status()).toBe(405);
    expect((await request.delete("/api/mcp")).status()).toBe(405);
  });

  test("a foreign Origin gets 403; no Origin and the portal's own origin pass", async ({ request, baseURL }) => {
    const foreign = await request.post("/api/mcp", {
      headers: { ...headers, origin: "https://evil.example" },
      data: init("2025-06-18"),
    });
    expect(foreign.status()).toBe(403);
    const own = await request.post("/api/mcp", { headers: { ...headers, origin: baseURL! }, data: init("2025-06-18") });
    expect(own.status()).toBe(200);
    const none = await request.post("/api/mcp", { headers, data: init("2025-06-18") });
    expect(none.status()).toBe(200);
  });

  test("a foreign Host (DNS rebinding) gets 403", async ({ request }) => {
    const res = await request.post("/api/mcp", {
      headers: { ...headers, host: "evil.example:3210" },
      data: init("2025-06-18"),
    });
    expect(res.status()).toBe(403);
  });

  test("malformed JSON answers -32700 with 400, an oversized body 413", async ({ request }) => {
    const bad = await request.post("/api/mcp", { headers, data: Buffer.from("{not json") });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe(-32700);
    const big = await request.post("/api/mcp", {
      headers,
      data: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(300_000) } }),
    });
    expect(big.status()).toBe(413);
  });
});
