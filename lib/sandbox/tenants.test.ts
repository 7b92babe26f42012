import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TENANT_TABLES, migrate, migrations } from "./db/migrations";
import type { Sql } from "./db/sql";
import { openSqlite } from "./db/sqlite";
import { closeStore, getStore } from "./store";
import { getDemoTenant, purgeExpiredTenants, resetTenant } from "./tenants";
import { setupTempDatabase } from "./testing/database";
import { newTenant, newUser } from "./testing/fixtures";

setupTempDatabase();

const count = (table: string, tenantId: string) =>
  getStore().get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE tenant_id = ?`, [tenantId])!.n;

describe("schema", () => {
  it("migrations are recorded and not applied twice", () => {
    expect(migrate(getStore())).toEqual([]);
    const versions = getStore().all<{ version: number }>(`SELECT version FROM schema_migrations ORDER BY version`);
    expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version).sort((a, b) => a - b));
  });

  it("two connections migrating one new file at once apply each migration once (an MCP worker and the main thread)", () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-migrate-race-"));
    const a = openSqlite(join(dir, "race.db"));
    const b = openSqlite(join(dir, "race.db"));
    try {
      // b reads which migrations are done, then a migrates the whole file before b goes on: the interleaving
      // that made a worker's warm-up fail with "table meta already exists".
      let raced = false;
      const racing: Sql = {
        dialect: b.dialect,
        all: (text, params) => {
          const rows = b.all<never>(text, params);
          if (!raced && text.includes("FROM schema_migrations")) {
            raced = true;
            migrate(a);
          }
          return rows;
        },
        get: (text, params) => b.get(text, params),
        run: (text, params) => b.run(text, params),
        tx: (fn) => b.tx(fn),
      };
      expect(migrate(racing)).toEqual([]);
      expect(raced).toBe(true);
      expect(b.get<{ n: number }>(`SELECT COUNT(*) AS n FROM schema_migrations`)!.n).toBe(migrations.length);
    } finally {
      a.close();
      b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every table with tenant_id is listed in TENANT_TABLES, so a reset leaves nothing behind", () => {
    const tables = getStore()
      .all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .map((t) => t.name)
      .filter((name) => getStore().all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [name]).some((c) => c.name === "tenant_id"));
    expect([...tables].sort()).toEqual([...TENANT_TABLES].sort());
  });
});

describe("tenants", () => {
  it("start with plans, agents, an external agent and a shared file, and no users", () => {
    const t = newTenant();
    expect(t.public_key).toMatch(/^pk_live_\w{32}$/);
    expect(t.secret_key).toMatch(/^sk_live_\w{32}$/);
    expect([count("plans", t.id), count("agents", t.id), count("external_agents", t.id), count("files", t.id), count("users", t.id)]).toEqual([3, 2, 1, 1, 0]);
    expect(Date.parse(t.expires_at!) - Date.parse(t.created_at)).toBe(24 * 3600_000);
  });

  it("the demo tenant exists once, never expires, keeps its keys across restarts and has a demo user", () => {
    const demo = getDemoTenant(getStore())!;
    expect(demo.expires_at).toBeNull();
    expect(getStore().get(`SELECT email FROM users WHERE tenant_id = ?`, [demo.id])).toEqual({ email: "demo@example.com" });
    expect(count("memberships", demo.id)).toBe(1);
    closeStore();
    expect(getDemoTenant(getStore())).toEqual(demo);
    expect(getStore().all(`SELECT id FROM tenants WHERE is_demo = 1`)).toHaveLength(1);
  });

  it("reset deletes the tenant's data, restores the seed and keeps the keys", () => {
    const t = newTenant();
    newUser(t);
    resetTenant(getStore(), t, new Date());
    expect([count("users", t.id), count("refresh_tokens", t.id), count("plans", t.id)]).toEqual([0, 0, 3]);
    expect(getStore().get(`SELECT public_key FROM tenants WHERE id = ?`, [t.id])).toEqual({ public_key: t.public_key });
  });

  it("expired tenants are purged with every row, other tenants untouched", () => {
    const old = newTenant({}, new Date(Date.now() - 25 * 3600_000));
    const fresh = newTenant();
    newUser(old);
    newUser(fresh);
    expect(purgeExpiredTenants(getStore(), new Date())).toBe(1);
    for (const table of TENANT_TABLES) expect(count(table, old.id), table).toBe(0);
    expect([count("users", fresh.id), count("plans", fresh.id)]).toEqual([1, 3]);
  });
});
