import { randomBytes } from "node:crypto";
import { tenantTtlHours } from "./config";
import { TENANT_TABLES } from "./db/migrations";
import { dropOrphanRecordIndexes } from "./db/record-indexes";
import { bool, isoTime, newId, type Sql } from "./db/sql";
import { seedTenant } from "./seed";

/** A sandbox tenant: its keys, settings and lifetime (expires_at null for the demo tenant). */
export interface TenantRow {
  id: string;
  name: string;
  public_key: string;
  secret_key: string;
  email_verification: number;
  google_enabled: number;
  is_demo: number;
  created_at: string;
  expires_at: string | null;
}

export const PUBLIC_PREFIX = "pk_live_";
export const SECRET_PREFIX = "sk_live_";

const randomPart = () => randomBytes(24).toString("base64url").replace(/[-_]/g, "x");

export function generateApiKeys(): { public_key: string; secret_key: string } {
  return { public_key: PUBLIC_PREFIX + randomPart(), secret_key: SECRET_PREFIX + randomPart() };
}

export interface CreateTenantOptions {
  emailVerification?: boolean;
  /** The portal's shared demo tenant: never expires, seeded with a demo user and organization. */
  demo?: boolean;
  name?: string;
}

/** Creates and seeds a tenant (plans, agents, an external agent, a shared file). */
export async function createTenant(sql: Sql, options: CreateTenantOptions, now: Date): Promise<TenantRow> {
  const id = newId();
  const keys = generateApiKeys();
  const expires = options.demo ? null : isoTime(new Date(now.getTime() + tenantTtlHours() * 3600_000));
  return await sql.tx(async () => {
    await sql.run(
      `INSERT INTO tenants (id, name, public_key, secret_key, email_verification, is_demo, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        options.name ?? (options.demo ? "Demo tenant" : "Sandbox tenant"),
        keys.public_key,
        keys.secret_key,
        bool(options.emailVerification ?? false),
        bool(options.demo ?? false),
        isoTime(now),
        expires,
      ],
    );
    const tenant = (await getTenant(sql, id))!;
    await seedTenant(sql, tenant, now);
    return tenant;
  });
}

export const getTenant = async (sql: Sql, id: string): Promise<TenantRow | undefined> =>
  await sql.get<TenantRow>(`SELECT * FROM tenants WHERE id = ?`, [id]);

export const isExpired = (tenant: TenantRow, now: Date): boolean =>
  tenant.expires_at !== null && tenant.expires_at <= isoTime(now);

/** Deletes every row of the tenant but keeps the tenant and its keys, then seeds it again. */
export async function resetTenant(sql: Sql, tenant: TenantRow, now: Date): Promise<void> {
  await sql.tx(async () => {
    for (const table of TENANT_TABLES) await sql.run(`DELETE FROM ${table} WHERE tenant_id = ?`, [tenant.id]);
    await seedTenant(sql, tenant, now);
    await dropOrphanRecordIndexes(sql);
  });
}

/** Removes expired tenants with all their data (every table cascades from tenants). */
export async function purgeExpiredTenants(sql: Sql, now: Date): Promise<number> {
  return await sql.tx(async () => {
    // One instance at a time; the others skip (the one holding the lock purges what they would have).
    if (!(await sql.lock("sandbox:purge", { wait: false }))) return 0;
    const { changes } = await sql.run(`DELETE FROM tenants WHERE expires_at IS NOT NULL AND expires_at <= ?`, [
      isoTime(now),
    ]);
    if (changes > 0) await dropOrphanRecordIndexes(sql);
    return changes;
  });
}

export async function deleteTenant(sql: Sql, tenantId: string): Promise<void> {
  await sql.tx(async () => {
    await sql.run(`DELETE FROM tenants WHERE id = ?`, [tenantId]);
    await dropOrphanRecordIndexes(sql);
  });
}

/** The demo tenant, created with random keys at first start and kept across restarts. */
export async function ensureDemoTenant(sql: Sql, now: Date): Promise<TenantRow> {
  return await sql.tx(async () => {
    // Several instances starting at once: the first creates it, the others wait and find it.
    await sql.lock("sandbox:demo");
    return (await getDemoTenant(sql)) ?? (await createTenant(sql, { demo: true }, now));
  });
}

export const getDemoTenant = async (sql: Sql): Promise<TenantRow | undefined> =>
  await sql.get<TenantRow>(`SELECT * FROM tenants WHERE is_demo = 1 ORDER BY created_at LIMIT 1`);
