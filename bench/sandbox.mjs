#!/usr/bin/env node
/**
 * The sandbox as the portal serves it (`npm start`: bin/portal.mjs), once on SQLite and once on PostgreSQL
 * (SANDBOX_DATABASE_URL, a throwaway cluster this run starts and deletes), side by side:
 * GET /sandbox/v1/auth/me and POST /sandbox/v1/entity/records/search over 100,000 records of one schema.
 * Prints figures only: no thresholds, no pass/fail.
 *
 * Set-up through the API (tenant, register + login, organization, schema), then the records written straight
 * into each database (SQLite: SANDBOX_DB_PATH, a temp file; PostgreSQL: one multi-row INSERT per batch, then VACUUM
 * ANALYZE, as autovacuum does after a bulk load) in one transaction. The two servers are measured in turn, call by call.
 * Search is measured with the same filter every time (its COUNT is cached until the records change, as when a client
 * pages through results), and with a new filter on every request, so every request counts afresh: a new price threshold
 * (gt on a number, with eq on a string), a new ilike pattern on a string, and ordering by price with a random page.
 *
 * Env: BENCH_SECONDS (measure, default 8), BENCH_WARMUP (seconds, default 2), BENCH_SANDBOX_CONNECTIONS (default 10),
 *      BENCH_RECORDS (default 100000), BENCH_PORTAL_PORT (the first server's; the next one takes the port after it), BENCH_PG_PORT (of the throwaway PostgreSQL; default any free port),
 *      BENCH_SANDBOX_ENGINES (default "sqlite,postgres"). Assumes `npm run build` ran; builds first when .next/BUILD_ID is missing.
 *      BENCH_SANDBOX_ORIGIN=http://host:port measures a server already running instead (SQLite only), with
 *      SANDBOX_DB_PATH set to its SQLite file (a fresh one: the run registers bench@example.com).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import {
  Abort,
  ensureBuild,
  fmtInt,
  fmtMs,
  measureLoad,
  procCpuSeconds,
  startPortal,
  stopChildren,
  table,
} from "./lib.mjs";
import { startPostgresCluster } from "../lib/sandbox/testing/postgres-cluster.mjs";

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
    const hint =
      res.status === 404 && path === "/sandbox/tenants"
        ? " (does this build predate the sandbox? run `npm run build`)"
        : "";
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

/** The bench's records, oldest first, as [id, data JSON, created_at]; and how many match price > 500 and category "books". */
function benchRecords() {
  const random = prng(42);
  const start = Date.now() - RECORDS * 1000;
  let matching = 0;
  const rows = [];
  for (let i = 0; i < RECORDS; i++) {
    const price = Math.round(random() * 100_000) / 100;
    const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
    if (price > 500 && category === "books") matching += 1;
    const data = {
      name: `Product ${i}`,
      price,
      category,
      in_stock: random() < 0.8,
      sku: `SKU-${String(i).padStart(6, "0")}`,
    };
    rows.push([crypto.randomUUID(), JSON.stringify(data), new Date(start + i * 1000).toISOString()]);
  }
  return { rows, matching };
}

