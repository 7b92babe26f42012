import { type ChildProcess, spawn } from "node:child_process";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { migrations } from "../lib/sandbox/db/migrations";
import {
  databaseUrlOn,
  freePort,
  type PostgresCluster,
  startPostgresCluster,
} from "../lib/sandbox/testing/postgres-cluster.mjs";

/**
 * Two portal instances behind one imaginary load balancer: two `npm start` processes (bin/portal.mjs) on two ports,
 * one PostgreSQL database (a throwaway cluster), as README "Running several instances" sets them up.
 */
test.describe.configure({ mode: "serial" });

let cluster: PostgresCluster;
let databaseUrl = "";
const servers: ChildProcess[] = [];
let a = "";
let b = "";

async function healthy(origin: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${origin} did not start`);
}

function startPortal(port: number): string {
  const child = spawn(
    process.execPath,
    ["--max-semi-space-size=32", "bin/portal.mjs", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        SANDBOX_DATABASE_URL: databaseUrl,
        TRUST_PROXY: "1",
        PORTAL_URL: `http://127.0.0.1:${port}`,
        SANDBOX_DB_PATH: "",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  servers.push(child);
  return `http://127.0.0.1:${port}`;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startPostgresCluster(process.env.E2E_PG_PORT ? Number(process.env.E2E_PG_PORT) : undefined);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query("CREATE DATABASE portal_multi");
  await admin.end();
  databaseUrl = databaseUrlOn(cluster.url, "portal_multi");
  a = startPortal(await freePort());
  b = startPortal(await freePort());
  await Promise.all([healthy(a), healthy(b)]);
});

test.afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once("exit", r)))));
  cluster?.stop();
});

/** A JSON call through one instance, as a client behind the balancer (X-Forwarded-For, TRUST_PROXY=1). */
async function call(
  origin: string,
  method: string,
  path: string,
  init: { key?: string; token?: string; body?: unknown; ip?: string } = {},
) {
  const headers: Record<string, string> = { "x-forwarded-for": init.ip ?? "198.51.100.1" };
  if (init.key) headers["x-api-key"] = init.key;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: BodyInit | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  return await fetch(`${origin}/sandbox${path}`, { method, headers, body });
}

test("both instances, started at once on an empty database, migrate it once and share one demo tenant", async () => {
  // Their first sandbox requests at the same moment: each opens the database and migrates it if needed.
  const [da, db] = await Promise.all([fetch(`${a}/sandbox/demo`), fetch(`${b}/sandbox/demo`)]);
  expect([da.status, db.status]).toEqual([200, 200]);
  const [ja, jb] = (await Promise.all([da.json(), db.json()])) as { public_key: string }[];
  expect(ja!.public_key).toBe(jb!.public_key);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const applied = await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM schema_migrations");
    expect(Number(applied.rows[0]!.n)).toBe(migrations.length);
    const demos = await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM tenants WHERE is_demo = 1");
    expect(Number(demos.rows[0]!.n)).toBe(1);
  } finally {
    await client.end();
  }
});

test("a tenant made on A works on B; a user registered on A logs in on B; a file uploaded on A downloads on B", async () => {
  const made = await fetch(`${a}/sandbox/tenants`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.1" },
    body: "{}",
  });
  expect(made.status).toBe(201);
  const tenant = (await made.json()) as { public_key: string; secret_key: string };

  const registered = await call(a, "POST", "/v1/auth/register", {
    key: tenant.public_key,
    body: { email: "multi@example.com", password: "SecurePass123", display_name: "Multi" },
  });
  expect(registered.status).toBe(201);
  const login = await call(b, "POST", "/v1/auth/login", {
    key: tenant.public_key,
    body: { email: "multi@example.com", password: "SecurePass123" },
  });
  expect(login.status).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  const me = await call(a, "GET", "/v1/auth/me", { key: tenant.public_key, token });
  expect(((await me.json()) as { email: string }).email).toBe("multi@example.com");

  const bytes = new Uint8Array(70_000).map((_, i) => (i * 31 + 7) % 256);
  const form = new FormData();
  form.set("file", new Blob([bytes], { type: "application/octet-stream" }), "multi.bin");
  const uploaded = await call(a, "POST", "/v1/user/files", { key: tenant.public_key, token, body: form });
  expect(uploaded.status).toBe(201);
  const {
    file: { id },
  } = (await uploaded.json()) as { file: { id: string } };
  const download = await call(b, "GET", `/v1/user/files/${id}/download`, { key: tenant.public_key, token });
  expect(download.status).toBe(200);
  expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
});

test("10 failed logins spread over A and B make the 11th answer 429 with Retry-After on either", async () => {
  const demo = (await (await fetch(`${a}/sandbox/demo`)).json()) as { public_key: string };
  const ip = "203.0.113.77";
  const wrong = { email: "nobody@example.com", password: "WrongPass123" };
  const statuses = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      call(i % 2 ? a : b, "POST", "/v1/auth/login", { key: demo.public_key, body: wrong, ip }).then((r) => r.status),
    ),
  );
  expect(statuses).toEqual(Array(10).fill(401));
  for (const origin of [a, b]) {
    const limited = await call(origin, "POST", "/v1/auth/login", { key: demo.public_key, body: wrong, ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  }
});
