import { randomUUID } from "node:crypto";

/**
 * The sandbox's query layer: `?` placeholders and portable SQL (TEXT uuid ids, ISO-8601 TEXT
 * timestamps, JSON as TEXT, INTEGER 0/1 booleans, BLOB bytes), so the same queries run on SQLite (sqlite.ts) and
 * PostgreSQL (postgres.ts, which rewrites `?` to `$n`). Asynchronous, as every PostgreSQL driver is.
 */
export type Dialect = "sqlite" | "postgres";

/** A bindable value. Booleans are not: write them with `bool()`. */
export type SqlValue = string | number | bigint | null | Uint8Array;
export type SqlParams = readonly SqlValue[];

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  run(sql: string, params?: SqlParams): Promise<{ changes: number }>;
  /**
   * Runs `fn` atomically on one connection; nested calls become savepoints. Every query `fn` makes through this
   * same `Sql` (awaited inside it, directly or deeper) joins the transaction; queries from elsewhere wait for it
   * (SQLite: one connection) or run beside it on another connection (PostgreSQL).
   */
  tx<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: a lock named `name`, shared by every process on the database, held until the transaction
   * ends (migrations, the demo tenant, expiry cleanup). `wait: false` answers false at once when another holds it.
   * SQLite: always true, since its transactions already hold the database's write lock (BEGIN IMMEDIATE).
   */
  lock(name: string, options?: { wait?: boolean }): Promise<boolean>;
}

/** A `Sql` that owns its connection(s). */
export interface SqlDatabase extends Sql {
  /** Where it is: a file path, or the PostgreSQL URL without its password. */
  readonly path: string;
  close(): Promise<void>;
}

/** A SQL fragment with its own parameters, to splice into a larger query. */
export interface SqlFragment {
  text: string;
  params: SqlValue[];
}

/** A SQL string literal: `'...'` with every `'` doubled. Only for text that must be part of the statement itself. */
export function sqlString(value: string): string {
  if (value.includes("\0")) throw new Error("NUL in a SQL literal");
  return `'${value.replaceAll("'", "''")}'`;
}

/** How a JSON field's values compare: numbers numerically, booleans as 1/0, everything else as text. */
export type ValueKind = "number" | "boolean" | "text";

/**
 * The text value of a top-level key of a JSON column, for entity search and sorting:
 * sqlite `json_extract(col, '$."key"')`, postgres `(col::jsonb ->> 'key')`. The key is a literal of the SQL
 * text (escaped by sqlString), not a parameter: an expression index is used only for the very same text.
 */
export function json(dialect: Dialect, column: string, key: string): SqlFragment {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(column)) throw new Error(`unsafe column name: ${column}`);
  if (dialect === "postgres") return { text: `(${column}::jsonb ->> ${sqlString(key)})`, params: [] };
  // SQLite's JSON path quotes a label with "...", which cannot itself contain a double quote.
  if (key.includes('"')) throw new Error('JSON keys with " are not supported');
  return { text: `json_extract(${column}, ${sqlString(`$."${key}"`)})`, params: [] };
}

/**
 * A JSON field's value as SQL compares it, and as the per-schema record indexes (record-indexes.ts) store it:
 * numbers CAST to floating point, booleans 1/0, everything else as text.
 */
export function jsonValue(dialect: Dialect, column: string, key: string, kind: ValueKind): SqlFragment {
  const raw = json(dialect, column, key);
  if (kind === "number")
    return { text: `CAST(${raw.text} AS ${dialect === "postgres" ? "DOUBLE PRECISION" : "REAL"})`, params: raw.params };
  // SQLite's json_extract already answers 1/0 for true/false; PostgreSQL's ->> answers 'true'/'false'.
  if (kind === "boolean" && dialect === "postgres")
    return { text: `CAST(CAST(${raw.text} AS BOOLEAN) AS INTEGER)`, params: raw.params };
  return raw;
}

/**
 * A JSON field's text with ASCII A–Z lowercased, as the per-schema record indexes store it for like / ilike prefixes:
 * `lower(<json>)`. SQLite's lower() (no ICU) folds exactly the letters its LIKE ignores the case of, and turns a number
 * into the very text LIKE and GLOB match it as; PostgreSQL's lower() follows the database's locale.
 */
export function jsonFolded(dialect: Dialect, column: string, key: string): SqlFragment {
  const raw = json(dialect, column, key);
  return { text: `lower(${raw.text})`, params: raw.params };
}

/** `FROM table <hint>`: SQLite's INDEXED BY, to pin a plan the planner cannot cost without statistics; PostgreSQL plans on its own. */
export const indexHint = (dialect: Dialect, index: string | undefined): string =>
  index && dialect === "sqlite" ? `INDEXED BY ${index}` : "";

export const newId = (): string => randomUUID();
export const isoTime = (d: Date): string => d.toISOString();
export const bool = (b: boolean): number => (b ? 1 : 0);
export const isTrue = (v: number | null | undefined): boolean => v === 1;

/** Parses a JSON TEXT column; `fallback` for NULL. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  return JSON.parse(text) as T;
}
export const toJson = (value: unknown): string => JSON.stringify(value);
