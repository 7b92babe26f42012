import { BoundedMap } from "@/lib/cache/bounded-map";
import type { EntityRecord } from "@/lib/catalog/schemas/entity-record";
import { indexableFields, recordIndexesFor, schemaLiteral, syncRecordIndexes, uuidLiteral } from "../db/record-indexes";
import { onSlot, recordSlotsFor, type RecordSlot } from "../db/record-slots";
import { indexHint, isoTime, newId, toJson, type Sql, type SqlFragment, type SqlValue } from "../db/sql";
import { cachedCount, rememberCount } from "../entities/count-cache";
import { indexedFieldsOf, type FilterCondition } from "../entities/record-filter";
import { bumpRecordsRevision, fieldsOf, type EntitySchemaRow, type OrgScope } from "./entity-schema";

/** A row of `entity_records`: one item of an entity schema, its data a JSON object. */
export interface EntityRecordRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  schema_id: string;
  data: string;
  created_by_id: string;
  updated_by_id: string | null;
  created_at: string;
  updated_at: string;
}

export function toEntityRecord(row: EntityRecordRow): EntityRecord {
  return {
    id: row.id,
    schema_id: row.schema_id,
    organization_id: row.organization_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    created_by_id: row.created_by_id,
    updated_by_id: row.updated_by_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export const findEntityRecord = async (sql: Sql, scope: OrgScope, id: string): Promise<EntityRecordRow | undefined> =>
  await sql.get<EntityRecordRow>(
    `SELECT * FROM entity_records WHERE tenant_id = ? AND organization_id = ? AND id = ?`,
    [scope.tenantId, scope.organizationId, id],
  );

/** The rows of these ids, in their order (one primary-key lookup each), skipping any gone meanwhile. */
async function findEntityRecords(
  sql: Sql,
  scope: OrgScope,
  ids: readonly { id: string }[],
): Promise<EntityRecordRow[]> {
  if (sql.dialect === "postgres" && ids.length > 0) {
    // One round trip instead of one per id (its planner takes the primary key for an IN list), then the ids' order.
    const found = await sql.all<EntityRecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM entity_records WHERE tenant_id = ? AND organization_id = ? AND id IN (${ids.map(() => "?").join(", ")})`,
      [scope.tenantId, scope.organizationId, ...ids.map((r) => r.id)],
    );
    const byId = new Map(found.map((r) => [r.id, r]));
    return ids.flatMap(({ id }) => byId.get(id) ?? []);
  }
  const rows: EntityRecordRow[] = [];
  for (const { id } of ids) {
    const row = await findEntityRecord(sql, scope, id);
    if (row) rows.push(row);
  }
  return rows;
}

export async function insertEntityRecord(
  sql: Sql,
  scope: OrgScope,
  schemaId: string,
  data: Record<string, unknown>,
  userId: string,
  now: Date,
): Promise<EntityRecordRow> {
  const id = newId();
  const at = isoTime(now);
  return await sql.tx(async () => {
    await sql.run(
      `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      [id, scope.tenantId, scope.organizationId, schemaId, toJson(data), userId, at, at],
    );
    await bumpRecordsRevision(sql, scope, schemaId);
    return (await findEntityRecord(sql, scope, id))!;
  });
}

/** Replaces the record's data; the user becomes updated_by_id. */
export async function updateEntityRecord(
  sql: Sql,
  scope: OrgScope,
  row: EntityRecordRow,
  data: Record<string, unknown>,
  userId: string,
  now: Date,
): Promise<EntityRecordRow> {
  return await sql.tx(async () => {
    await sql.run(
      `UPDATE entity_records SET data = ?, updated_by_id = ?, updated_at = ? WHERE tenant_id = ? AND organization_id = ? AND id = ?`,
      [toJson(data), userId, isoTime(now), scope.tenantId, scope.organizationId, row.id],
    );
    await bumpRecordsRevision(sql, scope, row.schema_id);
    return (await findEntityRecord(sql, scope, row.id))!;
  });
}

