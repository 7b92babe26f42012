import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { SqlDatabase, SqlParams, SqlValue } from "./sql";

type Statement = Database.Statement<unknown[], unknown>;
const MAX_CACHED_STATEMENTS = 1000;

// better-sqlite3 binds Buffers, not plain Uint8Arrays.
const bindable = (params: SqlParams = []) =>
  params.map((p: SqlValue) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));

/**
 * Opens (creating it and its directory) a SQLite database tuned for the sandbox: WAL,
 * synchronous=FULL so an acknowledged write survives a crash, foreign keys on, a busy timeout
 * for concurrent processes (next dev workers, tests).
 */
export function openSqlite(path: string): SqlDatabase {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");

  // Bounded: entity search builds SQL per filter shape (fields, operators, list lengths), so the set of texts is open-ended.
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare<unknown[], unknown>(sql);
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      cache.set(sql, s);
    }
    return s;
  };

  return {
    dialect: "sqlite",
    path,
    all: <T>(sql: string, params?: SqlParams) => prepare(sql).all(...bindable(params)) as T[],
    get: <T>(sql: string, params?: SqlParams) => prepare(sql).get(...bindable(params)) as T | undefined,
    run: (sql: string, params?: SqlParams) => ({ changes: prepare(sql).run(...bindable(params)).changes }),
    // IMMEDIATE takes the write lock up front: no deadlock between processes upgrading read locks.
    tx: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    close: () => {
      cache.clear();
      db.close();
    },
  };
}
