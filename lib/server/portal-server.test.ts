import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { newTenant, newUser, TEST_PASSWORD } from "@/lib/sandbox/testing/fixtures";
import { createPortalServer, routeOf } from "./portal-server";

setupTempDatabase();

describe("routeOf", () => {
  it.each([
    ["POST", "/api/mcp", "mcp"],
    ["GET", "/api/mcp", "mcp"],
    ["DELETE", "/api/mcp?x=1", "mcp"],
    ["OPTIONS", "/api/mcp", "next"],
    ["POST", "/api/mcp/", "next"],
    ["POST", "/api/mcpx", "next"],
    ["GET", "/sandbox/v1/auth/me", "sandbox"],
    ["PATCH", "/sandbox/v1/entity/records/1?x=/", "sandbox"],
    ["HEAD", "/sandbox/v1/auth/me", "next"],
    ["OPTIONS", "/sandbox/v1/auth/me", "next"],
    ["POST", "/sandbox/tenants", "next"],
    ["GET", "/sandbox/v1", "next"],
    ["GET", "/sandbox", "next"],
    ["GET", "/", "next"],
    ["GET", "/reference/authentication/login.md", "next"],
  ] as const)("%s %s → %s", (method, url, route) => {
    expect(routeOf(method, url)).toBe(route);
  });
});

