import { randomUUID } from "node:crypto";

/**
 * The sandbox's query layer: `?` placeholders and portable SQL (TEXT uuid ids, ISO-8601 TEXT
 * timestamps, JSON as TEXT, INTEGER 0/1 booleans, BLOB bytes), so the same queries can run on
 * PostgreSQL behind a second implementation (which rewrites `?` to `$n`).
 */
export type Dialect = "sqlite" | "postgres";

/** A bindable value. Booleans are not: write them with `bool()`. */
export type SqlValue = string | number | bigint | null | Uint8Array;
export type SqlParams = readonly SqlValue[];

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: SqlParams): T[];
  get<T>(sql: string, params?: SqlParams): T | undefined;
  run(sql: string, params?: SqlParams): { changes: number };
  /** Runs `fn` atomically; nested calls become savepoints. `fn` must be synchronous. */
  tx<T>(fn: () => T): T;
}

/** A `Sql` that owns its connection. */
export interface SqlDatabase extends Sql {
  readonly path: string;
  close(): void;
}

/** A SQL fragment with its own parameters, to splice into a larger query. */
export interface SqlFragment {
  text: string;
  params: SqlValue[];
}

/**
 * The text value of a top-level key of a JSON column, for entity search and sorting:
 * sqlite `json_extract(col, '$."key"')`, postgres `(col::jsonb ->> 'key')`. The key is bound, never spliced.
 */
export function json(dialect: Dialect, column: string, key: string): SqlFragment {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(column)) throw new Error(`unsafe column name: ${column}`);
  if (dialect === "postgres") return { text: `(${column}::jsonb ->> ?)`, params: [key] };
  // SQLite's JSON path quotes a label with "...", which cannot itself contain a double quote.
  if (key.includes('"')) throw new Error('JSON keys with " are not supported');
  return { text: `json_extract(${column}, ?)`, params: [`$."${key}"`] };
}

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
