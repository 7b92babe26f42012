import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import pg from "pg";
import { BoundedMap } from "@/lib/cache/bounded-map";
import type { SqlDatabase, SqlParams, SqlValue } from "./sql";

/** PostgreSQL settings: connections per process and the longest a statement may run. */
export interface PostgresOptions {
  poolSize: number;
  statementTimeoutMs: number;
}

// COUNT(*) and SUM(...) answer int8 / numeric, which pg hands over as strings; the sandbox's numbers fit a double,
// and SQLite answers numbers: parse them here so rows look the same on both engines.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  }) as typeof pg.types.getTypeParser,
};

/**
 * `?` placeholders to `$1, $2, …`, leaving `?` inside '…' literals, "…" identifiers and comments alone. Cached per
 * text: the sandbox runs a bounded set of statements (entity search's are bounded by the caller's cache, as SQLite's).
 */
const numbered = new BoundedMap<string, string>(1000);
export function toNumberedParams(sql: string): string {
  const hit = numbered.get(sql);
  if (hit !== undefined) return hit;
  let out = "";
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === "?") out += `$${++n}`;
    else out += c;
  }
  numbered.set(sql, out);
  return out;
}

/**
 * The name a statement is prepared under on each connection, or undefined: prepared once per connection, a statement
 * is parsed once and then planned from its cache. Only statements without a literal in their text: those are the
 * sandbox's fixed queries, a bounded set. A literal marks one of an unbounded many (record search splices the schema
 * id; db/record-indexes.ts), which would pile up in every connection, and whose plans must follow their values. The
 * name is a hash of the text, so a text that left this cache and comes back finds its statement still prepared.
 */
const preparedNames = new BoundedMap<string, string>(1000);
export function preparedName(text: string): string | undefined {
  if (text.includes("'")) return undefined;
  return preparedNames.getOrSet(text, () => `sandbox_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`);
}

// pg binds Buffers as bytea; a plain Uint8Array would be sent as text.
const bindable = (params: SqlParams = []): unknown[] =>
  params.map((p: SqlValue) =>
    p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p,
  );

interface TxScope {
  client: pg.PoolClient;
  depth: number;
  open: boolean;
}

/** PostgreSQL's refusal to run a prepared statement whose result columns a schema change altered. */
const isStalePlan = (e: unknown): boolean =>
  e instanceof Error &&
  (e as { code?: string }).code === "0A000" &&
  /cached plan must not change result type/.test(e.message);

/** The URL without its password, for logs and `path`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}

/**
 * A pool of connections to PostgreSQL behind the same interface as SQLite. A transaction takes one connection for its
 * whole callback; queries of that callback's own call chain (AsyncLocalStorage) run on it, everything else on the pool.
 */
export function openPostgres(url: string, options: PostgresOptions): SqlDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    statement_timeout: options.statementTimeoutMs,
    // No parallel workers: with a pool of connections each serving a request, a query forking workers competes with
    // the other requests for the same cores, and its start-up alone outlasts an indexed search (a record COUNT planned
    // as a parallel scan of the table took 850 ms at 10 connections, its bitmap index scan 15 ms).
    // random_page_cost as for an SSD (the default, 4, is a spinning disk's): costed as random reads of the table, an
    // index-only scan of a schema's covering record index lost to reading the whole table for a COUNT of many matches
    // (32,151 of 100,000 records: 62 ms scanning the table, 21 ms index-only).
    options: "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1",
    types,
  });
  // An idle connection the server dropped (restart, failover) must not crash the process: the pool replaces it.
  pool.on("error", (e) => console.error(`sandbox: idle PostgreSQL connection failed: ${e.message}`));

  const scope = new AsyncLocalStorage<TxScope>();
  const runner = (): pg.Pool | pg.PoolClient => {
    const s = scope.getStore();
    return s?.open ? s.client : pool;
  };
  // Bumped when a schema change (another instance's migration) has made the prepared statements' result columns stale:
  // every statement is then prepared afresh under a new name, on every connection.
  let generation = 0;
  const query = async (sql: string, params?: SqlParams) => {
    const text = toNumberedParams(sql);
    const config = () => {
      const name = params?.length ? preparedName(text) : undefined;
      const values = bindable(params);
      return name ? { name: generation ? `${name}_${generation}` : name, text, values } : { text, values };
    };
    const on = runner();
    try {
      return await on.query(config());
    } catch (e) {
      if (!isStalePlan(e)) throw e;
      generation += 1;
      // Inside a transaction, which the error has aborted, the caller's next attempt gets the new names.
      if (on !== pool) throw e;
      return await pool.query(config());
    }
  };

  const tx = async <T>(fn: () => Promise<T>): Promise<T> => {
    const outer = scope.getStore();
    if (outer?.open) {
      const name = `sp${outer.depth + 1}`;
      await outer.client.query(`SAVEPOINT ${name}`);
      const inner: TxScope = { client: outer.client, depth: outer.depth + 1, open: true };
      try {
        const result = await scope.run(inner, fn);
        await outer.client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (e) {
        await outer.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw e;
      } finally {
        inner.open = false;
      }
    }
    const client = await pool.connect();
    const own: TxScope = { client, depth: 0, open: true };
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await scope.run(own, fn);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => (broken = true));
      throw e;
    } finally {
      own.open = false;
      // A connection whose ROLLBACK failed is in an unknown state: destroyed, not reused.
      client.release(broken);
    }
  };

  return {
    dialect: "postgres",
    path: redactUrl(url),
    all: async <T>(sql: string, params?: SqlParams) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: SqlParams) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: SqlParams) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    tx,
    lock: async (name, lockOptions) => {
      const s = scope.getStore();
      if (!s?.open) throw new Error("lock() outside a transaction");
      // Transaction-scoped advisory locks: released by COMMIT / ROLLBACK, even when the process dies.
      if (lockOptions?.wait === false) {
        const row = await s.client.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok`, [
          name,
        ]);
        return row.rows[0]?.ok === true;
      }
      await s.client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [name]);
      return true;
    },
    close: () => pool.end(),
  };
}
