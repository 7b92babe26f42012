import { json, jsonValue, toJson, type Sql, type SqlFragment, type ValueKind } from "./sql";

/**
 * PostgreSQL: each record's indexed field values as plain, typed columns of entity_records ("slots"), so record search
 * runs on index-only scans.
 *
 * PostgreSQL's planner considers an index-only scan only when every column a query names is in the index. A condition
 * on an expression of `data` names `data`, which no index can hold, so every COUNT through the expression indexes
 * visited the heap (3,135 pages for 5,259 matches of 100,000 records) and every filter the index could not seek was
 * evaluated by parsing the row's JSON. A schema's indexable fields (record-indexes.ts: at most 16) take one slot each,
 * in order: field i → `num_i` (numbers, booleans as 1 / 0) or `txt_i` (text); the schema's indexes are built on those
 * columns, and a search within the schema compiles its conditions onto them (`onSlots`).
 *
 * The slots are filled by a trigger from the schema's `record_slots` map, so every writer (the API, a bulk load, a
 * record written behind the API's back) gets them, and the values match what the JSON expressions give, so search
 * answers exactly as before: text is `data ->> field`; numbers are JSON numbers, true / false as 1 / 0, and strings
 * read as SQLite's CAST(... AS REAL) reads them (a leading number, else 0); booleans are true / false as 1 / 0, numbers
 * as they are, anything else NULL. SQLite reads indexed expressions from its indexes and needs none of this.
 */

export const MAX_SLOTS = 16;

/** One field's slot: the column holding its value. */
export interface RecordSlot {
  field: string;
  kind: ValueKind;
  column: string;
}

const slotColumns = Array.from({ length: MAX_SLOTS }, (_, i) => [`num_${i + 1}`, `txt_${i + 1}`]).flat();

/** The slots of a schema's indexable fields, in order (`fields` as indexableFields gives them). */
export function recordSlotsFor(fields: readonly { name: string; kind: ValueKind }[]): RecordSlot[] {
  return fields
    .slice(0, MAX_SLOTS)
    .map((f, i) => ({ field: f.name, kind: f.kind, column: `${f.kind === "text" ? "txt" : "num"}_${i + 1}` }));
}

/** The statements of the migration that adds the slots (PostgreSQL only). */
export const recordSlotsMigration: string[] = [
  `ALTER TABLE entity_records ${slotColumns.map((c) => `ADD COLUMN ${c} ${c.startsWith("num") ? "DOUBLE PRECISION" : "TEXT"}`).join(", ")}`,
  // The schema's field → slot map, as JSON [[field, column, kind], …], written by syncRecordSlots.
  `ALTER TABLE entity_schemas ADD COLUMN record_slots TEXT`,
  // SQLite's CAST(text AS REAL): the longest leading decimal number, else 0 (and NULL where float8 overflows).
  `CREATE FUNCTION entity_record_real(s TEXT) RETURNS DOUBLE PRECISION LANGUAGE plpgsql IMMUTABLE AS $$
   BEGIN
     RETURN COALESCE(substring(s FROM '^\\s*([-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?)')::DOUBLE PRECISION, 0);
   EXCEPTION WHEN others THEN
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION entity_record_slots() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     d JSONB := NEW.data::jsonb;
     patch JSONB := '${toJson(Object.fromEntries(slotColumns.map((c) => [c, null])))}';
     slot JSONB;
     v JSONB;
   BEGIN
     FOR slot IN SELECT jsonb_array_elements(COALESCE((SELECT record_slots::jsonb FROM entity_schemas WHERE id = NEW.schema_id), '[]')) LOOP
       v := d -> (slot ->> 0);
       patch := patch || jsonb_build_object(slot ->> 1, CASE
         WHEN v IS NULL OR jsonb_typeof(v) = 'null' THEN NULL
         WHEN slot ->> 2 = 'text' THEN to_jsonb(v #>> '{}')
         WHEN jsonb_typeof(v) = 'number' THEN v
         WHEN jsonb_typeof(v) = 'boolean' THEN to_jsonb(CASE WHEN v = 'true'::jsonb THEN 1 ELSE 0 END)
         WHEN slot ->> 2 = 'number' AND jsonb_typeof(v) = 'string' THEN to_jsonb(entity_record_real(v #>> '{}'))
         ELSE NULL
       END);
     END LOOP;
     NEW := jsonb_populate_record(NEW, patch);
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER entity_records_slots BEFORE INSERT OR UPDATE OF data, schema_id ON entity_records FOR EACH ROW EXECUTE FUNCTION entity_record_slots()`,
  // The planner has statistics of the slot columns, not of lower(txt_i), which ilike compares: without these it guesses
  // 0.5% of the rows for any pattern and walks the created_at index past every record for 11 matches.
  ...Array.from(
    { length: MAX_SLOTS },
    (_, i) => `CREATE STATISTICS entity_records_lower_txt_${i + 1} ON (lower(txt_${i + 1})) FROM entity_records`,
  ),
];

/**
 * Gives the schema the slot map of these fields; when it changes, refills the slots of the schema's records (one pass,
 * as SQLite rebuilds its indexes). Run inside a transaction, before the schema's indexes are made. PostgreSQL only.
 */
export async function syncRecordSlots(sql: Sql, schemaId: string, slots: readonly RecordSlot[]): Promise<void> {
  const map = toJson(slots.map((s) => [s.field, s.column, s.kind]));
  const { changes } = await sql.run(
    `UPDATE entity_schemas SET record_slots = ? WHERE id = ? AND record_slots IS DISTINCT FROM ?`,
    [map, schemaId, map],
  );
  if (changes > 0) await sql.run(`UPDATE entity_records SET data = data WHERE schema_id = ?`, [schemaId]);
}

/**
 * A search condition or ordering on `slot.field`, compiled by record-filter.ts onto the JSON, onto the slot instead:
 * the field's value expression (and for text its lowercased form) becomes the column. like / ilike on a number or
 * boolean field match the JSON text, which the slot does not hold: they keep reading the JSON.
 */
export function onSlot(fragment: SqlFragment, slot: RecordSlot): SqlFragment {
  const expr =
    slot.kind === "text"
      ? json("postgres", "data", slot.field).text
      : jsonValue("postgres", "data", slot.field, slot.kind).text;
  return { text: fragment.text.split(expr).join(slot.column), params: fragment.params };
}
