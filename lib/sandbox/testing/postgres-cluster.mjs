/**
 * A throwaway PostgreSQL cluster for the tests (vitest's sandbox-postgres project, the multi-instance e2e test) and
 * the bench (bench/sandbox.mjs): initdb in a temp directory, postgres on a free loopback port, removed by stop().
 * Uses Debian's server binaries (apt-get install -y postgresql); PostgreSQL refuses to run as root, so as root it runs
 * them as the `postgres` user. Missing binaries are an error, never a skipped test. Plain JavaScript (types in
 * postgres-cluster.d.mts) so the bench's plain scripts and the TypeScript tests share it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The newest installed server's bin directory, PostgreSQL 15 or newer. */
export function postgresBinDir() {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .map(Number)
        .filter((v) => Number.isInteger(v) && v >= 15 && existsSync(join(root, String(v), "bin", "initdb")))
        .sort((a, b) => b - a)
    : [];
  if (versions.length === 0) {
    throw new Error(
      "PostgreSQL 15+ server binaries not found under /usr/lib/postgresql/<version>/bin: the sandbox's PostgreSQL tests and bench need them (apt-get install -y postgresql)",
    );
  }
  return join(root, String(versions[0]), "bin");
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster on `port` (else a free one); stop() removes it and is safe to call twice. */
export async function startPostgresCluster(port) {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "sandbox-pg-"));
  const data = join(dir, "data");
  const run = (cmd, args) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: "utf8", cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
  };
  if (asRoot) {
    chmodSync(dir, 0o755);
    execFileSync("chown", ["postgres:postgres", dir]);
  }
  const listen = port ?? (await freePort());
  let running = false;
  const stop = () => {
    try {
      // Its data is thrown away: no shutdown checkpoint needed.
      if (running) run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      running = false;
      process.off("exit", stop);
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
      "--no-instructions",
    ]);
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      join(dir, "log"),
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${listen} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      "start",
    ]);
    running = true;
  } catch (e) {
    stop();
    throw e;
  }
  // A run that ends without calling stop() (an uncaught error, process.exit) must not leave a server behind.
  process.on("exit", stop);
  // The postmaster's pid (first line of its pid file): the bench counts the CPU time of it and its backends.
  const pid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  return { url: `postgres://postgres@127.0.0.1:${listen}/postgres`, port: listen, pid, stop };
}

/** The URL of database `name` on the cluster at `clusterUrl`. */
export function databaseUrlOn(clusterUrl, name) {
  const u = new URL(clusterUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
