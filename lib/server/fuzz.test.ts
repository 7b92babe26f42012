import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@/lib/catalog";
import { getStore } from "@/lib/sandbox/store";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { newTenant, newUser } from "@/lib/sandbox/testing/fixtures";
import { createPortalServer } from "./portal-server";

/**
 * A bounded fuzz of the portal server's two machine-facing APIs, /api/mcp and the sandbox's /sandbox/v1 (the
 * real handlers on a real port and a real SQLite file): a few thousand requests generated from a fixed seed
 * (FUZZ_SEED replays another), each of which must get an answer below 500, and a server that still answers
 * afterwards. A failure names the seed and the request's number, so it replays.
 */

setupTempDatabase();

const SEED = Number(process.env.FUZZ_SEED) || 20261207;
const REQUESTS = 2_000;
const CONCURRENCY = 8;
/** The fuzz stops sending after this, so it stays within a minute on a loaded machine (the requests' order is fixed, so a prefix replays too). */
const BUDGET_MS = 45_000;

/** mulberry32: a small, fast PRNG whose sequence is fixed by its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const STRINGS = [
  "",
  "a",
  "login",
  "ü€😀",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "%ff",
  "\u0000",
  "null",
  "-1",
  "1e309",
  "x".repeat(5000),
  "javascript:alert(1)",
];

function value(r: Rng, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1, 2 ** 53, -(2 ** 31), 3.14, 1e308]);
    case 3:
    case 4:
      return r.pick(STRINGS);
    case 5:
      return Array.from({ length: r.int(4) }, () => value(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, () => [
          r.pick([
            "name",
            "query",
            "arguments",
            "email",
            "uri",
            "id",
            "path",
            "method",
            "limit",
            "filters",
            r.pick(STRINGS),
          ]),
          value(r, depth + 1),
        ]),
      );
  }
}

/** A header value fetch can send: printable ASCII as is, anything else percent-encoded. */
const headerValue = (v: unknown) => {
  const text = String(v);
  return /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(text) ? text : encodeURIComponent(text);
};

interface Generated {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

const RPC_METHODS = [
  "initialize",
  "ping",
  "tools/list",
  "tools/call",
  "resources/list",
  "resources/read",
  "resources/templates/list",
  "prompts/list",
  "prompts/get",
  "completion/complete",
  "logging/setLevel",
  "notifications/initialized",
  "server/discover",
  "nope/nope",
];

function mcpRequest(r: Rng, tools: readonly string[]): Generated {
  const headers: Record<string, string> = {
    "content-type": r.chance(0.9) ? "application/json" : r.pick(["text/plain", "application/json; charset=utf-8"]),
    accept: r.chance(0.85) ? "application/json, text/event-stream" : r.pick(["application/json", "*/*", "text/html"]),
  };
  if (r.chance(0.9))
    headers["mcp-protocol-version"] = r.chance(0.8)
      ? "2025-06-18"
      : r.pick(["2025-11-25", "2024-11-05", "1999-01-01", "x"]);
  if (r.chance(0.1)) headers.origin = r.pick(["https://evil.example", "http://127.0.0.1"]);
  const method = r.chance(0.93) ? "POST" : r.pick(["GET", "DELETE", "PUT", "OPTIONS"]);
  const rpcMethod = r.pick(RPC_METHODS);
  const params =
    rpcMethod === "tools/call" && r.chance(0.8)
      ? {
          name: r.chance(0.9) ? r.pick(tools) : r.pick(STRINGS),
          arguments: r.chance(0.8)
            ? value(r)
            : { query: r.pick(STRINGS), path: r.pick(["/v1/auth/login", "/v1/nope", r.pick(STRINGS)]) },
        }
      : r.chance(0.7)
        ? value(r)
        : undefined;
  const message = {
    jsonrpc: r.chance(0.95) ? "2.0" : value(r),
    id: r.chance(0.9) ? r.int(1000) : value(r),
    method: r.chance(0.97) ? rpcMethod : value(r),
    ...(params === undefined ? {} : { params }),
  };
  const body = r.pick([
    () => JSON.stringify(message),
    () => JSON.stringify(message),
    () => JSON.stringify(message),
    () => JSON.stringify(message),
    () => JSON.stringify(message),
    () => JSON.stringify(message),
    () => JSON.stringify([message, message]),
    () => JSON.stringify(value(r)),
    () => JSON.stringify(message).slice(0, r.int(40)),
    () => "",
  ])();
  return {
    method,
    path: r.chance(0.97) ? "/api/mcp" : r.pick(["/api/mcp?x=1", "/api/mcp?"]),
    headers,
    ...(method === "POST" || method === "PUT" ? { body } : {}),
  };
}

interface Keys {
  public: string;
  secret: string;
  token: string;
}

function sandboxRequest(r: Rng, keys: Keys): Generated {
  const endpoint = r.pick(endpoints);
  const path = endpoint.path.replace(/\{[^}]+\}/g, () =>
    encodeURIComponent(String(r.chance(0.5) ? crypto.randomUUID() : value(r))),
  );
  const query = r.chance(0.5)
    ? `?${new URLSearchParams(Array.from({ length: r.int(4) }, () => [r.pick(["limit", "skip", "q", "search", "filters", "sort", "page", r.pick(STRINGS)]), String(value(r))]))}`
    : "";
  const headers: Record<string, string> = { "x-forwarded-for": `10.9.${r.int(256)}.${r.int(256)}` };
  const key = r.chance(0.8) ? keys.public : r.pick([keys.secret, "pk_live_wrong", "", null]);
  if (key !== null) headers["x-api-key"] = key;
  const auth = r.chance(0.75) ? `Bearer ${keys.token}` : r.pick(["Bearer nope", "bearer", "Basic eA==", null]);
  if (auth !== null) headers.authorization = auth;
  if (r.chance(0.3)) headers["x-organization-id"] = r.chance(0.5) ? crypto.randomUUID() : headerValue(value(r));
  const method = r.chance(0.85) ? endpoint.method : r.pick(["GET", "POST", "PUT", "PATCH", "DELETE"]);
  let body: string | FormData | undefined;
  if (method !== "GET" && method !== "DELETE" && r.chance(0.9)) {
    if (endpoint.body?.contentType === "multipart/form-data" && r.chance(0.6)) {
      const form = new FormData();
      if (r.chance(0.8)) form.append("file", new Blob([String(value(r))]), r.pick(["a.txt", "", "../x", "ü.png"]));
      if (r.chance(0.3)) form.append(r.pick(STRINGS), String(value(r)));
      body = form;
    } else {
      const example = endpoint.body?.examples[0]?.value;
      const base =
        example && typeof example === "object" && r.chance(0.6) ? { ...(example as Record<string, unknown>) } : {};
      for (let i = r.int(3); i > 0; i--) {
        const keys = Object.keys(base);
        base[keys.length && r.chance(0.7) ? r.pick(keys) : r.pick(STRINGS)] = value(r);
      }
      body = r.pick([
        () => JSON.stringify(base),
        () => JSON.stringify(value(r)),
        () => JSON.stringify(base).slice(1),
        () => "",
      ])();
      headers["content-type"] = r.pick(["application/json", "application/json", "text/plain"]);
    }
  }
  return { method, path: `/sandbox${path}${query}`, headers, ...(body === undefined ? {} : { body }) };
}

