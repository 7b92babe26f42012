#!/usr/bin/env node
/**
 * The sandbox as the portal serves it (`npm start`: bin/portal.mjs, the sandbox API's handler without Next's
 * router in front) and under plain `next start` (the App Router route), both on one SQLite file:
 * GET /sandbox/v1/auth/me and POST /sandbox/v1/entity/records/search over 100,000 records of one schema.
 * Prints figures only: no thresholds, no pass/fail.
 *
 * Set-up through the API (tenant, register + login, organization, schema), then the records written straight
 * into the sandbox's SQLite file (SANDBOX_DB_PATH, a temp file for this run) in one transaction.
 * Search is measured with the same filter every time (its COUNT is cached until the records change, as when a client
 * pages through results), and with a new filter on every request, so every request counts afresh: a new price threshold
 * (gt on a number, with eq on a string), a new ilike pattern on a string, and ordering by price with a random page.
 *
 * Env: BENCH_SECONDS (measure, default 8), BENCH_WARMUP (seconds, default 2), BENCH_SANDBOX_CONNECTIONS (default 10),
 *      BENCH_RECORDS (default 100000), BENCH_NEXT_PORT (of `next start`; default any free port). Assumes `npm run build` ran; builds first when .next/BUILD_ID is missing.
 *      BENCH_SANDBOX_ORIGIN=http://host:port measures a server already running instead, with SANDBOX_DB_PATH set to
 *      its SQLite file (a fresh one: the run registers bench@example.com).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Abort, ensureBuild, fmtInt, fmtMs, measureLoad, startNext, startPortal, stopChildren, table } from "./lib.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS) || 8;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_SANDBOX_CONNECTIONS) || 10;
const RECORDS = Number(process.env.BENCH_RECORDS) || 100_000;
const CATEGORIES = ["electronics", "books", "clothing", "toys", "garden"];
const PASSWORD = "BenchPass123";

/** One API call that must answer `status`; returns the JSON body. */
async function call(origin, method, path, { headers = {}, body, status = 200 } = {}) {
  const send = () =>
    fetch(`${origin}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A kept-alive connection the server closed meanwhile (its keep-alive timeout ran out while the records were
  // being written) fails before the request is sent: try once more on a new one.
  const res = await send().catch((e) => (e?.cause?.code === "UND_ERR_SOCKET" ? send() : Promise.reject(e)));
  const text = await res.text();
  if (res.status !== status) {
    const hint = res.status === 404 && path === "/sandbox/tenants" ? " (does this build predate the sandbox? run `npm run build`)" : "";
    throw new Abort(`${method} ${path}: HTTP ${res.status}, expected ${status}${hint}:\n${text.slice(0, 2000)}`);
  }
  return text ? JSON.parse(text) : null;
}

/** Deterministic pseudo-random numbers, so every run searches the same data. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** RECORDS records of the schema in one transaction, oldest first; returns how many match price > 500 and category "books". */
function insertRecords(dbPath, { tenantId, organizationId, schemaId, userId }) {
  const db = new Database(dbPath);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  const insert = db.prepare(
    `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const random = prng(42);
  const start = Date.now() - RECORDS * 1000;
  let matching = 0;
  db.transaction(() => {
    for (let i = 0; i < RECORDS; i++) {
      const price = Math.round(random() * 100_000) / 100;
      const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
      if (price > 500 && category === "books") matching += 1;
      const data = { name: `Product ${i}`, price, category, in_stock: random() < 0.8, sku: `SKU-${String(i).padStart(6, "0")}` };
      const at = new Date(start + i * 1000).toISOString();
      insert.run(crypto.randomUUID(), tenantId, organizationId, schemaId, JSON.stringify(data), userId, at, at);
    }
    // Every write to a schema's records bumps its revision: the server's cached search counts depend on it.
    db.prepare(`UPDATE entity_schemas SET records_revision = records_revision + 1 WHERE id = ?`).run(schemaId);
  })();
  db.pragma("wal_checkpoint(TRUNCATE)"); // measure the steady state, not reads through a 100,000-row WAL
  db.close();
  return matching;
}

/** autocannon at `connections`; p50/p99 are exact percentiles of every 2xx response time. */
async function load(target, connections, seconds, collect, pgid) {
  const request = { method: target.method, path: target.path, headers: target.headers };
  if (target.body) request.body = target.body;
  if (target.nextBody || target.nextPath) {
    request.setupRequest = (req) => ({ ...req, ...(target.nextBody ? { body: target.nextBody() } : {}), ...(target.nextPath ? { path: target.nextPath() } : {}) });
  }
  const m = await measureLoad({ url: target.origin, requests: [request], connections, duration: seconds }, { collect, pgid });
  return { ...m, errors: m.errors + m.timeouts };
}

async function main() {
  const t0 = Date.now();
  const external = process.env.BENCH_SANDBOX_ORIGIN;
  if (external && !process.env.SANDBOX_DB_PATH) throw new Abort("BENCH_SANDBOX_ORIGIN needs SANDBOX_DB_PATH: the server's SQLite file");
  if (!external) ensureBuild();
  const dir = mkdtempSync(join(os.tmpdir(), "sandbox-bench-"));
  const dbPath = external ? process.env.SANDBOX_DB_PATH : join(dir, "sandbox.db");
  try {
    const servers = external
      ? [{ name: "server", child: null, origin: external }]
      : [
          { name: "portal", ...(await startPortal({ SANDBOX_DB_PATH: dbPath })) },
          { name: "next", ...(await startNext({ SANDBOX_DB_PATH: dbPath })) },
        ];
    const origin = servers[0].origin;
    for (const s of servers) console.log(`${s.name.padEnd(6)} ${s.name === "portal" ? "npm start (bin/portal.mjs)" : s.name === "next" ? "next start" : "server"} at ${s.origin}`);
    console.log(`SANDBOX_DB_PATH=${dbPath}; node ${process.version}`);
    console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (other work on the machine skews every figure)\n`);

    const tenant = await call(origin, "POST", "/sandbox/tenants", { body: {}, status: 201 });
    const pk = { "x-api-key": tenant.public_key };
    const email = "bench@example.com";
    await call(origin, "POST", "/sandbox/v1/auth/register", { headers: pk, body: { email, password: PASSWORD, display_name: "Bench" }, status: 201 });
    const session = await call(origin, "POST", "/sandbox/v1/auth/login", { headers: pk, body: { email, password: PASSWORD } });
    const bearer = { authorization: `Bearer ${session.access_token}` };
    const org = await call(origin, "POST", "/sandbox/v1/organizations", { headers: { ...pk, ...bearer }, body: { name: "Bench Inc", slug: "bench-inc" }, status: 201 });
    const entityHeaders = { "x-api-key": tenant.secret_key, ...bearer, "x-organization-id": org.id, "content-type": "application/json" };
    const schema = await call(origin, "POST", "/sandbox/v1/entity/schemas", {
      headers: entityHeaders,
      status: 201,
      body: {
        name: "Products",
        slug: "products",
        fields_definition: {
          name: { type: "string", required: true, max_length: 200 },
          price: { type: "float", required: true, minimum: 0 },
          category: { type: "enum", required: true, values: CATEGORIES },
          in_stock: { type: "boolean", default: true },
          sku: { type: "string" },
        },
      },
    });

    const t1 = Date.now();
    const matching = insertRecords(dbPath, { tenantId: tenant.tenant_id, organizationId: org.id, schemaId: schema.id, userId: session.user.id });
    console.log(`${fmtInt(RECORDS)} records of one schema written straight to SQLite in ${fmtInt(Date.now() - t1)} ms (one transaction)`);

    const searchPath = "/sandbox/v1/entity/records/search?size=20";
    const filter = { schema_id: schema.id, query: { price: { operator: "gt", value: 500 }, category: { operator: "eq", value: "books" } } };
    const first = await call(origin, "POST", searchPath, { headers: entityHeaders, body: filter });
    if (first.total !== matching || first.items.length !== Math.min(20, matching)) {
      throw new Abort(`search answered total ${first.total} with ${first.items.length} items; expected ${matching} matching records`);
    }
    console.log(`search: price gt 500 and category eq "books" → ${fmtInt(first.total)} of ${fmtInt(RECORDS)} records, page of 20 newest first\n`);

    const random = prng(7);
    const newThreshold = () =>
      JSON.stringify({ ...filter, query: { ...filter.query, price: { operator: "gt", value: Math.round(random() * 100_000) / 100 } } });
    // "product 1234%": names of 11 records (Product 1234, 12340…12349), matched case-insensitively.
    const newPattern = () => JSON.stringify({ schema_id: schema.id, query: { name: { operator: "ilike", value: `product ${1000 + Math.floor(random() * 9000)}%` } } });
    const inStock = JSON.stringify({ schema_id: schema.id, query: { in_stock: true, category: { operator: "in", value: ["books", "toys"] } } });
    const orderedPath = () => `/sandbox/v1/entity/records/search?size=20&order_by=price&order_dir=asc&page=${1 + Math.floor(random() * 200)}`;
    const targets = [
      // The floor: a Next.js route handler that touches no database (what a request through Next costs).
      { label: "GET /api/health (no database)", method: "GET", path: "/api/health", headers: {} },
      { label: "GET /sandbox/v1/auth/me", method: "GET", path: "/sandbox/v1/auth/me", headers: { ...pk, ...bearer } },
      {
        label: "POST search, same filter (count cached)",
        method: "POST",
        path: searchPath,
        headers: entityHeaders,
        body: JSON.stringify(filter),
      },
      { label: "POST search, new price gt threshold + eq each time", method: "POST", path: searchPath, headers: entityHeaders, nextBody: newThreshold },
      { label: "POST search, new name ilike pattern each time", method: "POST", path: searchPath, headers: entityHeaders, nextBody: newPattern },
      { label: "POST search, eq + in, order_by price, random page ≤200", method: "POST", path: searchPath, headers: entityHeaders, body: inStock, nextPath: orderedPath },
      // One at a time: the cost of one request, without queueing behind the other connections.
      { label: "POST search, new price gt threshold + eq each time", method: "POST", path: searchPath, headers: entityHeaders, nextBody: newThreshold, connections: 1 },
    ];
    const rows = [];
    for (const server of servers) {
      for (const target of targets) {
        const t = { ...target, origin: server.origin };
        const connections = target.connections ?? CONNECTIONS;
        if (WARMUP > 0) await load(t, connections, WARMUP, false);
        const m = await load(t, connections, SECONDS, true, server.child?.pid);
        rows.push({ server: server.name, label: target.label, connections, ...m, load: os.loadavg()[0] });
        console.log(`  ${server.name.padEnd(6)} ${target.label.padEnd(54)} @${String(connections).padEnd(3)} ${fmtInt(m.rps).padStart(6)} req/s  p50 ${fmtMs(m.p50)} ms  p99 ${fmtMs(m.p99)} ms  server CPU ${fmtMs(m.cpuMsPerReq)} ms/req`);
      }
    }

    console.log("\nResults (req/s = autocannon per-second mean; p50/p99 = exact percentiles of 2xx response times;");
    console.log("server CPU ms/req = user+system CPU of the server's processes during the run / 2xx responses)\n");
    console.log(
      table(
        ["server", "call", "connections", "req/s", "p50 ms", "p99 ms", "errors/non-2xx", "server CPU ms/req", "load (1 min)"],
        rows.map((r) => [r.server, r.label, r.connections, fmtInt(r.rps), fmtMs(r.p50), fmtMs(r.p99), `${r.errors}/${r.non2xx}`, fmtMs(r.cpuMsPerReq), r.load.toFixed(2)]),
        [2, 3, 4, 5, 6, 7, 8],
      ),
    );
    console.log("(portal = `npm start`, the sandbox API answered without Next's router; next = the App Router route under `next start`)");
    console.log(`\nGoal (issue): search p99 ≤30 ms at ${CONNECTIONS} connections over ${fmtInt(RECORDS)} records of one schema`);
    console.log(`\nTotal ${((Date.now() - t0) / 1000).toFixed(0)} s; load average now ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    await stopChildren();
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (e) {
  console.error(`\nbench aborted: ${e instanceof Abort ? e.message : (e?.stack ?? e)}${e?.cause ? `\ncause: ${e.cause.stack ?? e.cause}` : ""}`);
  process.exitCode = 1;
}
