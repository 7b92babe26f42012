/**
 * A throwaway PostgreSQL cluster for the bench: the approach of lib/sandbox/testing/postgres-cluster.ts (a plain
 * script cannot import TypeScript). initdb in a temp directory, postgres on loopback, removed by stop(); as root the
 * server binaries run as the `postgres` user, since PostgreSQL refuses to run as root.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { Abort, freePort } from "./lib.mjs";

function binDir() {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .map(Number)
        .filter((v) => Number.isInteger(v) && v >= 15 && existsSync(join(root, String(v), "bin", "initdb")))
        .sort((a, b) => b - a)
    : [];
  if (versions.length === 0) throw new Abort("PostgreSQL 15+ server binaries not found under /usr/lib/postgresql/<version>/bin (apt-get install -y postgresql)");
  return join(root, String(versions[0]), "bin");
}

/** Starts the cluster on `port` (else a free one); returns { url, stop }. stop() is safe to call twice. */
export async function startPostgresCluster(port) {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(os.tmpdir(), "sandbox-bench-pg-"));
  const data = join(dir, "data");
  const run = (cmd, args) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: "utf8", cwd: dir });
    if (r.status !== 0) throw new Abort(`${cmd} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
  };
  if (asRoot) {
    chmodSync(dir, 0o755);
    execFileSync("chown", ["postgres:postgres", dir]);
  }
  const listen = port || (await freePort());
  let started = false;
  const stop = () => {
    try {
      if (started) run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch (e) {
      console.error(`stopping the bench's PostgreSQL cluster: ${e.message}`);
    } finally {
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]);
    started = true;
    run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-t", "60", "-o", `-p ${listen} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, "start"]);
  } catch (e) {
    stop();
    throw e;
  }
  // The run's own cleanup may not get to run (an uncaught signal): stop the cluster on exit too.
  process.on("exit", () => {
    if (started) stop();
  });
  return { url: `postgres://postgres@127.0.0.1:${listen}/postgres`, port: listen, stop };
}
