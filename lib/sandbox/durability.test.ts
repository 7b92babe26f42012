import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { closeStore, getStore } from "./store";
import { getTenant } from "./tenants";
import { sandboxClient } from "./testing/client";
import { setupTempDatabase } from "./testing/database";
import { addOrganization, newTenant, newUser } from "./testing/fixtures";

/**
 * Storage: everything survives a restart, and a crash mid-write loses no acknowledged write (WAL, synchronous=FULL).
 * The crash is real: a child process writes records through the engine into its own SQLite file, reporting each one
 * after its 201 came back, and is killed with SIGKILL while it writes. (A process crash: the machine's page cache
 * survives it. A power cut is what synchronous=FULL is for and is beyond a test.)
 */

const db = setupTempDatabase();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("a crash mid-write", () => {
  it("loses no acknowledged record, and the database passes integrity_check", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-crash-"));
    dirs.push(dir);
    const path = join(dir, "sandbox.db");
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/sandbox/testing/crash-writer.ts"],
      {
        env: { ...process.env, SANDBOX_DB_PATH: path },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on("exit", (code, signal) => resolve(signal ?? code)),
    );

    let ready: { tenantId: string; schemaId: string } | undefined;
    const acked: string[] = [];
    // After 150 acknowledged writes, a kill at an arbitrary point of the stream: the writer is always mid-request.
    const killAfter = 150 + Math.floor(Math.random() * 100);
    for await (const line of createInterface({ input: child.stdout })) {
      const [kind, a, b] = line.split(" ");
      if (kind === "ready") ready = { tenantId: a!, schemaId: b! };
      if (kind === "ack") acked.push(a!);
      if (acked.length === killAfter) {
        child.kill("SIGKILL");
        break;
      }
    }
    expect(await exited, `the writer stopped on its own:\n${stderr}`).toBe("SIGKILL");
    expect(ready).toBeDefined();
    expect(acked).toHaveLength(killAfter);

    // Reopen as the next start would: the WAL is recovered by the first connection.
    const raw = new Database(path);
    try {
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(raw.pragma("foreign_key_check")).toEqual([]);
      const present = new Set(
        raw
          .prepare<[string], { id: string }>(`SELECT id FROM entity_records WHERE schema_id = ?`)
          .all(ready!.schemaId)
          .map((r) => r.id),
      );
      expect(acked.filter((id) => !present.has(id))).toEqual([]);
    } finally {
      raw.close();
    }

    // And the sandbox serves it: opened, migrated, its schema's indexes in place, every record found by search.
    await closeStore();
    process.env.SANDBOX_DB_PATH = path;
    try {
      const tenant = (await getTenant(await getStore(), ready!.tenantId))!;
      const org = (await (
        await getStore()
      ).get<{ organization_id: string }>(`SELECT organization_id FROM entity_schemas WHERE id = ?`, [
        ready!.schemaId,
      ]))!;
      const user = await newUser(tenant, { email: "after-crash@example.com" });
      await (
        await getStore()
      ).run(
        `INSERT INTO memberships (id, tenant_id, organization_id, user_id, role, is_active, joined_at, updated_at) VALUES (?, ?, ?, ?, 'member', 1, ?, ?)`,
        [
          crypto.randomUUID(),
          tenant.id,
          org.organization_id,
          user.user.id,
          new Date().toISOString(),
          new Date().toISOString(),
        ],
      );
      const res = await sandboxClient(tenant).call("POST", "/v1/entity/records/search", {
        key: "secret",
        token: user.tokens.access_token,
        org: org.organization_id,
        query: { size: "100" },
        body: { schema_id: ready!.schemaId, query: { n: { operator: "gte", value: 0 } } },
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { total: number };
      expect(page.total).toBeGreaterThanOrEqual(acked.length);
    } finally {
      await closeStore();
      process.env.SANDBOX_DB_PATH = db.path;
    }
  });
});

describe("a restart", () => {
  it("keeps schemas, records and their search", async () => {
    const tenant = await newTenant();
    const owner = await newUser(tenant);
    const org = await addOrganization(tenant, owner.user.id);
    const call = (method: string, path: string, body?: unknown, query?: Record<string, string>) =>
      sandboxClient(tenant).call(method, path, { key: "secret", token: owner.tokens.access_token, org, body, query });
    const schema = (await (
      await call("POST", "/v1/entity/schemas", {
        name: "Books",
        slug: "books",
        fields_definition: { title: { type: "string", required: true }, pages: { type: "integer" } },
      })
    ).json()) as { id: string };
    const ids: string[] = [];
    for (const [title, pages] of [
      ["Dune", 412],
      ["Emma", 474],
      ["Ulysses", 730],
    ] as const) {
      const res = await call("POST", "/v1/entity/records", { schema_id: schema.id, data: { title, pages } });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }

    await closeStore();

    const got = await call("GET", `/v1/entity/records/${ids[1]}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ id: ids[1], data: { title: "Emma", pages: 474 } });
    const search = await call(
      "POST",
      "/v1/entity/records/search",
      { schema_id: schema.id, query: { pages: { operator: "gt", value: 420 } } },
      { order_by: "pages", order_dir: "desc" },
    );
    expect(search.status).toBe(200);
    const page = (await search.json()) as { total: number; items: { id: string }[] };
    expect(page.total).toBe(2);
    expect(page.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
  });
});
