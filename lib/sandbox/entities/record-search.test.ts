import { beforeAll, describe, expect, it } from "vitest";
import type { EntityRecordPage } from "@/lib/catalog/schemas/entity-record";
import type { z } from "zod";
import { recordIndexesFor } from "../db/record-indexes";
import type { Sql, SqlParams } from "../db/sql";
import { insertEntityRecord, searchEntityRecords } from "../resources/entity-record";
import {
  fieldsOf,
  findEntitySchema,
  insertEntitySchema,
  type EntitySchemaRow,
  type OrgScope,
} from "../resources/entity-schema";
import { closeStore, getStore } from "../store";
import { resetTenant, type TenantRow } from "../tenants";
import { sandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { addOrganization, newTenant, newUser } from "../testing/fixtures";
import type { ValidationIssue } from "../validation";
import type { FieldsDefinition } from "./record-validator";
import {
  compileFilters,
  compileOrder,
  indexedFieldsOf,
  searchableFields,
  type FilterValue,
  type OrderDir,
} from "./record-filter";

/**
 * Record search against the real database: every operator, ordering and paging compared with the same search
 * done in JavaScript over the same records (whichever plan the search picks: walking an ordering index, or a
 * field's index), and the plans themselves checked with EXPLAIN: the per-schema indexes are used, and the COUNT
 * never reads a record.
 */

setupTempDatabase();

type Page = z.infer<typeof EntityRecordPage>;
type Data = {
  name: string | number;
  price: number;
  qty?: number | null;
  category?: string | null;
  in_stock: boolean;
  note?: string | null;
};

const FIELDS: FieldsDefinition = {
  name: { type: "string", required: true },
  price: { type: "float", required: true },
  qty: { type: "integer", required: false },
  category: { type: "enum", required: false, values: ["books", "garden", "toys"] },
  in_stock: { type: "boolean", required: false, default: true },
  note: { type: "string", required: false },
};

const RECORDS = 240;
/**
 * Names of further records, for like / ilike: case variants, a literal % and _, letters outside A–Z (whose case no
 * operator ignores), astral and last code points, and numbers where a string belongs (as a record written before its
 * field became a string holds).
 */
const EXTRA_NAMES: (string | number)[] = [
  "item 150",
  "ITEM 1_4 b",
  "Item 1% off",
  "Item 1_b",
  "Élan",
  "élan vital",
  "ÉLAN",
  "Straße 5",
  "straße 6",
  "日本 1",
  "😀 smile",
  "a\u{10FFFF}z",
  12345,
  "12 monkeys",
  1.5,
];
const START = Date.parse("2025-01-01T00:00:00Z");

let tenant: TenantRow;
let scope: OrgScope;
let schema: EntitySchemaRow;
let token: string;
const records: { id: string; data: Data; created_at: string; updated_at: string }[] = [];

beforeAll(async () => {
  tenant = await newTenant();
  const owner = await newUser(tenant);
  token = owner.tokens.access_token;
  scope = { tenantId: tenant.id, organizationId: await addOrganization(tenant, owner.user.id) };
  const sql = await getStore();
  schema = await insertEntitySchema(
    sql,
    scope,
    { name: "Items", slug: "items", fields: FIELDS, createdBy: owner.user.id },
    new Date(START),
  );
  const notes = ["Red", "red wine", "BLUE", "green_tea", "50% off", null];
  for (let i = 0; i < RECORDS + EXTRA_NAMES.length; i++) {
    const data: Data = {
      name: i < RECORDS ? `Item ${i}` : EXTRA_NAMES[i - RECORDS]!,
      price: ((i * 37) % 100) + (i % 3) / 4, // 0..99.5, repeating: ties broken by created_at, id
      in_stock: i % 4 !== 0,
    };
    if (i % 5 !== 0) data.qty = i % 7;
    else if (i % 10 === 0) data.qty = null;
    if (i % 6 !== 0) data.category = ["books", "garden", "toys"][i % 3]!;
    if (i % 2 === 0) data.note = notes[i % notes.length]!;
    // Two records share each creation second: ties on created_at are broken by id.
    const row = await insertEntityRecord(
      sql,
      scope,
      schema.id,
      data,
      owner.user.id,
      new Date(START + 1000 + Math.floor(i / 2) * 1000),
    );
    records.push({ id: row.id, data, created_at: row.created_at, updated_at: row.updated_at });
  }
  schema = (await findEntitySchema(sql, scope, schema.id))!;
});

// ── The same search in JavaScript ──

type Scalar = string | number | boolean | null;
const norm = (v: unknown): Scalar => (v === undefined ? null : (v as Scalar));
/** SQLite's order: numbers (booleans as 1/0) before text, text by its UTF-8 bytes. */
const sqlCmp = (a: Scalar, b: Scalar): number => {
  const x = typeof a === "boolean" ? Number(a) : a;
  const y = typeof b === "boolean" ? Number(b) : b;
  if (typeof x === "string" && typeof y === "string") return Buffer.compare(Buffer.from(x), Buffer.from(y));
  if (typeof x === "string" || typeof y === "string") return typeof x === "string" ? 1 : -1;
  return x! < y! ? -1 : x! > y! ? 1 : 0;
};
/** A LIKE pattern as a regular expression: `_` is one character (a code point), `%` any run of them, newlines included. */
function likeRegex(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    let c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) c = `\\${pattern[++i]!}`; // \% and \_ are literal
    out += c === "%" ? ".*" : c === "_" ? "." : c.replace(/^\\/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "su");
}
/** ilike ignores the case of A–Z only (SQLite's LIKE): É and é, ß and SS stay different. */
const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

