import { createHash } from "node:crypto";
import { recordSlotsFor, syncRecordSlots, type RecordSlot } from "./record-slots";
import { jsonFolded, jsonValue, sqlString, type Dialect, type Sql, type ValueKind } from "./sql";

/**
 * Per-schema expression indexes on entity_records, so record search and its COUNT read an index instead of
 * parsing every record's JSON.
 *
 * Each searchable field of a schema gets one partial index (`WHERE schema_id = '<id>'`: only that schema's rows):
 *
 *   (tenant_id, organization_id, <field>, created_at, id, updated_at, <every other indexed field>)
 *
 * where <field> is exactly the expression the search compiles (`jsonValue`, e.g. `CAST(json_extract(data, '$."price"') AS REAL)`).
 * The leading field serves eq / in seeks, gt / gte / lt / lte ranges and ORDER BY <field>, created_at, id; the trailing
 * columns make the index covering: the other conditions of a search, and like / ilike / ne / not_in scans, are
 * evaluated from the index entries (SQLite reads indexed expressions from the index), never by loading the rows.
 *
 * On SQLite, each text field also gets a "folded" index led by its ASCII-lowercased text (`jsonFolded`), followed by
 * the same columns and every indexed field (the field itself included): a like / ilike pattern with a literal prefix
 * seeks the range of that prefix, lowercased, and its own GLOB / LIKE is checked on those entries only. Lowercasing
 * serves both operators (the range holds every case variant, and numbers as their text), and a value index with
 * NOCASE would not (numbers sort before all text).
 *
 * PostgreSQL gets the same indexes on the fields' slot columns (record-slots.ts) instead of JSON expressions: its
 * planner answers from an index alone (an index-only scan) only when the query names no column outside it, and a JSON
 * expression names `data`. The folded index is (tenant_id, organization_id, lower(<slot>) text_pattern_ops, …, every
 * slot): its planner turns ILIKE, compiled as lower() LIKE lower(), into that prefix's range itself.
 *
 * Index names carry the schema id and a hash of the columns, so a changed fields_definition yields new names:
 * `syncRecordIndexes` drops the schema's indexes it no longer wants and creates the missing ones, in the caller's
 * transaction; only the listing of existing indexes differs (pg_indexes instead of sqlite_master).
 */

/** At most this many fields of a schema are indexed (each index holds them all: n fields → n indexes, plus one per text field, of n values). */
export const MAX_INDEXED_FIELDS = 16;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREFIX = "erx_";
/**
 * PostgreSQL's extended statistics objects on record field expressions, which an earlier index layout made (the
 * planner ignores a partial expression index's own statistics); the slots are plain columns with statistics of their
 * own, so these are only dropped. Same length as PREFIX: dropOrphan… slices both alike.
 */
const STATS_PREFIX = "ers_";

export interface IndexedField {
  name: string;
  kind: ValueKind;
  /** An enum or a boolean: a handful of values, searched by equality (PostgreSQL pairs it with number fields). */
  fewValues?: boolean;
}

/** The tenant and organization a schema's records belong to. */
export interface RecordOwner {
  tenantId: string;
  organizationId: string;
}

/** At most this many pair indexes per schema (PostgreSQL): every one is written with each record. */
export const MAX_PAIR_INDEXES = 8;

/** The schema id as spliced into index and search SQL; only uuids (our own ids) qualify. */
export function schemaLiteral(schemaId: string): string {
  if (!UUID.test(schemaId)) throw new Error(`not a schema id: ${schemaId}`);
  return sqlString(schemaId);
}

const prefixOf = (schemaId: string, prefix = PREFIX): string =>
  `${prefix}${schemaId.replaceAll("-", "").toLowerCase()}_`;

/** The fields that get an index: searchable names (SQLite's JSON path cannot hold `"`), first MAX_INDEXED_FIELDS. */
export function indexableFields(fields: readonly IndexedField[]): IndexedField[] {
  return fields.filter((f) => !f.name.includes('"') && !f.name.includes("\0")).slice(0, MAX_INDEXED_FIELDS);
}

