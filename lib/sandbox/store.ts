import "server-only";
import { dbPath } from "./config";
import { migrate } from "./db/migrations";
import type { SqlDatabase } from "./db/sql";
import { openSqlite } from "./db/sqlite";
import { reconcileRecordIndexes } from "./resources/entity-schema";
import { ensureDemoTenant, purgeExpiredTenants } from "./tenants";

// On globalThis so that Next's dev reloads share one connection per database file.
const holder = globalThis as typeof globalThis & { __sandboxStore?: SqlDatabase };

/** The sandbox database: opened on first use, migrated, with the demo tenant present and expired tenants purged. */
export function getStore(): SqlDatabase {
  const path = dbPath();
  const open = holder.__sandboxStore;
  if (open && open.path === path) return open;
  open?.close();
  const db = openSqlite(path);
  const now = new Date();
  migrate(db, undefined, now);
  ensureDemoTenant(db, now);
  purgeExpiredTenants(db, now);
  reconcileRecordIndexes(db);
  holder.__sandboxStore = db;
  return db;
}

/** Closes the connection; the next getStore() reopens it (tests use this to prove durability). */
export function closeStore(): void {
  holder.__sandboxStore?.close();
  holder.__sandboxStore = undefined;
}
