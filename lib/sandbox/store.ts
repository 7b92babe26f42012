import "server-only";
import { databaseUrl, dbPath, pgPoolSize, pgStatementTimeoutMs } from "./config";
import { signingSecret } from "./auth/jwt";
import { migrate } from "./db/migrations";
import type { SqlDatabase } from "./db/sql";
import { openPostgres } from "./db/postgres";
import { openSqlite } from "./db/sqlite";
import { reconcileRecordIndexes } from "./resources/entity-schema";
import { ensureDemoTenant, purgeExpiredTenants } from "./tenants";

// On globalThis so that Next's dev reloads share one connection per database file. The promise, not the database:
// concurrent first requests share one opening (and one migration).
const holder = globalThis as typeof globalThis & { __sandboxStore?: { path: string; db: Promise<SqlDatabase> } };

async function open(path: string, url: string | undefined): Promise<SqlDatabase> {
  const db = url
    ? openPostgres(url, { poolSize: pgPoolSize(), statementTimeoutMs: pgStatementTimeoutMs() })
    : openSqlite(path);
  const now = new Date();
  await migrate(db, undefined, now);
  // The JWT signing secret, committed before any request: requests then read it once per process (auth/jwt.ts).
  await signingSecret(db);
  await ensureDemoTenant(db, now);
  await purgeExpiredTenants(db, now);
  await reconcileRecordIndexes(db);
  return db;
}

/** The sandbox database (PostgreSQL with SANDBOX_DATABASE_URL, else SQLite): opened on first use, migrated, with the demo tenant present and expired tenants purged. */
export async function getStore(): Promise<SqlDatabase> {
  const url = databaseUrl();
  // Which database: the PostgreSQL URL when set, else the SQLite file.
  const path = url ?? dbPath();
  const held = holder.__sandboxStore;
  if (held && held.path === path) return held.db;
  if (held) await closeStore();
  const db = open(path, url);
  holder.__sandboxStore = { path, db };
  // A failed opening is not kept: the next request tries again.
  db.catch(() => {
    if (holder.__sandboxStore?.db === db) holder.__sandboxStore = undefined;
  });
  return db;
}

/** Closes the connection; the next getStore() reopens it (tests use this to prove durability). */
export async function closeStore(): Promise<void> {
  const held = holder.__sandboxStore;
  holder.__sandboxStore = undefined;
  if (held) await (await held.db.catch(() => undefined))?.close();
}
