import { join } from "node:path";

/** Sandbox settings from the environment, read on use so tests can point them elsewhere. Defaults work as is. */

const positive = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** SQLite file; its directory is created. Default ./data/sandbox.db (gitignored). */
export const dbPath = (): string => process.env.SANDBOX_DB_PATH || join(process.cwd(), "data", "sandbox.db");
/** Lifetime of tenants made with POST /sandbox/tenants; the demo tenant never expires. */
export const tenantTtlHours = (): number => positive("SANDBOX_TENANT_TTL_HOURS", 24);
/** New tenants one client may create per hour (POST /sandbox/tenants, MCP create_sandbox_tenant); 429 beyond. */
export const tenantsPerHour = (): number => positive("SANDBOX_TENANTS_PER_HOUR", 20);
/**
 * scrypt cost of new password hashes, as log2 of N (14: N = 16384, r = 8, p = 1, 16 MiB). An integer from 10 to 16;
 * anything else is the default. Each hash names its own parameters, so stored hashes verify at any setting.
 */
export const passwordHashCost = (): number => {
  const v = Number(process.env.SANDBOX_PASSWORD_HASH_COST);
  return Number.isInteger(v) && v >= 10 && v <= 16 ? v : 14;
};
/** Largest accepted request body for multipart uploads (413 above). */
export const maxUploadBytes = (): number => positive("SANDBOX_MAX_UPLOAD_BYTES", 5 * 1024 * 1024);
/** Total file bytes a tenant may store. */
export const tenantStorageBytes = (): number => positive("SANDBOX_TENANT_STORAGE_BYTES", 50 * 1024 * 1024);
/** Largest body of the sandbox's own forms (Google consent, checkout), in bytes: they carry a few short fields. */
export const FORM_BODY_LIMIT = 64 * 1024;
/**
 * PostgreSQL instead of SQLite: `postgres://user:password@host:5432/database` (or postgresql://). Empty: SQLite at
 * dbPath(). Several portal instances share the sandbox only through PostgreSQL.
 */
export const databaseUrl = (): string | undefined => {
  const url = process.env.SANDBOX_DATABASE_URL?.trim();
  return url ? url : undefined;
};
/** Connections each portal process keeps to PostgreSQL at most. */
export const pgPoolSize = (): number => Math.floor(positive("SANDBOX_PG_POOL_SIZE", 10));
/** The longest one statement may run on PostgreSQL, in ms, before the server cancels it (the request answers 500). */
export const pgStatementTimeoutMs = (): number => Math.floor(positive("SANDBOX_PG_STATEMENT_TIMEOUT_MS", 5000));