export async function deleteEntityRecord(sql: Sql, scope: OrgScope, row: EntityRecordRow): Promise<void> {
  await sql.tx(async () => {
    await sql.run(`DELETE FROM entity_records WHERE tenant_id = ? AND organization_id = ? AND id = ?`, [
      scope.tenantId,
      scope.organizationId,
      row.id,
    ]);
    await bumpRecordsRevision(sql, scope, row.schema_id);
  });
}

export interface RecordSearch {
  /** One schema (schema_id given), or every schema of the organization. */
  schemas: readonly EntitySchemaRow[];
  schemaId?: string;
  /** Conditions on data, ANDed (record-filter.ts). */
  filters: readonly FilterCondition[];
  /** created_at, updated_at or a data field; `order` is its ORDER BY. */
  orderBy: string;
  order: SqlFragment;
  page: number;
  size: number;
}

/**
 * What one step of a walk costs, counted in matches taken from a filter index and sorted: a step of the
 * created_at / updated_at index reads the row and its JSON, a step of a data field's index is covering, so the
 * first costs several sorted matches and the second about one and a half (the ratios the record-search bench
 * chose; bench/sandbox.mjs measures them).
 */
const ROW_STEP = 4;
const ENTRY_STEP = 1.5;
/** Matches of a search without a seekable condition that one scan collects before counting them instead. */
const PROBE = 1_000;

/** A schema's record indexes (db/record-indexes.ts): field → index name, by what leads the index; on PostgreSQL its fields' slots. */
type SchemaIndexes = Readonly<Record<FilterCondition["index"], ReadonlyMap<string, string>>> & {
  slots: ReadonlyMap<string, RecordSlot>;
};

const indexMaps = new BoundedMap<string, SchemaIndexes>(256);
const NO_INDEXES: SchemaIndexes = { value: new Map(), folded: new Map(), slots: new Map() };

/** The schema's record indexes, per schema version. */
function indexesOf(sql: Sql, schema: EntitySchemaRow): SchemaIndexes {
  const key = `${sql.dialect}:${schema.id}:${schema.version}:${schema.fields_definition}`;
  return indexMaps.getOrSet(key, () => {
    const fields = indexedFieldsOf(fieldsOf(schema));
    const all = recordIndexesFor(sql.dialect, schema.id, fields);
    const byKey = (k: FilterCondition["index"]) =>
      new Map(all.filter((i) => i.key === k).map((i) => [i.field, i.name]));
    const slots = sql.dialect === "postgres" ? recordSlotsFor(indexableFields(fields)) : [];
    return { value: byKey("value"), folded: byKey("folded"), slots: new Map(slots.map((slot) => [slot.field, slot])) };
  });
}

/** Which condition's index the COUNT seeks: equality first, then a range (an equality on a boolean, with two values, after ranges), then a scan. */
const seekRank = (f: FilterCondition): number =>
  f.access === "eq" ? (f.kind === "boolean" ? 1.5 : 0) : f.access === "range" ? 1 : 2;

/**
 * One page of matching records and the total, both in SQL. With schema_id, the plan is chosen here rather than
 * left to a planner without statistics:
 * - the total: COUNT through the record index of the most selective filter (eq, then a range, then any filtered
 *   field, whose covering index is scanned without reading a record); cached until a write to the schemas' records
 *   bumps a records_revision;
 * - the page: walking the ordering index (created_at / updated_at, or the ordered field's index) while matches are
 *   dense enough that the walk costs less than sorting the matching entries of the filter's index (ids first, then
 *   those rows), else the latter.
 * Without schema_id the conditions run over every schema's records of the organization (no per-schema index applies).
 */
export async function searchEntityRecords(
  sql: Sql,
  scope: OrgScope,
  s: RecordSearch,
): Promise<{ rows: EntityRecordRow[]; total: number }> {
  try {
    return await search(sql, scope, s);
  } catch (e) {
    // A schema written behind the API's back (no indexes yet): give it its indexes and plan again.
    const one = s.schemaId ? s.schemas.find((r) => r.id === s.schemaId) : undefined;
    if (!one || !(e instanceof Error) || !/no such index/.test(e.message)) throw e;
    const owner = { tenantId: one.tenant_id, organizationId: one.organization_id };
    await sql.tx(async () => syncRecordIndexes(sql, one.id, owner, indexedFieldsOf(fieldsOf(one))));
    return search(sql, scope, s);
  }
}