/** The records into SQLite in one transaction. */
function insertSqlite(dbPath, records, { tenantId, organizationId, schemaId, userId }) {
  const db = new Database(dbPath);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  const insert = db.prepare(
    `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  db.transaction(() => {
    for (const [id, data, at] of records) insert.run(id, tenantId, organizationId, schemaId, data, userId, at, at);
    // Every write to a schema's records bumps its revision: the server's cached search counts depend on it.
    db.prepare(`UPDATE entity_schemas SET records_revision = records_revision + 1 WHERE id = ?`).run(schemaId);
  })();
  db.pragma("wal_checkpoint(TRUNCATE)"); // measure the steady state, not reads through a 100,000-row WAL
  db.close();
}

/**
 * The records into PostgreSQL in one transaction, batches of unnest()ed arrays; then VACUUM ANALYZE, as autovacuum does
 * after a bulk load (it vacuums insert-only tables too): the planner knows the records, and the visibility map lets
 * index-only scans skip the table. Until autovacuum has run, a search's index-only scan also reads those table pages.
 */
async function insertPostgres(url, records, { tenantId, organizationId, schemaId, userId }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (let i = 0; i < records.length; i += 5000) {
      const batch = records.slice(i, i + 5000);
      await client.query(
        `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at)
         SELECT r.id, $1, $2, $3, r.data, $4, NULL, r.at, r.at FROM unnest($5::text[], $6::text[], $7::text[]) AS r(id, data, at)`,
        [
          tenantId,
          organizationId,
          schemaId,
          userId,
          batch.map((r) => r[0]),
          batch.map((r) => r[1]),
          batch.map((r) => r[2]),
        ],
      );
    }
    await client.query(`UPDATE entity_schemas SET records_revision = records_revision + 1 WHERE id = $1`, [schemaId]);
    await client.query("COMMIT");
    await client.query("VACUUM (ANALYZE) entity_records");
    // Measure the steady state, not a checkpoint writing the load out meanwhile (SQLite's side: wal_checkpoint).
    await client.query("CHECKPOINT");
  } finally {
    await client.end();
  }
}

/**
 * User+system CPU seconds of the PostgreSQL server: the postmaster and its children (the backends serving the portal,
 * autovacuum); Linux /proc. What a search costs the database, which the machine's load skews far less than latency.
 */
function postgresCpuSeconds(postmasterPid) {
  // The backends a pool closes when idle (one connection at a time) leave their CPU with the postmaster, which reaped them.
  return procCpuSeconds((pid, fields) =>
    pid === postmasterPid ? "with-children" : Number(fields[1]) === postmasterPid,
  );
}

/** autocannon at `connections`; p50/p99 are exact percentiles of every 2xx response time. */
async function load(target, connections, seconds, collect, pgid, postmasterPid) {
  const request = { method: target.method, path: target.path, headers: target.headers };
  if (target.body) request.body = target.body;
  if (target.nextBody || target.nextPath) {
    request.setupRequest = (req) => ({
      ...req,
      ...(target.nextBody ? { body: target.nextBody() } : {}),
      ...(target.nextPath ? { path: target.nextPath() } : {}),
    });
  }
  const db0 = postmasterPid ? postgresCpuSeconds(postmasterPid) : NaN;
  const m = await measureLoad(
    { url: target.origin, requests: [request], connections, duration: seconds },
    { collect, pgid },
  );
  const dbCpuMsPerReq = m.total2xx ? ((postgresCpuSeconds(postmasterPid) - db0) * 1000) / m.total2xx : NaN;
  return { ...m, errors: m.errors + m.timeouts, dbCpuMsPerReq };
}

/** Tenant, user, organization and schema through the API of the server at `origin`; the headers and ids the calls need. */
async function setUp(origin) {
  const tenant = await call(origin, "POST", "/sandbox/tenants", { body: {}, status: 201 });
  const pk = { "x-api-key": tenant.public_key };
  const email = "bench@example.com";
  await call(origin, "POST", "/sandbox/v1/auth/register", {
    headers: pk,
    body: { email, password: PASSWORD, display_name: "Bench" },
    status: 201,
  });
  const session = await call(origin, "POST", "/sandbox/v1/auth/login", {
    headers: pk,
    body: { email, password: PASSWORD },
  });
  const bearer = { authorization: `Bearer ${session.access_token}` };
  const org = await call(origin, "POST", "/sandbox/v1/organizations", {
    headers: { ...pk, ...bearer },
    body: { name: "Bench Inc", slug: "bench-inc" },
    status: 201,
  });
  const entityHeaders = {
    "x-api-key": tenant.secret_key,
    ...bearer,
    "x-organization-id": org.id,
    "content-type": "application/json",
  };
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
  return {
    pk,
    bearer,
    entityHeaders,
    ids: { tenantId: tenant.tenant_id, organizationId: org.id, schemaId: schema.id, userId: session.user.id },
  };
}

/** The calls measured on one server (set up by setUp); the same list, in the same order, for every engine. */
function targetsFor(origin, { pk, bearer, entityHeaders, ids }) {
  const searchPath = "/sandbox/v1/entity/records/search?size=20";
  const filter = {
    schema_id: ids.schemaId,
    query: { price: { operator: "gt", value: 500 }, category: { operator: "eq", value: "books" } },
  };
  const random = prng(7);
  const newThreshold = () =>
    JSON.stringify({
      ...filter,
      query: { ...filter.query, price: { operator: "gt", value: Math.round(random() * 100_000) / 100 } },
    });
  // "product 1234%": names of 11 records (Product 1234, 12340…12349), matched case-insensitively.
  const newPattern = () =>
    JSON.stringify({
      schema_id: ids.schemaId,
      query: { name: { operator: "ilike", value: `product ${1000 + Math.floor(random() * 9000)}%` } },
    });
  const inStock = JSON.stringify({
    schema_id: ids.schemaId,
    query: { in_stock: true, category: { operator: "in", value: ["books", "toys"] } },
  });
  const orderedPath = () =>
    `/sandbox/v1/entity/records/search?size=20&order_by=price&order_dir=asc&page=${1 + Math.floor(random() * 200)}`;
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
    {
      label: "POST search, new price gt threshold + eq each time",
      method: "POST",
      path: searchPath,
      headers: entityHeaders,
      nextBody: newThreshold,
    },
    {
      label: "POST search, new name ilike pattern each time",
      method: "POST",
      path: searchPath,
      headers: entityHeaders,
      nextBody: newPattern,
    },
    {
      label: "POST search, eq + in, order_by price, random page ≤200",
      method: "POST",
      path: searchPath,
      headers: entityHeaders,
      body: inStock,
      nextPath: orderedPath,
    },
    // One at a time: the cost of one request, without queueing behind the other connections.
    {
      label: "POST search, new price gt threshold + eq each time",
      method: "POST",
      path: searchPath,
      headers: entityHeaders,
      nextBody: newThreshold,
      connections: 1,
    },
  ];
  return { searchPath, filter, targets: targets.map((t) => ({ ...t, origin })) };
}

/** With BENCH_PORTAL_PORT set, the next server takes the port after the last one started (else any free port). */
const portAfter = (servers) =>
  process.env.BENCH_PORTAL_PORT && servers.length ? Number(new URL(servers.at(-1).origin).port) + 1 : undefined;

async function main() {
  const t0 = Date.now();
  const external = process.env.BENCH_SANDBOX_ORIGIN;
  if (external && !process.env.SANDBOX_DB_PATH)
    throw new Abort("BENCH_SANDBOX_ORIGIN needs SANDBOX_DB_PATH: the server's SQLite file");
  const engines = external
    ? ["sqlite"]
    : (process.env.BENCH_SANDBOX_ENGINES ?? "sqlite,postgres")
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean);
  for (const e of engines)
    if (e !== "sqlite" && e !== "postgres")
      throw new Abort(`BENCH_SANDBOX_ENGINES: unknown engine ${e} (sqlite, postgres)`);
  if (!external) ensureBuild();
  const dir = mkdtempSync(join(os.tmpdir(), "sandbox-bench-"));
  const dbPath = external ? process.env.SANDBOX_DB_PATH : join(dir, "sandbox.db");
  let cluster = null;
  try {
    const servers = [];
    for (const engine of engines) {
      if (external) {
        servers.push({
          name: "sqlite",
          child: null,
          origin: external,
          where: `server at ${external}, SANDBOX_DB_PATH=${dbPath}`,
        });
      } else if (engine === "sqlite") {
        servers.push({
          name: "sqlite",
          ...(await startPortal({ SANDBOX_DB_PATH: dbPath, SANDBOX_DATABASE_URL: "" })),
          where: `SANDBOX_DB_PATH=${dbPath}`,
        });
      } else {
        cluster = await startPostgresCluster(Number(process.env.BENCH_PG_PORT) || undefined).catch((e) =>
          Promise.reject(new Abort(e.message)),
        );
        const url = cluster.url;
        // SANDBOX_DB_PATH too, pointing nowhere in use: the PostgreSQL server must not touch the SQLite file.
        servers.push({
          name: "postgres",
          url,
          postmasterPid: cluster.pid,
          ...(await startPortal(
            { SANDBOX_DATABASE_URL: url, SANDBOX_DB_PATH: join(dir, "unused.db") },
            portAfter(servers),
          )),
          where: `SANDBOX_DATABASE_URL=${url} (throwaway cluster)`,
        });
      }
    }
    for (const s of servers) console.log(`${s.name.padEnd(8)} npm start (bin/portal.mjs) at ${s.origin}; ${s.where}`);
    console.log(
      `node ${process.version}; machine: ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} (other work on the machine skews every figure)\n`,
    );

    let { rows: records, matching } = benchRecords();
    for (const server of servers) {
      const setup = await setUp(server.origin);
      const t1 = Date.now();
      if (server.name === "sqlite") insertSqlite(dbPath, records, setup.ids);
      else await insertPostgres(server.url, records, setup.ids);
      console.log(
        `${server.name.padEnd(8)} ${fmtInt(RECORDS)} records of one schema written straight to the database in ${fmtInt(Date.now() - t1)} ms (one transaction)`,
      );
      const { searchPath, filter, targets } = targetsFor(server.origin, setup);
      const first = await call(server.origin, "POST", searchPath, { headers: setup.entityHeaders, body: filter });
      if (first.total !== matching || first.items.length !== Math.min(20, matching)) {
        throw new Abort(
          `${server.name}: search answered total ${first.total} with ${first.items.length} items; expected ${matching} matching records`,
        );
      }
      server.targets = targets;
    }
    records = null; // written: not kept in this process's heap (its autocannon client) while measuring
    console.log(
      `search: price gt 500 and category eq "books" → ${fmtInt(matching)} of ${fmtInt(RECORDS)} records, page of 20 newest first\n`,
    );

    // Call by call, each engine in turn: both see about the same load from the rest of the machine.
    const results = [];
    for (let i = 0; i < servers[0].targets.length; i++) {
      const row = {
        label: servers[0].targets[i].label,
        connections: servers[0].targets[i].connections ?? CONNECTIONS,
        by: {},
      };
      for (const server of servers) {
        const t = server.targets[i];
        if (WARMUP > 0) await load(t, row.connections, WARMUP, false);
        const m = await load(t, row.connections, SECONDS, true, server.child?.pid, server.postmasterPid);
        row.by[server.name] = { ...m, load: os.loadavg()[0] };
        const db = server.postmasterPid ? `  PostgreSQL CPU ${fmtMs(m.dbCpuMsPerReq)} ms/req` : "";
        console.log(
          `  ${server.name.padEnd(8)} ${row.label.padEnd(54)} @${String(row.connections).padEnd(3)} ${fmtInt(m.rps).padStart(6)} req/s  p50 ${fmtMs(m.p50)} ms  p99 ${fmtMs(m.p99)} ms  server CPU ${fmtMs(m.cpuMsPerReq)} ms/req${db}  load ${os.loadavg()[0].toFixed(2)}`,
        );
      }
      results.push(row);
    }

    console.log("\nResults (req/s = autocannon per-second mean; p50/p99 = exact percentiles of 2xx response times;");
    console.log(
      "server CPU ms/req = user+system CPU of the portal's processes during the run / 2xx responses (SQLite runs in them);",
    );
    console.log("db CPU ms/req = the same of PostgreSQL's server processes; err = errors/non-2xx)\n");
    const names = servers.map((s) => s.name);
    const dbCpu = (n) => n === "postgres";
    const headers = [
      "call",
      "conns",
      ...names.flatMap((n) => [
        `${n} req/s`,
        "p50 ms",
        "p99 ms",
        "CPU ms/req",
        ...(dbCpu(n) ? ["db CPU ms/req"] : []),
        "err",
      ]),
    ];
    const right = headers.map((_, i) => i).filter((i) => i > 0);
    console.log(
      table(
        headers,
        results.map((r) => [
          r.label,
          r.connections,
          ...names.flatMap((n) => {
            const m = r.by[n];
            return [
              fmtInt(m.rps),
              fmtMs(m.p50),
              fmtMs(m.p99),
              fmtMs(m.cpuMsPerReq),
              ...(dbCpu(n) ? [fmtMs(m.dbCpuMsPerReq)] : []),
              `${m.errors}/${m.non2xx}`,
            ];
          }),
        ]),
        right,
      ),
    );
    console.log(
      `\nGoal (issue 16): record search p99 ≤30 ms at ${CONNECTIONS} connections over ${fmtInt(RECORDS)} records of one schema on PostgreSQL`,
    );
    console.log(
      `\nTotal ${((Date.now() - t0) / 1000).toFixed(0)} s; load average now ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await stopChildren();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (e) {
  console.error(
    `\nbench aborted: ${e instanceof Abort ? e.message : (e?.stack ?? e)}${e?.cause ? `\ncause: ${e.cause.stack ?? e.cause}` : ""}`,
  );
  process.exitCode = 1;
}