describe("createPortalServer", () => {
  let origin = "";
  const toNext: string[] = [];
  const server = createPortalServer((req, res) => {
    toNext.push(`${req.method} ${req.url}`);
    res.writeHead(299, { "content-type": "text/plain" }).end("from next");
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const mcp = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/mcp`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2025-06-18",
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("answers MCP itself, with links to the origin it was asked at", async () => {
    const res = await mcp({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "get_endpoint_details", arguments: { path: "/v1/auth/login" } },
    });
    expect(res.status).toBe(200);
    const rpc = (await res.json()) as { result: { structuredContent: unknown; content: { text: string }[] } };
    expect(JSON.stringify(rpc.result.structuredContent)).toContain('"/v1/auth/login"');
    expect(rpc.result.content[0]!.text).toContain(origin);
    expect(toNext).toEqual([]);
  });

  it("answers many MCP requests at once", async () => {
    const queries = [
      "login",
      "upload a file",
      "sign up",
      "cancel at period end",
      "invite a member",
      "refresh token",
      "create organisation",
      "search records",
    ];
    const answers = await Promise.all(
      queries.flatMap((query, i) =>
        [0, 1].map((j) =>
          mcp({
            jsonrpc: "2.0",
            id: i * 2 + j,
            method: "tools/call",
            params: { name: "search_endpoints", arguments: { query } },
          }),
        ),
      ),
    );
    for (const [n, res] of answers.entries()) {
      expect(res.status).toBe(200);
      const rpc = (await res.json()) as { id: number; result: { isError?: boolean; content: { text: string }[] } };
      expect(rpc.id).toBe(n);
      expect(rpc.result.isError).toBeFalsy();
      expect(rpc.result.content[0]!.text).toContain(origin);
    }
  });

  it("streams a 2026-era subscriptions/listen answer while other calls are in flight", async () => {
    const meta = {
      "io.modelcontextprotocol/protocolVersion": "2026-07-28",
      "io.modelcontextprotocol/clientInfo": { name: "portal-server-test", version: "1" },
      "io.modelcontextprotocol/clientCapabilities": {},
    };
    const aborted = new AbortController();
    const others = [1, 2, 3, 4, 5, 6].map((id) =>
      mcp({
        jsonrpc: "2.0",
        id,
        method: "tools/call",
        params: { name: "search_endpoints", arguments: { query: "login" } },
      }),
    );
    const listen = fetch(`${origin}/api/mcp`, {
      method: "POST",
      signal: aborted.signal,
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2026-07-28",
        "mcp-method": "subscriptions/listen",
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 9,
        method: "subscriptions/listen",
        params: { _meta: meta, notifications: { toolsListChanged: true } },
      }),
    });
    try {
      const res = await listen;
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const reader = res.body!.getReader();
      let text = "";
      while (!text.includes("\n\n")) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toContain("notifications/subscriptions/acknowledged");
      for (const other of await Promise.all(others)) expect(other.status).toBe(200);
    } finally {
      aborted.abort();
    }
  });

  it("keeps the endpoint's checks: 405 for GET, 403 for a foreign Origin, -32700 for bad JSON, 413 past the cap", async () => {
    const get = await fetch(`${origin}/api/mcp`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const foreign = await mcp({ jsonrpc: "2.0", id: 1, method: "ping" }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const bad = await mcp("{not json");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: number } }).error.code).toBe(-32700);
    const huge = await mcp(
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(300 * 1024) } }),
    );
    expect(huge.status).toBe(413);
    expect(toNext).toEqual([]);
  });

  it("answers the sandbox API itself: bodies in, JSON out, the client's address for per-IP limits", async () => {
    const tenant = await newTenant();
    const { user } = await newUser(tenant, { email: "portal-server@example.com" });
    const login = await fetch(`${origin}/sandbox/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": tenant.public_key },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { access_token } = (await login.json()) as { access_token: string };
    const me = await fetch(`${origin}/sandbox/v1/auth/me`, {
      headers: { "x-api-key": tenant.public_key, authorization: `Bearer ${access_token}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(user.email);
    const invalid = await fetch(`${origin}/sandbox/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": tenant.public_key },
      body: "{",
    });
    expect(invalid.status).toBe(422);
    expect(toNext).toEqual([]);
  });

  it("a body answered before it was read is discarded up to its cap, or closes its connection; the next request is not stalled behind it", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request(
          `${origin}${path}`,
          { method, agent, headers: { "content-type": "application/json", ...headers } },
          (res) => {
            res.resume().on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
          },
        );
        req.setTimeout(5_000, () => req.destroy(new Error(`${method} ${path} stalled`)));
        req.on("error", reject);
        req.end(body);
      });
    try {
      const big = JSON.stringify({ email: "a@example.com", password: "x".repeat(200_000) });
      expect(await send("GET", "/sandbox/v1/auth/me")).toEqual({ status: 401, reused: false });
      expect(await send("GET", "/sandbox/v1/auth/me")).toEqual({ status: 401, reused: true });
      // No key: 401 before the body is read; the sandbox then reads and discards it (up to its cap), so the client
      // can read the answer and the connection stays open.
      expect((await send("POST", "/sandbox/v1/auth/login", big)).status).toBe(401);
      expect(await send("GET", "/sandbox/v1/auth/me")).toEqual({ status: 401, reused: true });
      // Over the cap: 413, and the connection closes after it.
      expect(
        (
          await send("POST", "/sandbox/v1/auth/login", "x".repeat(6 * 1024 * 1024), {
            "x-api-key": (await newTenant()).public_key,
          })
        ).status,
      ).toBe(413);
      expect(await send("GET", "/sandbox/v1/auth/me")).toEqual({ status: 401, reused: false });
      // A body that was read: the connection stays open.
      expect((await send("POST", "/sandbox/v1/auth/login", "{", { "x-api-key": "pk_live_unknown" })).status).toBe(401);
      expect(
        (await send("POST", "/sandbox/v1/auth/login", "{}", { "x-api-key": (await newTenant()).public_key })).status,
      ).toBe(422);
      expect(await send("GET", "/sandbox/v1/auth/me")).toEqual({ status: 401, reused: true });
      // MCP: refused for its Origin before the body is read.
      expect((await send("POST", "/api/mcp", big, { origin: "https://evil.example" })).status).toBe(403);
      expect(await send("GET", "/sandbox/v1/auth/me")).toEqual({ status: 401, reused: false });
    } finally {
      agent.destroy();
    }
  });

  it("hands everything else to Next, untouched", async () => {
    for (const [method, path] of [
      ["GET", "/"],
      ["POST", "/sandbox/tenants"],
      ["HEAD", "/sandbox/v1/auth/me"],
      ["OPTIONS", "/api/mcp"],
    ] as const) {
      const res = await fetch(`${origin}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(299);
    }
    expect(toNext).toEqual(["GET /", "POST /sandbox/tenants", "HEAD /sandbox/v1/auth/me", "OPTIONS /api/mcp"]);
    toNext.length = 0;
  });
});
