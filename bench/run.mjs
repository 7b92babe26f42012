#!/usr/bin/env node
/**
 * npm run bench: tools/call throughput and latency of our MCP endpoint, POST /api/mcp, as the portal serves it
 * (`npm start`: bin/portal.mjs, where the endpoint's handler answers without Next's router), under plain
 * `next start` (the App Router route, app/api/mcp/route.ts), on its own (bin/mcp-http.mjs: the same lib/mcp on
 * node:http), and the seed's original server (bench/seed-http-server.mjs: SDK 1.x, Streamable HTTP on node:http),
 * on the same machine in the same run. Prints figures only: no thresholds, no pass/fail. Besides the catalog tools,
 * `call_sandbox GET /v1/auth/me`: a sandbox request run in process, with a tenant and user made on each server first.
 *
 * Env: BENCH_SECONDS (measure, default 8), BENCH_WARMUP (seconds of warm-up per target, default 2),
 *      BENCH_CONNECTIONS (default "1,50"), BENCH_FLOOR=0 to skip the GET /api/health reference rows,
 *      BENCH_PORTAL_PORT / BENCH_NEXT_PORT / BENCH_HTTP_PORT / BENCH_SEED_PORT (default: free ports picked by the system),
 *      BENCH_SERVERS=portal,seed (default: all four) to measure only some of the servers,
 *      BENCH_HANDLER=0 to skip the in-process handler figures (bench/mcp-handler.ts),
 *      SANDBOX_DB_PATH (default: a fresh file in the temp directory per run, which every server uses).
 * Assumes `npm run build` ran; builds first when it did not.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { join } from "node:path";
import {
  Abort,
  ensureBuild,
  fmtInt,
  fmtMs,
  measureLoad,
  root,
  start,
  startNext,
  startPortal,
  stopChildren,
  table,
  waitFor,
} from "./lib.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS) || 8;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? "1,50")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const HEADERS = {
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-06-18",
};

const CALLS = [
  {
    label: "get_endpoint_details",
    name: "get_endpoint_details",
    arguments: { path: "/v1/auth/login", method: "POST" },
    servers: ["portal", "next", "http", "seed"],
  },
  {
    label: 'search_endpoints "login"',
    name: "search_endpoints",
    arguments: { query: "login" },
    servers: ["portal", "next", "http", "seed"],
  },
  {
    label: 'search_endpoints "upload a file"',
    name: "search_endpoints",
    arguments: { query: "upload a file" },
    servers: ["portal", "next", "http"],
  },
  // A sandbox request in process: its keys and token come from a tenant and user made through the same server first (sandboxArgs).
  { label: "call_sandbox GET /v1/auth/me", name: "call_sandbox", arguments: null, servers: ["portal", "next", "http"] },
];
const MEASURED = new Set((process.env.BENCH_SERVERS ?? "portal,next,http,seed").split(",").map((s) => s.trim()));
for (const call of CALLS) call.servers = call.servers.filter((s) => MEASURED.has(s));
/** Arguments of a call on one server: call_sandbox's carry that server's tenant keys and token (sandboxArgs). */
const argsOf = (call, server) => call.arguments ?? call.argsByServer?.[server];
const bodyOf = (call, server) =>
  JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "tools/call",
    params: { name: call.name, arguments: argsOf(call, server) },
  });
// One fresh sandbox database per run (the servers inherit it): no tenant limit or state left from an earlier run.
process.env.SANDBOX_DB_PATH ??= join(os.tmpdir(), `portal-bench-${process.pid}-${Date.now()}.db`);