async function search(
  sql: Sql,
  scope: OrgScope,
  search: RecordSearch,
): Promise<{ rows: EntityRecordRow[]; total: number }> {
  const one = search.schemaId ? search.schemas.find((r) => r.id === search.schemaId) : undefined;
  const indexes = one ? indexesOf(sql, one) : NO_INDEXES;
  // PostgreSQL: conditions and ordering on the schema's slot columns, which its indexes hold (db/record-slots.ts).
  const slotOf = (field: string) => indexes.slots.get(field);
  const s: RecordSearch = {
    ...search,
    filters: search.filters.map((f) => {
      const slot = slotOf(f.field);
      return slot ? { ...f, ...onSlot(f, slot) } : f;
    }),
    order: ((slot) => (slot ? onSlot(search.order, slot) : search.order))(slotOf(search.orderBy)),
  };
  // The schema id is spliced (a uuid of our own): a partial index applies only when the query names its literal.
  const schemaCond = one ? [`schema_id = ${schemaLiteral(one.id)}`] : s.schemaId ? ["schema_id = ?"] : [];
  // PostgreSQL: the owner spliced as well, so the planner can take a pair index, whose WHERE names them (db/record-indexes.ts).
  const tenant = one && sql.dialect === "postgres" ? uuidLiteral(scope.tenantId) : undefined;
  const organization = tenant && uuidLiteral(scope.organizationId);
  const ownerCond = organization
    ? [`tenant_id = ${tenant}`, `organization_id = ${organization}`]
    : ["tenant_id = ?", "organization_id = ?"];
  const baseWhere = [...ownerCond, ...schemaCond];
  const baseParams: SqlValue[] = [
    ...(organization ? [] : [scope.tenantId, scope.organizationId]),
    ...(one || !s.schemaId ? [] : [s.schemaId]),
  ];
  const where = [...baseWhere, ...s.filters.map((f) => f.text)].join(" AND ");
  const params = [...baseParams, ...s.filters.flatMap((f) => f.params)];
  const revisions = s.schemas.map((r) => `${r.id}@${r.records_revision}`).join(",");
  const from = (index: string | undefined) => `FROM entity_records ${indexHint(sql.dialect, index)}`;

  const countSqlOf = (whereText: string, index: string | undefined) =>
    `SELECT COUNT(*) AS n ${from(index)} WHERE ${whereText}`;
  const countKey = (whereText: string, values: SqlValue[], index: string | undefined) =>
    `${revisions}|${countSqlOf(whereText, index)}|${toJson(values)}`;
  const count = async (whereText: string, values: SqlValue[], index: string | undefined): Promise<number> => {
    const key = countKey(whereText, values, index);
    const known = cachedCount(key);
    if (known !== undefined) return known;
    const n = (await sql.get<{ n: number }>(countSqlOf(whereText, index), values))?.n ?? 0;
    rememberCount(key, n);
    return n;
  };

  const indexFor = (f: FilterCondition) => indexes[f.index].get(f.field);
  const best = [...s.filters].filter((f) => indexFor(f) !== undefined).sort((a, b) => seekRank(a) - seekRank(b))[0];
  const filterIndex = best ? indexFor(best) : undefined;
  const createdIndex = `entity_records_search_${s.orderBy === "updated_at" ? "updated" : "created"}`;
  const dataOrder = s.orderBy !== "created_at" && s.orderBy !== "updated_at";
  const orderIndex = one ? (dataOrder ? indexes.value.get(s.orderBy) : createdIndex) : undefined;

  const offset = (s.page - 1) * s.size;
  const countIndex = filterIndex ?? (one && s.filters.length === 0 ? createdIndex : undefined);
  if (best?.access === "scan" && filterIndex && cachedCount(countKey(where, params, filterIndex)) === undefined) {
    // No condition can seek (like, ilike, ne, not_in…): the COUNT and the page would each scan the whole index. One
    // scan collecting up to PROBE matches (it stops early when matches are dense) settles it when there are fewer:
    // their number is the total, and the page is sorted out of just those records.
    const probe = await sql.all<{ id: string }>(`SELECT id ${from(filterIndex)} WHERE ${where} LIMIT ?`, [
      ...params,
      PROBE + 1,
    ]);
    if (probe.length <= PROBE) {
      rememberCount(countKey(where, params, filterIndex), probe.length);
      if (offset >= probe.length) return { rows: [], total: probe.length };
      const ids = await sql.all<{ id: string }>(
        `SELECT id FROM entity_records WHERE id IN (${probe.map(() => "?").join(", ")}) ORDER BY ${s.order.text} LIMIT ? OFFSET ?`,
        [...probe.map((r) => r.id), ...s.order.params, s.size, offset],
      );
      return { rows: await findEntityRecords(sql, scope, ids), total: probe.length };
    }
  }
  const total = await count(where, params, countIndex);
  if (offset >= total) return { rows: [], total };

  let pageIndex = orderIndex;
  let sortMatches = false;
  if (one && filterIndex && filterIndex !== orderIndex) {
    // Entries the walk steps through to collect offset + size matches, were matches spread evenly, against the matches
    // the filter's index sorts (at least the total; a scan also reads every entry). Matches that cluster in the
    // ordering (a sku, a date) make the walk longer, never the sort: an even spread is the walk's best case.
    const schemaRows = await count(baseWhere.join(" AND "), baseParams, createdIndex);
    const walk = ((offset + s.size) * schemaRows) / total;
    const sorted = total + (best?.access === "scan" ? schemaRows : 0);
    if (orderIndex === undefined || walk * (dataOrder ? ENTRY_STEP : ROW_STEP) > sorted) {
      pageIndex = filterIndex;
      sortMatches = true;
    }
  }
  const orderParams = [...s.order.params, s.size, offset];
  if (sql.dialect === "postgres" && (sortMatches || pageIndex === undefined || pageIndex === createdIndex)) {
    // PostgreSQL plans the page from its statistics, which can be far off for a narrow range (an ilike prefix of 11
    // matches estimated at 1,010: it walked the created_at index through all 100,000 records, 60 ms). When the matches
    // are sparse, OFFSET 0 keeps them a subquery of their own, planned without the ordering: found through the
    // filter's index, then sorted (0.4 ms). Either way one statement, reading the record columns only. A walk of a
    // data field's index (order_by a field) takes the ids first, below: from the covering index alone, not from a
    // row for every entry it passes (a page at offset 4,000 read 10,000 rows).
    const matches = `SELECT ${sortMatches ? "*" : RECORD_COLUMNS} FROM entity_records WHERE ${where}`;
    const text = sortMatches
      ? `SELECT ${RECORD_COLUMNS} FROM (${matches} OFFSET 0) AS matches ORDER BY ${s.order.text} LIMIT ? OFFSET ?`
      : `${matches} ORDER BY ${s.order.text} LIMIT ? OFFSET ?`;
    return { rows: await sql.all<EntityRecordRow>(text, [...params, ...orderParams]), total };
  }
  if (pageIndex === undefined || pageIndex === createdIndex) {
    const rows = await sql.all<EntityRecordRow>(
      `SELECT * ${from(pageIndex)} WHERE ${where} ORDER BY ${s.order.text} LIMIT ? OFFSET ?`,
      [...params, ...orderParams],
    );
    return { rows, total };
  }
  // A record index covers the conditions and the order: the page's ids from it, then just those rows.
  const ids = await sql.all<{ id: string }>(
    `SELECT id ${from(pageIndex)} WHERE ${where} ORDER BY ${s.order.text} LIMIT ? OFFSET ?`,
    [...params, ...orderParams],
  );
  if (ids.length === 0) return { rows: [], total };
  // One primary-key lookup each (an `id IN (...)` list lets SQLite prefer the (tenant_id, organization_id) index).
  return { rows: await findEntityRecords(sql, scope, ids), total };
}

/** The columns of a record row (entity_records also holds PostgreSQL's slot columns, which no caller reads). */
const RECORD_COLUMNS =
  "id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at";
