import { describe, expect, it } from "vitest";
import { compileFilters, compileOrder, indexedFieldsOf, searchableFields } from "../entities/record-filter";
import { searchEntityRecords } from "../resources/entity-record";
import { hitRateLimit } from "../rate-limit";
import { deleteEntitySchema, insertEntitySchema, updateEntitySchema, type OrgScope } from "../resources/entity-schema";
import { getStore } from "../store";
import { setupTempDatabase } from "../testing/database";
import { addOrganization, newTenant, newUser } from "../testing/fixtures";
import { ensureDemoTenant, resetTenant } from "../tenants";
import { recordIndexesFor, schemaLiteral } from "./record-indexes";
import { onSlot, recordSlotsFor } from "./record-slots";
import type { Sql, SqlValue } from "./sql";
import { migrate, migrations } from "./migrations";
import { openPostgres, preparedName } from "./postgres";

// Runs in the "sandbox-postgres" project: two pools on one database stand for two portal instances.
const db = setupTempDatabase();
const instance = () => openPostgres(db.path, { poolSize: 5, statementTimeoutMs: 5000 });

describe("prepared statements", () => {
  it("prepare each fixed query once per connection, and never one with a literal in its text", async () => {
    const sql = instance();
    try {
      const fixed = "SELECT id FROM tenants WHERE id = ?";
      const onConnection = await sql.tx(async () => {
        // A transaction holds one connection: what it has prepared is what pg_prepared_statements lists.
        await sql.get(fixed, ["no-such-tenant"]);
        expect(await sql.get(fixed, ["still-none"])).toBeUndefined();
        expect(await sql.get(`SELECT id FROM tenants WHERE id = ? AND 'spliced' <> ''`, ["none"])).toBeUndefined();
        return await sql.all<{ name: string; statement: string }>(`SELECT name, statement FROM pg_prepared_statements`);
      });
      expect(onConnection).toEqual([
        {
          name: preparedName("SELECT id FROM tenants WHERE id = $1"),
          statement: "SELECT id FROM tenants WHERE id = $1",
        },
      ]);
      expect(preparedName("SELECT 1 WHERE 'a' = $1")).toBeUndefined();
      // Another instance's migration changes a table under a prepared SELECT *: answered on a fresh connection.
      await sql.run(`CREATE TABLE stale_plan_probe (id TEXT PRIMARY KEY)`);
      await sql.run(`INSERT INTO stale_plan_probe (id) VALUES ('a')`);
      const all = "SELECT * FROM stale_plan_probe WHERE id = ?";
      // On every connection of the pool at once, so the one the next query takes has it prepared.
      await Promise.all(Array.from({ length: 5 }, () => sql.get(all, ["a"])));
      await sql.run(`ALTER TABLE stale_plan_probe ADD COLUMN note TEXT`);
      expect(await sql.get(all, ["a"])).toEqual({ id: "a", note: null });
      expect(preparedName("SELECT $1::text")).toBe(preparedName("SELECT $1::text"));
      expect(preparedName("SELECT $1::text")).not.toBe(preparedName("SELECT $1::int"));
    } finally {
      await sql.close();
    }
  });
});

