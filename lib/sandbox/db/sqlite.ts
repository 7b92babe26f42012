import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { BoundedMap } from "@/lib/cache/bounded-map";
import type { SqlDatabase, SqlParams, SqlValue } from "./sql";

type Statement = Database.Statement<unknown[], unknown>;
const MAX_CACHED_STATEMENTS = 1000;

// better-sqlite3 binds Buffers, not plain Uint8Arrays.
const bindable = (params: SqlParams = []) =>
  params.map((p: SqlValue) =>
    p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p,
  );

/** The transaction an async call chain is inside: its nesting depth, for savepoint names. */
interface TxScope {
  depth: number;
  open: boolean;
}

/**
 * Opens (creating it and its directory) a SQLite database tuned for the sandbox: WAL,
 * synchronous=FULL so an acknowledged write survives a crash, foreign keys on, a busy timeout
 * for concurrent processes (next dev workers, tests).
 *
 * One connection, so a transaction that awaits must own it: BEGIN…COMMIT runs under a lock, queries of the
 * transaction's own call chain (found by AsyncLocalStorage) go straight through, and every other query or
 * transaction waits until it ends; otherwise another request's statements would land inside it.
 */
export function openSqlite(path: string): SqlDatabase {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");

  // Bounded: entity search builds SQL per filter shape (fields, operators, list lengths), so the set of texts is open-ended.
  const cache = new BoundedMap<string, Statement>(MAX_CACHED_STATEMENTS);
  const prepare = (sql: string): Statement => cache.getOrSet(sql, () => db.prepare<unknown[], unknown>(sql));

  const scope = new AsyncLocalStorage<TxScope>();
  // The open transaction's end (resolves when it commits or rolls back); undefined when none is open.
  let busy: Promise<void> | undefined;
  const owned = (): boolean => scope.getStore()?.open === true;
  // Runs a statement at once when the connection is free or ours; otherwise after the transaction, synchronously from
  // the moment it sees the connection free (so no other transaction can begin in between).
  const query = <T>(fn: () => T): Promise<T> => {
    if (!busy || owned()) {
      try {
        return Promise.resolve(fn());
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return (async () => {
      while (busy !== undefined) await busy;
      return fn();
    })();
  };

  const tx = async <T>(fn: () => Promise<T>): Promise<T> => {
    const outer = scope.getStore();
    if (outer?.open) {
      // Nested: a savepoint on the owner's connection.
      const name = `sp${outer.depth + 1}`;
      db.exec(`SAVEPOINT ${name}`);
      const inner: TxScope = { depth: outer.depth + 1, open: true };
      try {
        const result = await scope.run(inner, fn);
        db.exec(`RELEASE ${name}`);
        return result;
      } catch (e) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw e;
      } finally {
        inner.open = false;
      }
    }
    while (busy !== undefined) await busy;
    // From here to BEGIN without a pause: the connection is ours.
    let release!: () => void;
    busy = new Promise<void>((resolve) => (release = resolve));
    const own: TxScope = { depth: 0, open: true };
    try {
      // IMMEDIATE takes the write lock up front: no deadlock between processes upgrading read locks.
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await scope.run(own, fn);
        db.exec("COMMIT");
        return result;
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw e;
      }
    } finally {
      // A promise the transaction left running no longer counts as inside it.
      own.open = false;
      busy = undefined;
      release();
    }
  };

  return {
    dialect: "sqlite",
    path,
    all: <T>(sql: string, params?: SqlParams) => query(() => prepare(sql).all(...bindable(params)) as T[]),
    get: <T>(sql: string, params?: SqlParams) => query(() => prepare(sql).get(...bindable(params)) as T | undefined),
    run: (sql: string, params?: SqlParams) => query(() => ({ changes: prepare(sql).run(...bindable(params)).changes })),
    tx,
    lock: async () => true,
    close: async () => {
      while (busy !== undefined) await busy;
      cache.clear();
      db.close();
    },
  };
}