export interface RecordIndex {
  name: string;
  field: string;
  /**
   * What leads the index: the field's value (record-filter's seeks, ranges and ordering), its folded text (like / ilike
   * prefixes), or (PostgreSQL) the field's value and a number field's, for the COUNT of an equality and a range.
   */
  key: "value" | "folded" | "pair";
  create: string;
}

/** The indexes a schema with these fields should have (pure: the same fields always give the same names and statements). */
export function recordIndexesFor(
  dialect: Dialect,
  schemaId: string,
  fields: readonly IndexedField[],
  owner?: RecordOwner,
): RecordIndex[] {
  const schemaOnly = `schema_id = ${schemaLiteral(schemaId)}`;
  const indexed = indexableFields(fields);
  const exprs = indexed.map((f) => jsonValue(dialect, "data", f.name, f.kind).text);
  const index = (field: string, key: RecordIndex["key"], lead: string, rest: string[]): RecordIndex =>
    named(field, key, ["tenant_id", "organization_id", lead, "created_at", "id", "updated_at", ...rest], schemaOnly);
  const named = (field: string, key: RecordIndex["key"], columns: string[], where: string): RecordIndex => {
    const hash = createHash("sha256")
      .update(JSON.stringify([dialect, where, columns]))
      .digest("hex")
      .slice(0, 16);
    const name = `${prefixOf(schemaId)}${hash}`;
    return {
      name,
      field,
      key,
      create: `CREATE INDEX IF NOT EXISTS ${name} ON entity_records (${columns.join(", ")}) WHERE ${where}`,
    };
  };
  if (dialect === "postgres") {
    // On the fields' slots (record-slots.ts): plain columns, so the planner can answer from the index alone. Its ILIKE
    // compiles to lower(...) LIKE lower(pattern) (record-filter.ts); text_pattern_ops lets the planner seek a literal
    // prefix's range whatever the database's collation.
    const slots = recordSlotsFor(indexed);
    const columns = slots.map((s) => s.column);
    const byColumn = slots.map((s, i) =>
      index(
        s.field,
        "value",
        s.column,
        columns.filter((_, j) => j !== i),
      ),
    );
    const folded = slots.flatMap((s) =>
      s.kind === "text" ? [index(s.field, "folded", `lower(${s.column}) text_pattern_ops`, columns)] : [],
    );
    return [...byColumn, ...folded, ...pairIndexes(slots, indexed, owner, named, schemaOnly)];
  }
  const byValue = indexed.map((f, i) =>
    index(
      f.name,
      "value",
      exprs[i]!,
      exprs.filter((_, j) => j !== i),
    ),
  );
  const folded = indexed.flatMap((f) =>
    f.kind === "text" ? [index(f.name, "folded", jsonFolded(dialect, "data", f.name).text, exprs)] : [],
  );
  return [...byValue, ...folded];
}

/**
 * PostgreSQL: (enum or boolean slot, number slot) for each pair of such fields, narrow and only of the owner's records.
 * A COUNT of an equality and a range (`category = 'books' AND price > 500`) then seeks exactly its matches, reading
 * two values per entry, where the field's covering index walks every record of the category, reading up to 16 slots
 * (10,000 matches of 100,000 records: 1.7 ms instead of 6–7). The owner is in the index's WHERE, as literals, not in
 * its columns: a search names them as literals too (resources/entity-record.ts), so the planner knows every entry
 * matches them and reads none.
 */
function pairIndexes(
  slots: readonly RecordSlot[],
  fields: readonly IndexedField[],
  owner: RecordOwner | undefined,
  named: (field: string, key: RecordIndex["key"], columns: string[], where: string) => RecordIndex,
  schemaOnly: string,
): RecordIndex[] {
  const tenant = owner && uuidLiteral(owner.tenantId);
  const organization = owner && uuidLiteral(owner.organizationId);
  if (!tenant || !organization) return [];
  const where = `${schemaOnly} AND tenant_id = ${tenant} AND organization_id = ${organization}`;
  const few = slots.filter((_, i) => fields[i]?.fewValues);
  const numbers = slots.filter((s) => s.kind === "number");
  return few
    .flatMap((e) => numbers.filter((n) => n !== e).map((n) => named(e.field, "pair", [e.column, n.column], where)))
    .slice(0, MAX_PAIR_INDEXES);
}