const server = createPortalServer((_req, res) =>
  res.writeHead(404, { "content-type": "text/plain" }).end("next is not part of this test"),
);
let origin = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const mcpCall = (body: unknown) =>
  fetch(`${origin}/api/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-06-18",
    },
    body: JSON.stringify(body),
  });

describe(`fuzz (seed ${SEED})`, () => {
  it(
    `up to ${REQUESTS} generated requests to /api/mcp and /sandbox/v1 (at most ${BUDGET_MS / 1000} s): no 5xx, and the server answers afterwards`,
    { timeout: 90_000 },
    async () => {
      const tenant = await newTenant();
      const keys: Keys = {
        public: tenant.public_key,
        secret: tenant.secret_key,
        token: (await newUser(tenant)).tokens.access_token,
      };
      const listed = (await (await mcpCall({ jsonrpc: "2.0", id: 1, method: "tools/list" })).json()) as {
        result: { tools: { name: string }[] };
      };
      const tools = listed.result.tools.map((t) => t.name);
      expect(tools.length).toBeGreaterThan(5);

      const r = prng(SEED);
      // Generated up front, in order, so the sequence does not depend on how the answers interleave.
      const requests = Array.from({ length: REQUESTS }, () =>
        r.chance(0.5) ? mcpRequest(r, tools) : sandboxRequest(r, keys),
      );
      const failures: string[] = [];
      const spent = { mcp: 0, sandbox: 0 };
      const statuses = new Map<number, number>();
      let next = 0;
      const started = Date.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < requests.length && Date.now() - started < BUDGET_MS) {
            const n = next++;
            const g = requests[n]!;
            const what = `#${n} ${g.method} ${g.path.slice(0, 120)}`;
            const t0 = Date.now();
            try {
              const res = await fetch(`${origin}${g.path}`, {
                method: g.method,
                headers: g.headers,
                body: g.body ?? null,
                signal: AbortSignal.timeout(15_000),
              });
              // Server-sent events are read until the first event; everything else to the end.
              if ((res.headers.get("content-type") ?? "").includes("text/event-stream")) await res.body?.cancel();
              else await res.arrayBuffer();
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              if (res.status >= 500) failures.push(`${what} → ${res.status}`);
            } catch (e) {
              failures.push(`${what} → ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
            }
            spent[g.path.startsWith("/api/mcp") ? "mcp" : "sandbox"] += Date.now() - t0;
          }
        }),
      );
      const ms = Date.now() - started;
      console.log(
        `fuzz seed ${SEED}: ${next} of ${REQUESTS} requests in ${ms} ms (waiting on MCP ${spent.mcp} ms, sandbox ${spent.sandbox} ms); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
      );
      expect(failures, `seed ${SEED} (FUZZ_SEED=${SEED} replays)`).toEqual([]);
      // Even on a machine too loaded to send them all, enough to mean something.
      expect(next).toBeGreaterThanOrEqual(Math.min(REQUESTS, 1_000));
      // Varied enough to have reached handlers, not only the front door.
      expect([...statuses.keys()].filter((s) => s < 300).length).toBeGreaterThan(0);
      expect(statuses.size).toBeGreaterThan(5);

      // Still alive and still right.
      const ping = await mcpCall({
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "get_endpoint_details", arguments: { path: "/v1/auth/login" } },
      });
      expect(ping.status).toBe(200);
      // A fresh user: the fuzz may have logged the first one out, or deleted it.
      const fresh = (await newUser(tenant)).tokens.access_token;
      const me = await fetch(`${origin}/sandbox/v1/auth/me`, {
        headers: { "x-api-key": keys.public, authorization: `Bearer ${fresh}`, "x-forwarded-for": "10.8.0.1" },
      });
      expect(me.status).toBe(200);
      expect(await getStore()).toBeDefined();
    },
  );
});