function matches(value: Scalar, filter: FilterValue): boolean {
  const { operator, value: want } =
    filter !== null && typeof filter === "object" ? filter : { operator: "eq" as const, value: filter };
  const list = Array.isArray(want) ? want : [want];
  switch (operator) {
    case "eq":
      return want === null ? value === null : value !== null && sqlCmp(value, want as Scalar) === 0;
    case "ne":
      return want === null ? value !== null : value === null || sqlCmp(value, want as Scalar) !== 0;
    case "gt":
      return value !== null && sqlCmp(value, want as Scalar) > 0;
    case "gte":
      return value !== null && sqlCmp(value, want as Scalar) >= 0;
    case "lt":
      return value !== null && sqlCmp(value, want as Scalar) < 0;
    case "lte":
      return value !== null && sqlCmp(value, want as Scalar) <= 0;
    case "in":
      return value === null ? list.includes(null) : list.some((w) => w !== null && sqlCmp(value, w) === 0);
    case "not_in":
      return value === null ? !list.includes(null) : !list.some((w) => w !== null && sqlCmp(value, w) === 0);
    case "like":
      return value !== null && likeRegex(want as string).test(String(value));
    case "ilike":
      return value !== null && likeRegex(foldAscii(want as string)).test(foldAscii(String(value)));
  }
}