describe("several instances on one PostgreSQL database", () => {
  it("migrate once under the lock, and create one demo tenant", async () => {
    const [a, b] = [instance(), instance()];
    try {
      // The store already migrated this database: a fresh schema is exercised through a second migration list.
      const extra = [
        ...migrations,
        { version: 9001, name: "test: concurrent", up: [`CREATE TABLE concurrency_probe (id TEXT PRIMARY KEY)`] },
      ];
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
      const decisions = await Promise.all(
        Array.from({ length: 40 }, (_, i) => hitRateLimit(i % 2 ? a : b, key, limit, now)),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(
        (
          await a.get<{ count: number }>(`SELECT count FROM rate_limits WHERE bucket = ?`, [
            `-|test.concurrent|ip:203.0.113.9`,
          ])
        )?.count,
      ).toBe(40);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("record field slots", () => {
  const statsOf = async (schemaId: string) =>
    (
      await (
        await getStore()
      ).all<{ name: string }>(`SELECT stxname AS name FROM pg_statistic_ext WHERE stxname LIKE ?`, [
        `ers_${schemaId.replaceAll("-", "")}_%`,
      ])
    ).map((r) => r.name);
  const planOf = async (sql: Sql, query: string, params: SqlValue[]) =>
    // Seq scans off: on a table this small the planner rightly reads the table; whether the index alone can answer is the
    // question here (at 100,000 records the planner picks these index-only scans itself: bench/sandbox.mjs).
    await sql.tx(async () => {
      await sql.run("SET LOCAL enable_seqscan = off");
      return (await sql.all<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS, BUFFERS) ${query}`, params))
        .map((r) => r["QUERY PLAN"])
        .join("\n");
    });

  it("hold every writer's field values, answer COUNTs from the index alone, and follow the schema's fields", async () => {
    const sql = await getStore();
    const tenant = await newTenant();
    const owner = await newUser(tenant);
    const scope: OrgScope = { tenantId: tenant.id, organizationId: await addOrganization(tenant, owner.user.id) };
    const fields = {
      category: { type: "string" as const, required: true },
      price: { type: "float" as const, required: true },
    };
    const schema = await insertEntitySchema(
      sql,
      scope,
      { name: "Items", slug: "items", fields, createdBy: owner.user.id },
      new Date(),
    );
    // A statistics object of the earlier layout (one per field expression): dropped when the schema's indexes are synced.
    await sql.run(
      `CREATE STATISTICS ers_${schema.id.replaceAll("-", "")}_0123456789abcdef ON (lower(data)) FROM entity_records`,
    );

    // 2,000 records written straight into the table, not through the API: the trigger fills their slots all the same.
    const rows = Array.from({ length: 2000 }, (_, i) => [
      crypto.randomUUID(),
      JSON.stringify({ category: i % 4 === 0 ? "books" : `c${i % 4}`, price: i }),
    ]);
    await sql.run(
      `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at)
       SELECT r.id, ?, ?, ?, r.data, ?, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
       FROM json_to_recordset(?::json) AS r(id text, data text)`,
      [
        scope.tenantId,
        scope.organizationId,
        schema.id,
        owner.user.id,
        JSON.stringify(rows.map(([id, data]) => ({ id, data }))),
      ],
    );
    const slots = recordSlotsFor(indexedFieldsOf(fields));
    expect(slots.map((s) => s.column)).toEqual(["txt_1", "num_2"]);
    expect(await sql.get(`SELECT txt_1, num_2 FROM entity_records WHERE id = ?`, [rows[5]![0]!])).toEqual({
      txt_1: "c1",
      num_2: 5,
    });
    await sql.run(`VACUUM (ANALYZE) entity_records`);

    const issues: never[] = [];
    const searchable = searchableFields([fields]);
    const [books, cheap] = compileFilters(
      "postgres",
      { category: "books", price: { operator: "lt", value: 1000 } },
      searchable,
      issues,
    ).map((c, i) => onSlot(c, slots[i]!));
    const where = `tenant_id = ? AND organization_id = ? AND schema_id = ${schemaLiteral(schema.id)} AND ${books!.text} AND ${cheap!.text}`;
    const params = [scope.tenantId, scope.organizationId, ...books!.params, ...cheap!.params];
    expect(books!.text).toBe("txt_1 = ?");
    expect(await sql.get(`SELECT COUNT(*) AS n FROM entity_records WHERE ${where}`, params)).toEqual({ n: 250 });
    const plan = await planOf(sql, `SELECT COUNT(*) FROM entity_records WHERE ${where}`, params);
    expect(plan).toMatch(/Index Only Scan using erx_/);
    expect(plan).toMatch(/Heap Fetches: 0/);
    // The slot columns' own statistics: about a quarter of 2,000 estimated for books under 1,000 (a guess would be 0.5%).
    const estimated = Number(/Index Only Scan.*rows=(\d+)/.exec(plan)?.[1]);
    expect(estimated).toBeGreaterThan(125);
    expect(estimated).toBeLessThan(500);

    // price becomes a string: its values move to a text slot, compared as text, in a refill of the schema's records.
    await updateEntitySchema(
      sql,
      scope,
      schema,
      { fields: { ...fields, price: { type: "string", required: true } } },
      new Date(),
    );
    expect(await sql.get(`SELECT txt_1, num_2, txt_2 FROM entity_records WHERE id = ?`, [rows[5]![0]!])).toEqual({
      txt_1: "c1",
      num_2: null,
      txt_2: "5",
    });
    expect(await statsOf(schema.id)).toEqual([]);
    expect(
      await sql.get(`SELECT COUNT(*) AS n FROM entity_records WHERE schema_id = ? AND txt_2 LIKE '1%'`, [schema.id]),
    ).toEqual({ n: 1111 });
    await sql.run(`DELETE FROM entity_records WHERE schema_id = ?`, [schema.id]);
    await deleteEntitySchema(sql, scope, schema.id);
    await resetTenant(sql, tenant, new Date());
  });

  it("read values as the JSON expressions compare them: numbers as SQLite casts them, booleans as 1 / 0, text as ->>", async () => {
    const sql = await getStore();
    const tenant = await newTenant();
    const owner = await newUser(tenant);
    const scope: OrgScope = { tenantId: tenant.id, organizationId: await addOrganization(tenant, owner.user.id) };
    const fields = {
      n: { type: "float" as const, required: false },
      b: { type: "boolean" as const, required: false },
      t: { type: "string" as const, required: false },
    };
    const schema = await insertEntitySchema(
      sql,
      scope,
      { name: "Odd", slug: "odd", fields, createdBy: null },
      new Date(),
    );
    const slotsOf = async (data: unknown) => {
      const id = crypto.randomUUID();
      await sql.run(
        `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', 'now', 'now')`,
        [id, scope.tenantId, scope.organizationId, schema.id, JSON.stringify(data)],
      );
      return await sql.get(`SELECT num_1, num_2, txt_3 FROM entity_records WHERE id = ?`, [id]);
    };
    expect(await slotsOf({ n: 2.5, b: true, t: "x" })).toEqual({ num_1: 2.5, num_2: 1, txt_3: "x" });
    expect(await slotsOf({ n: " 12.5e1abc", b: false, t: 7 })).toEqual({ num_1: 125, num_2: 0, txt_3: "7" });
    expect(await slotsOf({ n: "abc", b: "yes", t: { a: 1 } })).toEqual({ num_1: 0, num_2: null, txt_3: '{"a": 1}' });
    expect(await slotsOf({ n: true, b: 3, t: null })).toEqual({ num_1: 1, num_2: 3, txt_3: null });
    expect(await slotsOf({ n: "1e999", other: 1 })).toEqual({ num_1: null, num_2: null, txt_3: null });
    await resetTenant(sql, tenant, new Date());
  });
});

describe("pair indexes", () => {
  it("answer the COUNT of an enum's equality and a number's range from their two values alone", async () => {
    const sql = await getStore();
    const tenant = await newTenant();
    const owner = await newUser(tenant);
    const scope: OrgScope = { tenantId: tenant.id, organizationId: await addOrganization(tenant, owner.user.id) };
    const fields = {
      category: { type: "enum" as const, required: true, values: ["books", "toys", "garden", "tools"] },
      price: { type: "float" as const, required: true },
      name: { type: "string" as const, required: false },
    };
    const schema = await insertEntitySchema(
      sql,
      scope,
      { name: "Goods", slug: "goods", fields, createdBy: owner.user.id },
      new Date(),
    );
    const pairs = recordIndexesFor("postgres", schema.id, indexedFieldsOf(fields), scope).filter(
      (i) => i.key === "pair",
    );
    // category (an enum) with price (a number); name, free text, pairs with nothing.
    expect(pairs.map((i) => i.field)).toEqual(["category"]);
    expect(pairs[0]!.create).toContain("(txt_1, num_2) WHERE schema_id = ");
    await sql.run(
      `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at)
       SELECT gen_random_uuid()::text, ?, ?, ?, json_build_object('category', (ARRAY['books', 'toys', 'garden', 'tools'])[1 + g % 4], 'price', g)::text,
              ?, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
       FROM generate_series(1, 4000) AS g`,
      [scope.tenantId, scope.organizationId, schema.id, owner.user.id],
    );
    await sql.run(`VACUUM (ANALYZE) entity_records`);

    // Through the search, then its COUNT as the search writes it: owner and schema spliced, conditions on the slots.
    const page = await searchEntityRecords(sql, scope, {
      schemas: [schema],
      schemaId: schema.id,
      filters: compileFilters(
        "postgres",
        { category: "books", price: { operator: "gt", value: 3000 } },
        searchableFields([fields]),
        [],
      ),
      orderBy: "created_at",
      order: compileOrder("postgres", "created_at", "desc", searchableFields([fields]), []),
      page: 1,
      size: 5,
    });
    expect(page.total).toBe(250);
    const literal = (id: string) => `'${id}'`;
    const countSql = `SELECT COUNT(*) FROM entity_records WHERE tenant_id = ${literal(scope.tenantId)} AND organization_id = ${literal(scope.organizationId)} AND schema_id = ${schemaLiteral(schema.id)} AND txt_1 = 'books' AND num_2 > 3000`;
    const plan = (await sql.all<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE) ${countSql}`))
      .map((r) => r["QUERY PLAN"])
      .join("\n");
    expect(plan).toContain(`Index Only Scan using ${pairs[0]!.name}`);
    expect(plan).toMatch(/Heap Fetches: 0/);
    await sql.run(`DELETE FROM entity_records WHERE schema_id = ?`, [schema.id]);
    await resetTenant(sql, tenant, new Date());
  });
});
