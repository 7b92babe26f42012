import { describe, expect, it } from "vitest";
import { compileFilters, searchableFields } from "../entities/record-filter";
import { hitRateLimit } from "../rate-limit";
import { deleteEntitySchema, insertEntitySchema, updateEntitySchema, type OrgScope } from "../resources/entity-schema";
import { getStore } from "../store";
import { setupTempDatabase } from "../testing/database";
import { addOrganization, newTenant, newUser } from "../testing/fixtures";
import { ensureDemoTenant, resetTenant } from "../tenants";
import { schemaLiteral } from "./record-indexes";
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

describe("statistics on the record fields' expressions", () => {
  const statsOf = async (schemaId: string) =>
    (await (await getStore()).all<{ name: string }>(`SELECT stxname AS name FROM pg_statistic_ext WHERE stxname LIKE ?`, [`ers_${schemaId.replaceAll("-", "")}_%`]))
      .map((r) => r.name)
      .sort();

  it("let the planner estimate a filter's matches, and follow the schema's fields", async () => {
    const sql = await getStore();
    const tenant = await newTenant();
    const owner = await newUser(tenant);
    const scope: OrgScope = { tenantId: tenant.id, organizationId: await addOrganization(tenant, owner.user.id) };
    const fields = { category: { type: "string" as const, required: true }, price: { type: "float" as const, required: true } };
    const schema = await insertEntitySchema(sql, scope, { name: "Items", slug: "items", fields, createdBy: owner.user.id }, new Date());
    const before = await statsOf(schema.id);
    expect(before).toHaveLength(3); // category's value and lowercased text, price's value

    // 2,000 records, a quarter of them books; a planner without statistics guesses 0.5% of the rows for an equality.
    const rows = Array.from({ length: 2000 }, (_, i) => [crypto.randomUUID(), JSON.stringify({ category: i % 4 === 0 ? "books" : `c${i % 4}`, price: i })]);
    await sql.run(
      `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at)
       SELECT r.id, ?, ?, ?, r.data::jsonb, ?, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
       FROM json_to_recordset(?::json) AS r(id text, data text)`,
      [scope.tenantId, scope.organizationId, schema.id, owner.user.id, JSON.stringify(rows.map(([id, data]) => ({ id, data })))],
    );
    await sql.run(`ANALYZE entity_records`);
    const issues: never[] = [];
    const [books] = compileFilters("postgres", { category: "books" }, searchableFields([fields]), issues);
    const plan = await sql.all<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT id FROM entity_records WHERE tenant_id = ? AND organization_id = ? AND schema_id = ${schemaLiteral(schema.id)} AND ${books!.text}`,
      [scope.tenantId, scope.organizationId, ...books!.params],
    );
    const estimated = Number(/rows=(\d+)/.exec(plan[0]!["QUERY PLAN"])?.[1]);
    expect(estimated).toBeGreaterThan(250);
    expect(estimated).toBeLessThan(1000);

    // price becomes a string: its value now compares as text, so its statistics are replaced.
    await sql.run(`DELETE FROM entity_records WHERE schema_id = ?`, [schema.id]);
    await updateEntitySchema(sql, scope, schema, { fields: { ...fields, price: { type: "string", required: true } } }, new Date());
    const after = await statsOf(schema.id);
    expect(after).toHaveLength(4);
    expect(after.filter((n) => before.includes(n))).toHaveLength(2);

    await deleteEntitySchema(sql, scope, schema.id);
    expect(await statsOf(schema.id)).toEqual([]);

    const again = await insertEntitySchema(sql, scope, { name: "Tags", slug: "tags", fields: { tag: { type: "string", required: false } }, createdBy: null }, new Date());
    expect(await statsOf(again.id)).toHaveLength(2);
    await resetTenant(sql, tenant, new Date());
    expect(await statsOf(again.id)).toEqual([]);
  });
});
