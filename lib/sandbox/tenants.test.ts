import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TENANT_TABLES, migrate, migrations } from "./db/migrations";
import { openSqlite } from "./db/sqlite";
import { closeStore, getStore } from "./store";
import { getDemoTenant, purgeExpiredTenants, resetTenant } from "./tenants";
import { setupTempDatabase } from "./testing/database";
import { newTenant, newUser } from "./testing/fixtures";

setupTempDatabase();

const count = async (table: string, tenantId: string) =>
  (await (await getStore()).get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE tenant_id = ?`, [tenantId]))!
    .n;

describe("schema", () => {
  it("migrations are recorded and not applied twice", async () => {
    expect(await migrate(await getStore())).toEqual([]);
    const versions = await (
      await getStore()
    ).all<{ version: number }>(`SELECT version FROM schema_migrations ORDER BY version`);
    expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version).sort((a, b) => a - b));
  });

  it("two connections migrating one new file apply each migration once (an MCP worker and the main thread)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-migrate-race-"));
    const a = openSqlite(join(dir, "race.db"));
    const b = openSqlite(join(dir, "race.db"));
    try {
      // b asks which migrations are done only inside its write-locked transaction, so whatever a applied before is
      // seen: here a migrates the whole file first, and b applies nothing.
      expect(await migrate(a)).toEqual(migrations.map((m) => m.version).sort((x, y) => x - y));
      expect(await migrate(b)).toEqual([]);
      expect((await b.get<{ n: number }>(`SELECT COUNT(*) AS n FROM schema_migrations`))!.n).toBe(migrations.length);
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every table with tenant_id is listed in TENANT_TABLES, so a reset leaves nothing behind", async () => {
    const sql = await getStore();
    const tables: string[] = [];
    if (sql.dialect === "postgres") {
      const rows = await sql.all<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
      );
      tables.push(...rows.map((r) => r.name));
    } else {
      for (const { name } of await sql.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)) {
        const columns = await sql.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [name]);
        if (columns.some((c) => c.name === "tenant_id")) tables.push(name);
      }
    }
    expect([...tables].sort()).toEqual([...TENANT_TABLES].sort());
  });
});

describe("tenants", () => {
  it("start with plans, agents, an external agent and a shared file, and no users", async () => {
    const t = await newTenant();
    expect(t.public_key).toMatch(/^pk_live_\w{32}$/);
    expect(t.secret_key).toMatch(/^sk_live_\w{32}$/);
    expect([
      await count("plans", t.id),
      await count("agents", t.id),
      await count("external_agents", t.id),
      await count("files", t.id),
      await count("users", t.id),
    ]).toEqual([3, 2, 1, 1, 0]);
    expect(Date.parse(t.expires_at!) - Date.parse(t.created_at)).toBe(24 * 3600_000);
  });

  it("the demo tenant exists once, never expires, keeps its keys across restarts and has a demo user", async () => {
    const demo = (await getDemoTenant(await getStore()))!;
    expect(demo.expires_at).toBeNull();
    expect(await (await getStore()).get(`SELECT email FROM users WHERE tenant_id = ?`, [demo.id])).toEqual({
      email: "demo@example.com",
    });
    expect(await count("memberships", demo.id)).toBe(1);
    await closeStore();
    expect(await getDemoTenant(await getStore())).toEqual(demo);
    expect(await (await getStore()).all(`SELECT id FROM tenants WHERE is_demo = 1`)).toHaveLength(1);
  });

  it("reset deletes the tenant's data, restores the seed and keeps the keys", async () => {
    const t = await newTenant();
    await newUser(t);
    await resetTenant(await getStore(), t, new Date());
    expect([await count("users", t.id), await count("refresh_tokens", t.id), await count("plans", t.id)]).toEqual([
      0, 0, 3,
    ]);
    expect(await (await getStore()).get(`SELECT public_key FROM tenants WHERE id = ?`, [t.id])).toEqual({
      public_key: t.public_key,
    });
  });

  it("expired tenants are purged with every row, other tenants untouched", async () => {
    const old = await newTenant({}, new Date(Date.now() - 25 * 3600_000));
    const fresh = await newTenant();
    await newUser(old);
    await newUser(fresh);
    expect(await purgeExpiredTenants(await getStore(), new Date())).toBe(1);
    for (const table of TENANT_TABLES) expect(await count(table, old.id), table).toBe(0);
    expect([await count("users", fresh.id), await count("plans", fresh.id)]).toEqual([1, 3]);
  });
});
