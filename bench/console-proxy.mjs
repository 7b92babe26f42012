#!/usr/bin/env node
/**
 * What the console proxy adds to a call: GET /sandbox/v1/auth/me straight to the sandbox and through
 * /api/console/proxy (SAAS_API_URL = the server's own /sandbox), under `next start`. Prints figures only.
 *
 * 1. Sequential: BENCH_PROXY_REQUESTS (default 200) calls each way, alternating, one at a time: latency percentiles.
 * 2. Load: autocannon, BENCH_SECONDS (default 5) each way at BENCH_PROXY_CONNECTIONS (default 10): requests/s.
 *
 * Assumes `npm run build` ran (builds when .next/BUILD_ID is missing); BENCH_PROXY_PORT picks the port (default: a
 * free one). BENCH_PROXY_ORIGIN=http://host:port measures a server already running instead; it must have
 * SAAS_API_URL=<that origin>/sandbox.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import {
  Abort,
  ensureBuild,
  fmtInt,
  fmtMs,
  freePort,
  percentile,
  root,
  start,
  stopChildren,
  table,
  waitFor,
} from "./lib.mjs";

const REQUESTS = Number(process.env.BENCH_PROXY_REQUESTS) || 200;
const SECONDS = Number(process.env.BENCH_SECONDS) || 5;
const CONNECTIONS = Number(process.env.BENCH_PROXY_CONNECTIONS) || 10;

async function json(res, what) {
  const text = await res.text();
  if (!res.ok) throw new Abort(`${what}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

async function main() {
  let origin = process.env.BENCH_PROXY_ORIGIN?.replace(/\/+$/, "");
  let dir;
  if (!origin) {
    ensureBuild();
    dir = mkdtempSync(join(os.tmpdir(), "bench-proxy-"));
    // The port must be known before the start, since SAAS_API_URL names it (lib's startNext picks its own).
    const port = Number(process.env.BENCH_PROXY_PORT) || (await freePort());
    origin = `http://127.0.0.1:${port}`;
    const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");
    const env = {
      NEXT_TELEMETRY_DISABLED: "1",
      SANDBOX_DB_PATH: join(dir, "sandbox.db"),
      SAAS_API_URL: `${origin}/sandbox`,
    };
    const child = start("next start", process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], env);
    await waitFor(child, async () => (await fetch(`${origin}/api/health`)).ok, "/api/health", 60_000);
  }
  try {
    const tenant = await json(
      await fetch(`${origin}/sandbox/tenants`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email_verification: false }),
      }),
      "POST /sandbox/tenants",
    );
    const credentials = { email: "bench-proxy@example.com", password: "BenchPass123" };
    const reg = await json(
      await fetch(`${origin}/sandbox/v1/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": tenant.public_key },
        body: JSON.stringify(credentials),
      }),
      "register",
    );
    const headers = { "x-api-key": tenant.public_key, authorization: `Bearer ${reg.access_token}` };
    const direct = `${origin}/sandbox/v1/auth/me`;
    const proxied = `${origin}/api/console/proxy?url=${encodeURIComponent(direct)}`;
    const probe = await fetch(proxied, { headers });
    if (probe.headers.get("x-console-proxy") !== "1" || !probe.ok)
      throw new Abort(
        `the proxy did not answer for ${direct} (HTTP ${probe.status}): is SAAS_API_URL=${origin}/sandbox set?`,
      );
    await probe.text();

    const times = { direct: [], proxied: [] };
    const once = async (url) => {
      const t = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Abort(`${url}: HTTP ${res.status}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 20; i++) await Promise.all([once(direct), once(proxied)]); // warm-up
    for (let i = 0; i < REQUESTS; i++) {
      times.direct.push(await once(direct));
      times.proxied.push(await once(proxied));
    }
    const rows = Object.entries(times).map(([name, list]) => {
      const s = [...list].sort((a, b) => a - b);
      return [
        name,
        fmtMs(percentile(s, 50)),
        fmtMs(percentile(s, 90)),
        fmtMs(percentile(s, 99)),
        fmtMs(s.reduce((a, b) => a + b, 0) / s.length),
      ];
    });
    console.log(`\nGET /v1/auth/me, ${REQUESTS} sequential calls each way (ms)`);
    console.log(table(["path", "p50", "p90", "p99", "mean"], rows, [1, 2, 3, 4]));

    const load = [];
    for (const [name, url] of [
      ["direct", direct],
      ["proxied", proxied],
    ]) {
      const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
      load.push([
        name,
        fmtInt(r.requests.average),
        fmtMs(r.latency.p50),
        fmtMs(r.latency.p99),
        fmtInt(r.non2xx + r.errors),
      ]);
    }
    console.log(`\nautocannon, ${CONNECTIONS} connections, ${SECONDS} s each`);
    console.log(table(["path", "req/s", "p50 ms", "p99 ms", "non-2xx+errors"], load, [1, 2, 3, 4]));
  } finally {
    await stopChildren();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(async (e) => {
  await stopChildren();
  console.error(e instanceof Abort ? e.message : e);
  process.exit(1);
});