function expected(query: Record<string, FilterValue>, orderBy: string, dir: OrderDir) {
  const found = records.filter((r) =>
    Object.entries(query).every(([field, f]) => matches(norm(r.data[field as keyof Data]), f)),
  );
  const sign = dir === "asc" ? 1 : -1;
  const tie = (a: (typeof found)[number], b: (typeof found)[number]) =>
    sign *
    (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  found.sort((a, b) => {
    if (orderBy === "created_at" || orderBy === "updated_at") {
      const x = a[orderBy];
      const y = b[orderBy];
      return x === y ? sign * (a.id < b.id ? -1 : 1) : sign * (x < y ? -1 : 1);
    }
    const x = norm(a.data[orderBy as keyof Data]);
    const y = norm(b.data[orderBy as keyof Data]);
    if (x === null || y === null) return x === y ? tie(a, b) : x === null ? 1 : -1; // missing values last
    return sign * sqlCmp(x, y) || tie(a, b);
  });
  return found.map((r) => r.id);
}

// ── Searches through the API ──

const FILTERS: Record<string, FilterValue>[] = [
  {},
  { price: { operator: "gt", value: 50 } },
  { price: { operator: "gte", value: 50 }, category: "books" },
  { qty: { operator: "lt", value: 3 } },
  { qty: { operator: "lte", value: 3 }, in_stock: true },
  { category: { operator: "ne", value: "toys" } },
  { in_stock: { operator: "ne", value: true } },
  { note: null },
  { note: { operator: "ne", value: null } },
  { name: { operator: "like", value: "Item 1%" } },
  { name: { operator: "ilike", value: "item 2_" } },
  { note: { operator: "ilike", value: "%RED%" } },
  { note: { operator: "like", value: "%\\%%" } },
  { category: { operator: "in", value: ["books", "garden"] } },
  { category: { operator: "in", value: ["books", null] } },
  { category: { operator: "not_in", value: ["books"] } },
  { category: { operator: "not_in", value: ["books", null] } },
  { qty: { operator: "in", value: [] } },
  // A literal prefix: a range of name's folded index, then the pattern itself on its entries.
  { name: { operator: "like", value: "item 1%" } },
  { name: { operator: "ilike", value: "ITEM 1_4%" } },
  { name: { operator: "like", value: "Item 12" } },
  { name: { operator: "ilike", value: "iTEM 12" } },
  { name: { operator: "like", value: "Item 1\\%%" } },
  { name: { operator: "ilike", value: "item 1\\_%" } },
  { name: { operator: "ilike", value: "élan%" } },
  { name: { operator: "like", value: "ÉLA%" } },
  { name: { operator: "ilike", value: "STRAße _" } },
  { name: { operator: "like", value: "日本%" } },
  { name: { operator: "ilike", value: "😀_S%" } },
  { name: { operator: "like", value: "a\u{10FFFF}%" } },
  { name: { operator: "like", value: "1234%" } },
  { name: { operator: "ilike", value: "1%" } },
  { name: { operator: "ilike", value: "_TEM 1%" } }, // no prefix: a scan
  { name: { operator: "ilike", value: "item 1%" }, category: "books" },
  { name: { operator: "like", value: "Item 2%" }, price: { operator: "lt", value: 50 } },
  { note: { operator: "like", value: "green\\_t%" } },
  { note: { operator: "ilike", value: "50\\% OFF" } },
  { price: { operator: "like", value: "1%" } }, // a number field: its text, a scan
  { price: { operator: "gt", value: 99 } }, // few matches: the page comes from price's index
  { name: "Item 7" },
  {
    name: { operator: "gte", value: "Item 5" },
    price: { operator: "lt", value: 20 },
    category: { operator: "ne", value: "garden" },
  },
];
const ORDERS: [string, OrderDir][] = [
  ["created_at", "desc"],
  ["updated_at", "asc"],
  ["price", "asc"],
  ["price", "desc"],
  ["qty", "asc"],
  ["category", "desc"],
  ["name", "asc"],
];

async function search(
  query: Record<string, FilterValue>,
  orderBy: string,
  dir: OrderDir,
  page: number,
  size: number,
): Promise<Page> {
  const client = sandboxClient(tenant);
  const res = await client.call("POST", "/v1/entity/records/search", {
    key: "secret",
    token,
    org: scope.organizationId,
    query: { page: String(page), size: String(size), order_by: orderBy, order_dir: dir },
    body: { schema_id: schema.id, query },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
}

describe("record search gives what the same search in JavaScript gives", () => {
  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))(
    "%s, every ordering, first, second and last page",
    async (_label, query) => {
      for (const [orderBy, dir] of ORDERS) {
        const want = expected(query, orderBy, dir);
        const size = 7;
        const lastPage = Math.max(1, Math.ceil(want.length / size));
        for (const page of [...new Set([1, 2, lastPage, lastPage + 1])]) {
          const got = await search(query, orderBy, dir, page, size);
          const context = `${orderBy} ${dir} page ${page}`;
          expect(got.total, context).toBe(want.length);
          expect(
            got.items.map((r) => r.id),
            context,
          ).toEqual(want.slice((page - 1) * size, page * size));
        }
      }
    },
  );
});

// ── Plans ──

/** The real store, recording every SELECT it runs. */
function recording(sql: Sql): { sql: Sql; selects: { text: string; params: SqlParams }[] } {
  const selects: { text: string; params: SqlParams }[] = [];
  const keep = (text: string, params: SqlParams = []) => {
    if (/^\s*SELECT/i.test(text)) selects.push({ text, params });
  };
  return {
    selects,
    sql: {
      dialect: sql.dialect,
      all: async <T>(text: string, params?: SqlParams) => (keep(text, params), await sql.all<T>(text, params)),
      get: async <T>(text: string, params?: SqlParams) => (keep(text, params), await sql.get<T>(text, params)),
      run: async (text, params) => await sql.run(text, params),
      tx: (fn) => sql.tx(fn),
      lock: (name, options) => sql.lock(name, options),
    },
  };
}

async function runSearch(query: Record<string, FilterValue>, orderBy = "created_at", dir: OrderDir = "desc", page = 1) {
  const fields = searchableFields([fieldsOf(schema)]);
  const issues: ValidationIssue[] = [];
  const filters = compileFilters("sqlite", query, fields, issues);
  const order = compileOrder("sqlite", orderBy, dir, fields, issues);
  expect(issues).toEqual([]);
  const rec = recording(await getStore());
  // A fresh revision each time, so no cached count hides the COUNT.
  await (
    await getStore()
  ).run(`UPDATE entity_schemas SET records_revision = records_revision + 1 WHERE id = ?`, [schema.id]);
  const current = (await findEntitySchema(await getStore(), scope, schema.id))!;
  await searchEntityRecords(rec.sql, scope, {
    schemas: [current],
    schemaId: schema.id,
    filters,
    orderBy,
    order,
    page,
    size: 20,
  });
  return rec.selects;
}

const plan = async (q: { text: string; params: SqlParams }) =>
  (await (await getStore()).all<{ detail: string }>(`EXPLAIN QUERY PLAN ${q.text}`, q.params))
    .map((r) => r.detail)
    .join(" | ");
/**
 * Whether the statement's bytecode reads a record: a Column of the table's cursor (an index's DeferredSeek is
 * resolved only then) or a call of json_extract (an indexed expression is read from the index instead).
 */
async function readsRecords(q: { text: string; params: SqlParams }): Promise<boolean> {
  const root = (await (
    await getStore()
  ).get<{ rootpage: number }>(`SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'entity_records'`))!
    .rootpage;
  const ops = await (
    await getStore()
  ).all<{ opcode: string; p1: number; p2: number; p4: string | null }>(`EXPLAIN ${q.text}`, q.params);
  const tableCursors = new Set(ops.filter((o) => o.opcode === "OpenRead" && o.p2 === root).map((o) => o.p1));
  return ops.some(
    (o) =>
      (o.opcode === "Column" && tableCursors.has(o.p1)) || (/Func/.test(o.opcode) && /json_extract/.test(o.p4 ?? "")),
  );
}
const indexesNow = () => recordIndexesFor("sqlite", schema.id, indexedFieldsOf(fieldsOf(schema)));
const indexOf = (field: string, key: "value" | "folded" = "value") =>
  indexesNow().find((i) => i.field === field && i.key === key)!.name;

describe("record search plans (EXPLAIN QUERY PLAN over the real database)", () => {
  it("creates one index per field, each led by the very expression the search compiles, and one per text field led by its lowercased text", async () => {
    const names = (
      await (
        await getStore()
      ).all<{ name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'erx\\_%' ESCAPE '\\'`,
      )
    ).filter((r) => r.name.includes(schema.id.replaceAll("-", "")));
    const texts = ["name", "category", "note"];
    expect(names.map((r) => r.name).sort()).toEqual(
      [...Object.keys(FIELDS).map((f) => indexOf(f)), ...texts.map((f) => indexOf(f, "folded"))].sort(),
    );
    expect(names.find((r) => r.name === indexOf("price"))!.sql).toContain(
      `(tenant_id, organization_id, CAST(json_extract(data, '$."price"') AS REAL), created_at, id`,
    );
    const folded = names.find((r) => r.name === indexOf("name", "folded"))!.sql;
    expect(folded).toContain(
      `(tenant_id, organization_id, lower(json_extract(data, '$."name"')), created_at, id, updated_at, json_extract(data, '$."name"'), `,
    );
  });

  it("counts an equality and a range through the equality's index, without reading a record", async () => {
    const [count] = await runSearch({ price: { operator: "gt", value: 10 }, category: "books" });
    expect(count!.text).toMatch(/^SELECT COUNT/);
    expect(await plan(count!)).toContain(
      `USING INDEX ${indexOf("category")} (tenant_id=? AND organization_id=? AND <expr>=?)`,
    );
    expect(await readsRecords(count!)).toBe(false);
  });

  it("counts an equality on a boolean (two values) after the other field's in list", async () => {
    const [count] = await runSearch({ in_stock: true, category: { operator: "in", value: ["books", "toys"] } });
    expect(await plan(count!)).toContain(
      `USING INDEX ${indexOf("category")} (tenant_id=? AND organization_id=? AND <expr>=?)`,
    );
    expect(await readsRecords(count!)).toBe(false);
  });

  it("counts a range alone by seeking the field's index", async () => {
    const [count] = await runSearch({ price: { operator: "lte", value: 3 } });
    expect(await plan(count!)).toMatch(
      new RegExp(
        `USING (COVERING )?INDEX ${indexOf("price")} \\(tenant_id=\\? AND organization_id=\\? AND <expr><\\?\\)`,
      ),
    );
  });

  it("answers ilike and not_in with fewer than 1,000 matches from one scan of a covering index, then the page by primary key", async () => {
    const queries: Record<string, FilterValue>[] = [
      { note: { operator: "ilike", value: "%red%" } },
      { category: { operator: "not_in", value: ["books"] } },
    ];
    for (const query of queries) {
      const selects = await runSearch(query);
      expect(selects.filter((q) => /COUNT/.test(q.text))).toEqual([]);
      const [probe, page] = selects;
      expect(await plan(probe!)).toContain(`USING INDEX ${indexOf(Object.keys(query)[0]!)}`);
      expect(await readsRecords(probe!)).toBe(false);
      expect(await plan(page!)).toMatch(/USING INDEX sqlite_autoindex_entity_records_1 \(id=\?\)/);
    }
  });

  it("pages dense matches by walking the created_at index, sparse ones through the filter's index", async () => {
    const dense = await runSearch({ price: { operator: "gt", value: 1 } });
    expect(await plan(dense.at(-1)!)).toContain("USING INDEX entity_records_search_created");
    expect(await readsRecords(dense.at(-1)!)).toBe(true); // the check above can fail: this walk does read records
    expect(await plan(dense.at(-1)!)).not.toContain("TEMP B-TREE");
    const sparse = await runSearch({ price: { operator: "gt", value: 99 } });
    const ids = sparse.find((q) => /^SELECT id /.test(q.text))!;
    expect(await plan(ids)).toContain(
      `USING INDEX ${indexOf("price")} (tenant_id=? AND organization_id=? AND <expr>>?)`,
    );
  });

  it("seeks a like / ilike with a literal prefix in the folded index, and checks the pattern on that range's entries only", async () => {
    const range = (field: string) =>
      new RegExp(
        `SEARCH entity_records USING (COVERING )?INDEX ${indexOf(field, "folded")} \\(tenant_id=\\? AND organization_id=\\? AND <expr>>\\? AND <expr><\\?\\)`,
      );
    const queries: Record<string, FilterValue>[] = [
      { name: { operator: "ilike", value: "item 1%" } },
      { name: { operator: "like", value: "Item 12" } },
      { name: { operator: "ilike", value: "ITEM 1_4%" } },
      { name: { operator: "like", value: "1234%" } },
      { name: { operator: "ilike", value: "élan%" } },
      { note: { operator: "like", value: "green\\_t%" } },
    ];
    for (const query of queries) {
      const field = Object.keys(query)[0]!;
      const selects = await runSearch(query);
      const count = selects.find((q) => /^SELECT COUNT/.test(q.text) && q.text.includes(indexOf(field, "folded")));
      expect(count, JSON.stringify(query)).toBeDefined();
      expect(await plan(count!)).toMatch(range(field));
      expect(await readsRecords(count!)).toBe(false);
    }
    // One match in 255: the page comes from the same range, sorted.
    const ids = (await runSearch({ name: { operator: "like", value: "1234%" } })).find((q) =>
      /^SELECT id /.test(q.text),
    )!;
    expect(await plan(ids)).toMatch(range("name"));
    expect(await readsRecords(ids)).toBe(false);
  });

  it("keeps a like / ilike without a literal prefix a scan of the field's index", async () => {
    for (const value of ["_TEM 1%", "%tem 12"]) {
      const [probe, ...rest] = await runSearch({ name: { operator: "ilike", value } });
      expect(rest.filter((q) => /COUNT/.test(q.text))).toEqual([]);
      expect(await plan(probe!)).toContain(`USING INDEX ${indexOf("name")} (tenant_id=? AND organization_id=?)`);
    }
  });

  it("pages a range holding a tenth of the records through its index: sorting those beats walking ten rows for each", async () => {
    const selects = await runSearch({ price: { operator: "gt", value: 90 } });
    const ids = selects.find((q) => /^SELECT id /.test(q.text));
    expect(ids).toBeDefined();
    expect(await plan(ids!)).toContain(
      `USING INDEX ${indexOf("price")} (tenant_id=? AND organization_id=? AND <expr>>?)`,
    );
  });

  it("orders a few matches by sorting them out of the filter's index, not by walking the ordered field's index", async () => {
    const selects = await runSearch({ name: { operator: "like", value: "1234%" } }, "price", "asc");
    const ids = selects.find((q) => /^SELECT id /.test(q.text))!;
    expect(await plan(ids)).toContain(
      `USING INDEX ${indexOf("name", "folded")} (tenant_id=? AND organization_id=? AND <expr>>? AND <expr><?)`,
    );
    expect(await plan(ids)).toContain("USE TEMP B-TREE FOR ORDER BY");
  });

  it("orders by a field through its index, without a sort", async () => {
    const selects = await runSearch({}, "price", "desc", 3);
    const ids = selects.find((q) => /^SELECT id /.test(q.text))!;
    expect(await plan(ids)).toContain(`INDEX ${indexOf("price")}`);
    expect(await plan(ids)).not.toContain("TEMP B-TREE");
  });
});

describe("record indexes follow the schema", () => {
  const indexNames = async (schemaId: string) =>
    (
      await (
        await getStore()
      ).all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE ?`, [
        `erx_${schemaId.replaceAll("-", "")}_%`,
      ])
    ).map((r) => r.name);

  it("rebuilds on a changed fields_definition and drops them with the schema and with the tenant's data", async () => {
    const t = await newTenant();
    const owner = await newUser(t);
    const org = await addOrganization(t, owner.user.id);
    const client = sandboxClient(t);
    const opts = { key: "secret" as const, token: owner.tokens.access_token, org };
    const created = await client.call("POST", "/v1/entity/schemas", {
      ...opts,
      body: {
        name: "Notes",
        slug: "notes",
        fields_definition: { title: { type: "string" }, stars: { type: "integer" } },
      },
    });
    const { id } = (await created.json()) as { id: string };
    const before = await indexNames(id);
    expect(before).toHaveLength(3); // title's two (its value, its lowercased text), stars' one

    // stars becomes a string: its values now compare as text, so the indexes are rebuilt.
    const put = await client.call("PUT", `/v1/entity/schemas/${id}`, {
      ...opts,
      body: { fields_definition: { title: { type: "string" }, stars: { type: "string" } } },
    });
    expect(put.status).toBe(200);
    const after = await indexNames(id);
    expect(after).toHaveLength(4);
    expect(after.filter((n) => before.includes(n))).toEqual([]);

    expect((await client.call("DELETE", `/v1/entity/schemas/${id}`, opts)).status).toBe(204);
    expect(await indexNames(id)).toEqual([]);

    const again = await client.call("POST", "/v1/entity/schemas", {
      ...opts,
      body: { name: "Tags", slug: "tags", fields_definition: { tag: { type: "string" } } },
    });
    const tags = (await again.json()) as { id: string };
    expect(await indexNames(tags.id)).toHaveLength(2);
    await resetTenant(await getStore(), t, new Date());
    expect(await indexNames(tags.id)).toEqual([]);
  });
});

describe("record indexes of a database written without them", () => {
  const named = async (schemaId: string) =>
    (
      await (
        await getStore()
      ).all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE ?`, [
        `erx_${schemaId.replaceAll("-", "")}_%`,
      ])
    ).map((r) => r.name);

  it("are created when the store opens, and those of schemas that are gone are dropped", async () => {
    const sql = await getStore();
    const lone = await insertEntitySchema(
      sql,
      scope,
      { name: "Lone", slug: "lone", fields: { a: { type: "string", required: false } }, createdBy: null },
      new Date(),
    );
    const want = await named(lone.id);
    expect(want).toHaveLength(2);
    for (const name of want) await sql.run(`DROP INDEX ${name}`);
    // An index left behind by a schema deleted behind the API's back.
    const gone = "00000000-0000-4000-8000-000000000000";
    await sql.run(
      `CREATE INDEX erx_${gone.replaceAll("-", "")}_0123456789abcdef ON entity_records (tenant_id) WHERE schema_id = '${gone}'`,
    );

    await closeStore();
    expect(await named(lone.id)).toEqual(want);
    expect(await named(gone)).toEqual([]);
  });

  it("are made by the first search that misses them", async () => {
    for (const name of await named(schema.id)) await (await getStore()).run(`DROP INDEX ${name}`);
    const page = await search({ price: { operator: "gt", value: 99 } }, "created_at", "desc", 1, 5);
    expect(page.total).toBe(expected({ price: { operator: "gt", value: 99 } }, "created_at", "desc").length);
    expect((await named(schema.id)).sort()).toEqual(
      indexesNow()
        .map((i) => i.name)
        .sort(),
    );
  });
});

describe("a search without a seekable condition over more than 1,000 matches", () => {
  it("counts them by scanning a covering index, and pages by walking the created_at index", async () => {
    const sql = await getStore();
    const many = await insertEntitySchema(
      sql,
      scope,
      { name: "Many", slug: "many", fields: { tag: { type: "string", required: true } }, createdBy: null },
      new Date(START),
    );
    const ids: string[] = [];
    await sql.tx(async () => {
      for (let i = 0; i < 1_200; i++) {
        const at = new Date(START + i * 1000).toISOString();
        const id = crypto.randomUUID();
        ids.push(id);
        await sql.run(
          `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'u', NULL, ?, ?)`,
          [id, scope.tenantId, scope.organizationId, many.id, JSON.stringify({ tag: i % 2 ? "odd" : "even" }), at, at],
        );
      }
      await sql.run(`UPDATE entity_schemas SET records_revision = records_revision + 1 WHERE id = ?`, [many.id]);
    });
    const fields = searchableFields([fieldsOf(many)]);
    const issues: ValidationIssue[] = [];
    const filters = compileFilters("sqlite", { tag: { operator: "ne", value: "none" } }, fields, issues);
    const order = compileOrder("sqlite", "created_at", "desc", fields, issues);
    const rec = recording(sql);
    const current = (await findEntitySchema(sql, scope, many.id))!;
    const result = await searchEntityRecords(rec.sql, scope, {
      schemas: [current],
      schemaId: many.id,
      filters,
      orderBy: "created_at",
      order,
      page: 2,
      size: 20,
    });
    expect(result.total).toBe(1_200);
    expect(result.rows.map((r) => r.id)).toEqual([...ids].reverse().slice(20, 40));
    const tagIndex = recordIndexesFor("sqlite", many.id, indexedFieldsOf(fieldsOf(many)))[0]!.name;
    const count = rec.selects.find((q) => /^SELECT COUNT/.test(q.text) && q.text.includes(tagIndex))!;
    expect(await plan(count)).toContain(`USING INDEX ${tagIndex}`);
    expect(await readsRecords(count)).toBe(false);
    expect(await plan(rec.selects.at(-1)!)).toContain("USING INDEX entity_records_search_created");
  });
});