/** A sandbox tenant and a signed-in user made by tool calls on `server`: call_sandbox GET /v1/auth/me's arguments there. */
async function sandboxArgs(server) {
  const tool = async (name, args) => {
    const res = await fetch(server.url, {
      method: "POST",
      headers: HEADERS,
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }),
    });
    const rpc = parseRpc(await res.text(), res.headers.get("content-type") ?? "");
    if (!rpc?.result || rpc.result.isError)
      throw new Abort(`${server.name} ${name}: ${JSON.stringify(rpc).slice(0, 2000)}`);
    return rpc.result.structuredContent;
  };
  const tenant = await tool("create_sandbox_tenant", {});
  const reg = await tool("call_sandbox", {
    method: "POST",
    path: "/v1/auth/register",
    api_key: tenant.public_key,
    body: { email: "bench@example.com", password: "SecurePass123" },
  });
  if (reg.status !== 201) throw new Abort(`${server.name}: register answered ${reg.status}`);
  return { method: "GET", path: "/v1/auth/me", api_key: tenant.public_key, access_token: reg.body.access_token };
}

// ---------------------------------------------------------------------------------------------------------------
// One request: check it is a successful tools/call result; note the response size.

function parseRpc(text, contentType) {
  if (contentType.includes("text/event-stream")) {
    const data = text
      .split(/\r?\n/)
      .filter((l) => l.startsWith("data:"))
      .map((l) => l.slice(5).trim());
    return JSON.parse(data.at(-1) ?? "null");
  }
  return JSON.parse(text);
}

