import { describe, expect, it } from "vitest";
import { hitRateLimit } from "../rate-limit";
import { setupTempDatabase } from "../testing/database";
import { ensureDemoTenant } from "../tenants";
import { migrate, migrations } from "./migrations";
import { openPostgres } from "./postgres";

// Runs in the "sandbox-postgres" project: two pools on one database stand for two portal instances.
const db = setupTempDatabase();
const instance = () => openPostgres(db.path, { poolSize: 5, statementTimeoutMs: 5000 });

describe("several instances on one PostgreSQL database", () => {
  it("migrate once under the lock, and create one demo tenant", async () => {
    const [a, b] = [instance(), instance()];
    try {
      // The store already migrated this database: a fresh schema is exercised through a second migration list.
      const extra = [...migrations, { version: 9001, name: "test: concurrent", up: [`CREATE TABLE concurrency_probe (id TEXT PRIMARY KEY)`] }];
      const [ra, rb] = await Promise.all([migrate(a, extra), migrate(b, extra)]);
      expect([...ra, ...rb]).toEqual([9001]);
      const now = new Date();
      const [da, dbt] = await Promise.all([ensureDemoTenant(a, now), ensureDemoTenant(b, now)]);
      expect(da.id).toBe(dbt.id);
      expect((await a.get<{ n: number }>(`SELECT COUNT(*) AS n FROM tenants WHERE is_demo = 1`))?.n).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("count rate-limit hits exactly when they arrive at once on both", async () => {
    const [a, b] = [instance(), instance()];
    try {
      const limit = { count: 10, windowSeconds: 60, scope: "ip" as const };
      const key = { tenantId: null, name: "test.concurrent", scopeKey: "ip:203.0.113.9" };
      const now = new Date();
      const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => hitRateLimit(i % 2 ? a : b, key, limit, now)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect((await a.get<{ count: number }>(`SELECT count FROM rate_limits WHERE bucket = ?`, [`-|test.concurrent|ip:203.0.113.9`]))?.count).toBe(40);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