/** An id of our own (a uuid) as a SQL literal; undefined for anything else. */
export const uuidLiteral = (id: string): string | undefined => (UUID.test(id) ? sqlString(id) : undefined);

/** Names of the existing statistics objects of record fields (PostgreSQL; none on SQLite), of one schema or of all: left to drop. */
async function existingStatistics(sql: Sql, schemaId?: string): Promise<string[]> {
  if (sql.dialect !== "postgres") return [];
  const prefix = schemaId ? prefixOf(schemaId, STATS_PREFIX) : STATS_PREFIX;
  const rows = await sql.all<{ name: string }>(
    `SELECT stxname AS name FROM pg_statistic_ext WHERE stxname LIKE ? ESCAPE '\\'`,
    [`${prefix.replaceAll("_", "\\_")}%`],
  );
  return rows.map((r) => r.name);
}

/** Names of the existing record indexes, of one schema or of all. */
export async function existingIndexes(sql: Sql, schemaId?: string): Promise<string[]> {
  const prefix = schemaId ? prefixOf(schemaId) : PREFIX;
  const pattern = `${prefix.replaceAll("_", "\\_")}%`;
  const query =
    sql.dialect === "postgres"
      ? `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'entity_records' AND indexname LIKE ? ESCAPE '\\'`
      : `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entity_records' AND name LIKE ? ESCAPE '\\'`;
  return (await sql.all<{ name: string }>(query, [pattern])).map((r) => r.name);
}

/**
 * Makes the schema's indexes match its fields: drops the stale ones, creates the missing ones. Run it inside a
 * transaction. `existing`: every record index's name, when the caller has listed them already.
 */
export async function syncRecordIndexes(
  sql: Sql,
  schemaId: string,
  owner: RecordOwner,
  fields: readonly IndexedField[],
  existing?: readonly string[],
): Promise<void> {
  const want = recordIndexesFor(sql.dialect, schemaId, fields, owner);
  const wanted = new Set(want.map((i) => i.name));
  const prefix = prefixOf(schemaId);
  const have = new Set(existing ? existing.filter((n) => n.startsWith(prefix)) : await existingIndexes(sql, schemaId));
  for (const name of have) if (!wanted.has(name)) await sql.run(`DROP INDEX IF EXISTS ${name}`);
  // PostgreSQL: the slots the indexes are built on, filled before the indexes are (one pass over the records when the map changes).
  if (sql.dialect === "postgres") await syncRecordSlots(sql, schemaId, recordSlotsFor(indexableFields(fields)));
  for (const index of want) if (!have.has(index.name)) await sql.run(index.create);
  for (const name of await existingStatistics(sql, schemaId)) await sql.run(`DROP STATISTICS IF EXISTS ${name}`);
}

/** Drops the record indexes of schemas that no longer exist (schema, tenant or organization deleted, tenant reset). */
export async function dropOrphanRecordIndexes(sql: Sql): Promise<number> {
  const live = new Set((await sql.all<{ id: string }>(`SELECT id FROM entity_schemas`)).map((r) => prefixOf(r.id)));
  let dropped = 0;
  for (const name of await existingIndexes(sql)) {
    const prefix = name.slice(0, PREFIX.length + 33);
    if (!live.has(prefix)) {
      await sql.run(`DROP INDEX IF EXISTS ${name}`);
      dropped += 1;
    }
  }
  const liveStats = new Set([...live].map((p) => STATS_PREFIX + p.slice(PREFIX.length)));
  for (const name of await existingStatistics(sql)) {
    if (!liveStats.has(name.slice(0, STATS_PREFIX.length + 33))) await sql.run(`DROP STATISTICS IF EXISTS ${name}`);
  }
  return dropped;
}