async function verify(server, call) {
  const res = await fetch(server.url, { method: "POST", headers: HEADERS, body: bodyOf(call, server.name) });
  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  let rpc;
  try {
    rpc = parseRpc(text, contentType);
  } catch {
    rpc = null;
  }
  const result = rpc?.result;
  const ok =
    res.ok &&
    rpc &&
    !rpc.error &&
    result &&
    !result.isError &&
    Array.isArray(result.content) &&
    result.content.length > 0;
  if (!ok)
    throw new Abort(
      `${server.name} ${call.label}: not a successful tools/call result (HTTP ${res.status}, ${contentType}):\n${text.slice(0, 4000)}`,
    );
  const textChars = result.content.filter((c) => c.type === "text").reduce((n, c) => n + c.text.length, 0);
  return {
    status: res.status,
    contentType: contentType.split(";")[0],
    bodyBytes: Buffer.byteLength(text),
    textChars,
    structured: result.structuredContent !== undefined,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Our handler in-process (no HTTP server): CPU per call, the figure least moved by other work on the machine.

function handlerCost() {
  // The in-process figures are the catalog tools' (the sandbox call needs a tenant on a server's database).
  const calls = [
    ...CALLS.filter((c) => c.arguments !== null).map((c) => ({ label: c.label, body: bodyOf(c) })),
    { label: "tools/list", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }) },
  ];
  const r = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx/esm", join(root, "bench", "mcp-handler.ts"), JSON.stringify(calls)],
    { cwd: root, encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" } },
  );
  if (r.status !== 0) throw new Abort(`bench/mcp-handler.ts failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  return r.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l));
}

// ---------------------------------------------------------------------------------------------------------------
// Load: autocannon, with exact (sub-millisecond) latency percentiles from every 2xx response time.

function load(url, body, connections, seconds, collect, pgid) {
  const request = body === undefined ? { method: "GET" } : { method: "POST", headers: HEADERS, body };
  return measureLoad({ url, ...request, connections, duration: seconds }, { collect, pgid });
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  ensureBuild();

  const seed = start("seed server", process.execPath, [
    join(root, "bench", "seed-http-server.mjs"),
    String(Number(process.env.BENCH_SEED_PORT) || 0),
  ]);
  const http = start("mcp-http", process.execPath, [join(root, "bin", "mcp-http.mjs")], {
    MCP_HTTP_PORT: String(Number(process.env.BENCH_HTTP_PORT) || 0),
    MCP_HTTP_HOST: "127.0.0.1",
  });

  let seedPort = 0;
  await waitFor(
    seed,
    async () => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seed.output);
      if (m) seedPort = Number(m[1]);
      return Boolean(m);
    },
    "the seed server to listen",
    20_000,
  );
  let httpUrl = "";
  await waitFor(
    http,
    async () => {
      const m = /listening on (http:\/\/\S+)/.exec(http.output);
      if (m) httpUrl = m[1];
      return Boolean(m);
    },
    "bin/mcp-http.mjs to listen",
    30_000,
  );
  const next = await startNext();
  const portal = await startPortal();

  const servers = {
    portal: {
      name: "portal",
      pgid: portal.child.pid,
      url: `${portal.origin}/api/mcp`,
      desc: `npm start (bin/portal.mjs) :${portal.port} POST /api/mcp`,
    },
    next: {
      name: "next",
      pgid: next.child.pid,
      url: `${next.origin}/api/mcp`,
      desc: `next start :${next.port} POST /api/mcp (app/api/mcp/route.ts)`,
    },
    http: {
      name: "http",
      pgid: http.pid,
      url: httpUrl,
      desc: `the same lib/mcp on node:http (bin/mcp-http.mjs) POST ${httpUrl}`,
    },
    seed: {
      name: "seed",
      pgid: seed.pid,
      url: `http://127.0.0.1:${seedPort}/mcp`,
      desc: `seed 2.2.0 on SDK 1.x + node:http :${seedPort} POST /mcp`,
    },
  };
  for (const s of Object.values(servers)) console.log(`${s.name.padEnd(6)} ${s.desc}`);
  console.log(
    `${SECONDS} s per measurement after ${WARMUP} s warm-up; connections ${CONNECTIONS.join(", ")}; node ${process.version}; load generator in this process`,
  );
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (other work on the machine skews every figure)\n`,
  );

  // One checked request per server and call before any load.
  const sizes = [];
  for (const call of CALLS.filter((c) => c.arguments === null)) {
    call.argsByServer = {};
    for (const s of call.servers) call.argsByServer[s] = await sandboxArgs(servers[s]);
  }
  for (const call of CALLS) {
    for (const s of call.servers) sizes.push({ server: s, call: call.label, ...(await verify(servers[s], call)) });
  }

  const handler = /^(0|false|no)$/i.test(process.env.BENCH_HANDLER ?? "") ? [] : handlerCost();

  const rows = [];
  // Reference: the same `next start` answering its cheapest route, no MCP at all (the framework's own floor).
  if (!/^(0|false|no)$/i.test(process.env.BENCH_FLOOR ?? "")) {
    const url = `${next.origin}/api/health`;
    for (const c of CONNECTIONS) {
      if (WARMUP > 0) await load(url, undefined, c, WARMUP, false);
      const m = await load(url, undefined, c, Math.min(SECONDS, 5), true, next.child.pid);
      rows.push({ server: "next", call: "GET /api/health (floor, no MCP)", connections: c, ...m });
      console.log(
        `  next GET /api/health (floor)          @${String(c).padEnd(3)} ${fmtInt(m.rps).padStart(6)} req/s  p50 ${fmtMs(m.p50)} ms  p99 ${fmtMs(m.p99)} ms  server CPU ${fmtMs(m.cpuMsPerReq)} ms/req`,
      );
    }
  }
  for (const call of CALLS) {
    for (const c of CONNECTIONS) {
      for (const s of call.servers) {
        const { url, pgid } = servers[s];
        const body = bodyOf(call, s);
        if (WARMUP > 0) await load(url, body, c, WARMUP, false);
        const m = await load(url, body, c, SECONDS, true, pgid);
        rows.push({ server: s, call: call.label, connections: c, ...m });
        console.log(
          `  ${s.padEnd(6)} ${call.label.padEnd(32)} @${String(c).padEnd(3)} ${fmtInt(m.rps).padStart(6)} req/s  p50 ${fmtMs(m.p50)} ms  p99 ${fmtMs(m.p99)} ms  server CPU ${fmtMs(m.cpuMsPerReq)} ms/req`,
        );
      }
    }
  }

  console.log("\nResults (req/s = autocannon per-second mean; p50/p99 = exact percentiles of 2xx response times;");
  console.log("server CPU ms/req = user+system CPU of the server's processes during the run / 2xx responses)\n");
  console.log(
    table(
      ["server", "call", "connections", "req/s", "p50 ms", "p99 ms", "errors/non-2xx", "server CPU ms/req"],
      rows.map((r) => [
        r.server,
        r.call,
        r.connections,
        fmtInt(r.rps),
        fmtMs(r.p50),
        fmtMs(r.p99),
        `${r.errors + r.timeouts}/${r.non2xx}`,
        fmtMs(r.cpuMsPerReq),
      ]),
      [2, 3, 4, 5, 6, 7],
    ),
  );

  if (handler.length) {
    console.log(
      "\nOur handler in-process (handleMcpPost from a web Request, no HTTP server; CPU ms per call, min and median of 7 rounds of 500)\n",
    );
    console.log(
      table(
        ["call", "CPU ms/call (min)", "CPU ms/call (median)"],
        handler.map((h) => [h.label, fmtMs(h.minMs), fmtMs(h.medianMs)]),
        [1, 2],
      ),
    );
  }

  console.log("\nResponse sizes (one request each; HTTP bytes/request from autocannon includes headers)\n");
  const perReq = (s, label) => rows.find((r) => r.server === s && r.call === label)?.bytesPerReq;
  console.log(
    table(
      ["server", "call", "content-type", "body bytes", "text chars", "structuredContent", "HTTP bytes/req"],
      sizes.map((z) => [
        z.server,
        z.call,
        z.contentType,
        fmtInt(z.bodyBytes),
        fmtInt(z.textChars),
        z.structured ? "yes" : "no",
        fmtInt(perReq(z.server, z.call)),
      ]),
      [3, 4, 6],
    ),
  );

  console.log(
    "\nGoal (issue): ≥1,500 req/s at 50 connections with p99 ≤50 ms; p50 ≤2 ms on one connection; not slower than the seed's server",
  );
  console.log(
    "(portal = /api/mcp as `npm start` serves it; next = the App Router route under next start; http = bin/mcp-http.mjs)\n",
  );
  const get = (s, label, c) => rows.find((r) => r.server === s && r.call === label && r.connections === c);
  const ratio = (a, b) => (a && b ? `${(a.rps / b.rps).toFixed(2)}× the seed's req/s` : "");
  const hi = Math.max(...CONNECTIONS);
  const lo = Math.min(...CONNECTIONS);
  for (const call of CALLS) {
    const s50 = get("seed", call.label, hi);
    const s1 = get("seed", call.label, lo);
    for (const who of ["portal", "next", "http"]) {
      const o50 = get(who, call.label, hi);
      const o1 = get(who, call.label, lo);
      if (o50) {
        const vs = s50 ? `; seed ${fmtInt(s50.rps)} req/s, p99 ${fmtMs(s50.p99)} ms (${ratio(o50, s50)})` : "";
        console.log(
          `${who.padEnd(6)} ${call.label} @${hi}: ${fmtInt(o50.rps)} req/s, p99 ${fmtMs(o50.p99)} ms (goal ≥1,500 req/s, p99 ≤50 ms)${vs}`,
        );
      }
      if (o1) {
        const vs = s1 ? `; seed p50 ${fmtMs(s1.p50)} ms, ${fmtInt(s1.rps)} req/s (${ratio(o1, s1)})` : "";
        console.log(
          `${who.padEnd(6)} ${call.label} @${lo}: p50 ${fmtMs(o1.p50)} ms, ${fmtInt(o1.rps)} req/s (goal p50 ≤2 ms)${vs}`,
        );
      }
    }
  }
  console.log(
    `\nTotal ${((Date.now() - t0) / 1000).toFixed(0)} s; load average now ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

try {
  await main();
  await stopChildren();
} catch (e) {
  console.error(`\nbench aborted: ${e instanceof Abort ? e.message : (e?.stack ?? e)}`);
  await stopChildren();
  process.exitCode = 1;
}
