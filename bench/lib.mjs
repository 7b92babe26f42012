/**
 * Shared by the benchmarks (bench/run.mjs, bench/sandbox.mjs): child servers in their own process groups
 * (killed by group id at the end, on failure and on signals), waiting for them, free ports, a production
 * build check, server CPU time, autocannon runs with exact percentiles, and plain-text tables.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** A failure to report in one line (no stack): a server that exited, a timeout, a wrong answer. */
export class Abort extends Error {}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------------------
// Child processes

const children = [];
function killChildren(signal = "SIGTERM") {
  for (const c of children) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    try {
      process.kill(-c.pid, signal);
    } catch {
      try {
        c.kill(signal);
      } catch {
        /* gone */
      }
    }
  }
}
export async function stopChildren() {
  killChildren("SIGTERM");
  const alive = () => children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (let i = 0; i < 30 && alive().length; i++) await sleep(100);
  if (alive().length) killChildren("SIGKILL");
}
process.on("exit", () => killChildren("SIGKILL"));
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    killChildren("SIGTERM");
    process.exit(130);
  });
}

/** Spawns `cmd` in its own process group; `child.output` keeps the last 20 kB of its stdout and stderr. */
export function start(label, cmd, args, env = {}) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  child.output = "";
  const keep = (d) => {
    child.output = (child.output + d).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.label = label;
  return child;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it answers true; aborts with the child's output when it exits or time runs out. */
export async function waitFor(child, check, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Abort(`${child.label} exited (${child.exitCode ?? child.signalCode}) before ${what}:\n${child.output}`);
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Abort(`timed out after ${timeoutMs / 1000} s waiting for ${what}:\n${child.output}`);
}

/** Builds when .next/BUILD_ID or the server code (.next/portal-server) is missing; an existing build is used as is. */
export function ensureBuild() {
  if (
    existsSync(join(root, ".next", "BUILD_ID")) &&
    existsSync(join(root, ".next", "portal-server", "portal-server.mjs"))
  )
    return;
  console.log("No production build: running `npm run build` first (a few minutes)…");
  const b = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) throw new Abort(`npm run build failed (exit ${b.status ?? b.signal})`);
}

/** A server on 127.0.0.1 at `port` (else a free one), ready once GET /api/health answers. */
async function serve(label, cmd, args, port, env) {
  const child = start(label, cmd, [...args, "-p", String(port), "-H", "127.0.0.1"], {
    NEXT_TELEMETRY_DISABLED: "1",
    ...env,
  });
  await waitFor(child, async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, "/api/health", 60_000);
  return { child, port, origin: `http://127.0.0.1:${port}` };
}

/** The portal as `npm start` runs it (bin/portal.mjs through npm, so the script's node flags count); at `port`, else BENCH_PORTAL_PORT, else a free one. */
export async function startPortal(env = {}, port) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  return serve(
    "npm start",
    npm,
    ["start", "--silent", "--"],
    port || Number(process.env.BENCH_PORTAL_PORT) || (await freePort()),
    env,
  );
}

/** `next start` (the App Router routes, no portal server); BENCH_NEXT_PORT. */
export async function startNext(env = {}) {
  const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");
  return serve(
    "next start",
    process.execPath,
    [nextBin, "start"],
    Number(process.env.BENCH_NEXT_PORT) || (await freePort()),
    env,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Server CPU time (Linux /proc): user+system seconds of every process in a child's process group. CPU per request is
// far less skewed by other work on the machine than wall-clock figures are.

const CLK_TCK = (() => {
  const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(r.stdout) || 100;
})();
/**
 * User+system CPU seconds of the processes `counts(pid, fields)` picks, from /proc/<pid>/stat; `fields` start at the
 * state (field 3): fields[1] = ppid, fields[2] = pgrp, fields[11], fields[12] = utime, stime. When it answers
 * "with-children", also the CPU of that process's children that have exited (cutime, cstime: fields[13], fields[14]),
 * so a server whose workers come and go (PostgreSQL's backends) is counted whole. NaN without /proc.
 */
export function procCpuSeconds(counts) {
  let ticks = 0;
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const picked = counts(Number(pid), fields);
      if (picked) ticks += Number(fields[11]) + Number(fields[12]);
      if (picked === "with-children") ticks += Number(fields[13]) + Number(fields[14]);
    }
  } catch {
    return NaN;
  }
  return ticks / CLK_TCK;
}

export function groupCpuSeconds(pgid) {
  return procCpuSeconds((_pid, fields) => Number(fields[2]) === pgid);
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const fmtInt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "-");
export const fmtMs = (n) => (!Number.isFinite(n) ? "-" : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

export function table(headers, rows, right) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (right.includes(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// Load

/**
 * One autocannon run (`options` as autocannon takes them): requests/s, exact p50/p99 of every 2xx response time
 * (sub-millisecond, when `collect`), failures, bytes per request and, given the server's process group, its CPU
 * time per 2xx response.
 */
export async function measureLoad(options, { collect = true, pgid } = {}) {
  const times = [];
  const cpu0 = pgid ? groupCpuSeconds(pgid) : NaN;
  const instance = autocannon({ pipelining: 1, timeout: 10, ...options });
  if (collect) {
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
  }
  const r = await instance;
  const cpu = pgid ? groupCpuSeconds(pgid) - cpu0 : NaN;
  times.sort((a, b) => a - b);
  return {
    rps: r.requests.average,
    total2xx: r["2xx"],
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerReq: r.requests.total ? r.throughput.total / r.requests.total : NaN,
    cpuMsPerReq: r["2xx"] ? (cpu * 1000) / r["2xx"] : NaN,
  };
}
