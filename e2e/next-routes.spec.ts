import { expect, test } from "@playwright/test";
import { connectV2, TOOL_CALLS } from "./mcp-clients";

/**
 * `npm start` (the suite's server) answers /api/mcp and /sandbox/v1 with their handlers directly; `next dev` and
 * `next start` answer them through the App Router routes. Both must be the same API: playwright.config.ts starts
 * `next start` on the suite's sandbox database beside `npm start`, and this asks both servers the same things.
 */

const nextOrigin = `http://127.0.0.1:${process.env.E2E_NEXT_PORT}`;

test("MCP: the route under next start lists and answers exactly as the portal server does", async ({ baseURL }) => {
  const portal = await connectV2(`${baseURL}/api/mcp`);
  const route = await connectV2(`${nextOrigin}/api/mcp`);
  try {
    expect((await route.listTools()).tools).toEqual((await portal.listTools()).tools);
    expect((await route.listResources()).resources.map((r) => r.uri)).toEqual(
      (await portal.listResources()).resources.map((r) => r.uri),
    );
    // Answers link to the origin they were asked at; apart from that they are identical.
    const same = (value: unknown, origin: string) =>
      JSON.parse(JSON.stringify(value).replaceAll(origin, "ORIGIN")) as unknown;
    for (const call of [
      ...TOOL_CALLS,
      { name: "get_endpoint_details", args: { path: "/v1/nope" } },
      { name: "search_endpoints", args: { query: "" } },
    ]) {
      const a = await portal.callTool({ name: call.name, arguments: call.args });
      const b = await route.callTool({ name: call.name, arguments: call.args });
      expect(same(b, nextOrigin), call.name).toEqual(same(a, baseURL!));
    }
  } finally {
    await portal.close();
    await route.close();
  }
});

test("MCP: both answer the same HTTP errors", async ({ baseURL }) => {
  const post = (origin: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      body,
    });
  for (const [label, body, headers] of [
    ["malformed JSON", "{", {}],
    ["foreign origin", JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), { origin: "https://evil.example" }],
    ["foreign host", JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), { host: "evil.example" }],
    ["oversized", JSON.stringify({ pad: "x".repeat(300 * 1024) }), {}],
  ] as const) {
    const a = await post(baseURL!, body, headers);
    const b = await post(nextOrigin, body, headers);
    expect([b.status, await b.json()], label).toEqual([a.status, await a.json()]);
  }
  for (const method of ["GET", "DELETE"]) {
    const a = await fetch(`${baseURL}/api/mcp`, { method });
    const b = await fetch(`${nextOrigin}/api/mcp`, { method });
    expect([b.status, b.headers.get("allow"), await b.json()], method).toEqual([
      a.status,
      a.headers.get("allow"),
      await a.json(),
    ]);
  }
});

test("sandbox: one API whichever server answers — a session started on one works on the other", async ({ baseURL }) => {
  const tenant = (await (
    await fetch(`${baseURL}/sandbox/tenants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    })
  ).json()) as {
    public_key: string;
  };
  const call = (origin: string, method: string, path: string, body?: unknown, token?: string) =>
    fetch(`${origin}/sandbox/v1${path}`, {
      method,
      headers: {
        "x-api-key": tenant.public_key,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const email = `parity-${Date.now()}@example.com`;
  const registered = await call(nextOrigin, "POST", "/auth/register", {
    email,
    password: "ParityPass123",
    display_name: "Parity",
  });
  expect(registered.status).toBe(201);
  const login = await call(baseURL!, "POST", "/auth/login", { email, password: "ParityPass123" });
  expect(login.status).toBe(200);
  const { access_token } = (await login.json()) as { access_token: string };
  const meA = await call(baseURL!, "GET", "/auth/me", undefined, access_token);
  const meB = await call(nextOrigin, "GET", "/auth/me", undefined, access_token);
  expect(meA.status).toBe(200);
  expect(await meB.json()).toEqual(await meA.json());
  for (const [method, path, body] of [
    ["POST", "/auth/login", { email: "not-an-email" }],
    ["GET", "/auth/me", undefined],
    ["GET", "/no/such/endpoint", undefined],
    ["DELETE", "/auth/me", undefined],
  ] as const) {
    const a = await call(baseURL!, method, path, body);
    const b = await call(nextOrigin, method, path, body);
    expect([b.status, await b.json()], `${method} ${path}`).toEqual([a.status, await a.json()]);
  }
});
