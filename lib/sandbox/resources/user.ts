import type { AuthUser, User } from "@/lib/catalog/schemas/user";
import { bool, isoTime, isTrue, newId, parseJson, type Sql, toJson } from "../db/sql";

/** A row of `users`. Converted to the API's resources here and nowhere else. */
export interface UserRow {
  id: string;
  tenant_id: string;
  email: string | null;
  password_hash: string | null;
  display_name: string | null;
  avatar_url: string | null;
  locale: string;
  is_active: number;
  is_email_verified: number;
  status: string;
  sub: string;
  current_plan_id: string | null;
  default_organization_id: string | null;
  settings: string | null;
  created_at: string;
  updated_at: string;
}

/** Emails are compared and stored lower-case, so `Jane@x.com` and `jane@x.com` are one account. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The user as the auth endpoints return it. Auth users always have an email. */
export function toAuthUser(row: UserRow): AuthUser {
  return {
    id: row.id,
    email: row.email ?? "",
    display_name: row.display_name,
    avatar_url: row.avatar_url,
    is_active: isTrue(row.is_active),
    created_at: row.created_at,
  };
}

/** The full user of the /v1/users endpoints; settings only when asked for. */
export function toUser(row: UserRow, options: { includeSettings?: boolean } = {}): User {
  return {
    id: row.id,
    email: row.email,
    display_name: row.display_name,
    avatar_url: row.avatar_url,
    locale: row.locale,
    is_active: isTrue(row.is_active),
    tenant_id: row.tenant_id,
    sub: row.sub,
    is_email_verified: isTrue(row.is_email_verified),
    status: row.status,
    current_plan_id: row.current_plan_id,
    default_organization_id: row.default_organization_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    settings: options.includeSettings ? parseJson<Record<string, unknown>>(row.settings, {}) : null,
  };
}

export const findUserById = async (sql: Sql, tenantId: string, id: string): Promise<UserRow | undefined> =>
  await sql.get<UserRow>(`SELECT * FROM users WHERE tenant_id = ? AND id = ?`, [tenantId, id]);

export const findUserByEmail = async (sql: Sql, tenantId: string, email: string): Promise<UserRow | undefined> =>
  await sql.get<UserRow>(`SELECT * FROM users WHERE tenant_id = ? AND email = ?`, [tenantId, normalizeEmail(email)]);

export interface NewUser {
  email: string | null;
  passwordHash?: string | null;
  displayName?: string | null;
  avatarUrl?: string | null;
  locale?: string;
  isActive?: boolean;
  isEmailVerified?: boolean;
  status?: string;
  /** Subject; `sandbox|<id>` when omitted. */
  sub?: string;
  currentPlanId?: string | null;
}

/** Inserts a user of the tenant (email normalized) and returns the row. */
export async function insertUser(sql: Sql, tenantId: string, u: NewUser, now: Date): Promise<UserRow> {
  const id = newId();
  const at = isoTime(now);
  await sql.run(
    `INSERT INTO users (id, tenant_id, email, password_hash, display_name, avatar_url, locale, is_active, is_email_verified, status, sub, current_plan_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      tenantId,
      u.email === null ? null : normalizeEmail(u.email),
      u.passwordHash ?? null,
      u.displayName ?? null,
      u.avatarUrl ?? null,
      u.locale ?? "en",
      bool(u.isActive ?? true),
      bool(u.isEmailVerified ?? false),
      u.status ?? "pending",
      u.sub ?? `sandbox|${id}`,
      u.currentPlanId ?? null,
      at,
      at,
    ],
  );
  return (await findUserById(sql, tenantId, id))!;
}

export const findUserBySub = async (sql: Sql, tenantId: string, sub: string): Promise<UserRow | undefined> =>
  await sql.get<UserRow>(`SELECT * FROM users WHERE tenant_id = ? AND sub = ?`, [tenantId, sub]);

/** One page of the tenant's users, oldest first; deactivated ones only when asked for. */
export async function listUsers(
  sql: Sql,
  tenantId: string,
  options: { page: number; perPage: number; includeInactive: boolean },
): Promise<{ rows: UserRow[]; total: number }> {
  const where = options.includeInactive ? `tenant_id = ?` : `tenant_id = ? AND is_active = 1`;
  const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM users WHERE ${where}`, [tenantId]))?.n ?? 0;
  const rows = await sql.all<UserRow>(`SELECT * FROM users WHERE ${where} ORDER BY created_at, id LIMIT ? OFFSET ?`, [
    tenantId,
    options.perPage,
    (options.page - 1) * options.perPage,
  ]);
  return { rows, total };
}

/** Total, active and inactive (deactivated or soft-deleted) users of the tenant. */
export async function countUsers(
  sql: Sql,
  tenantId: string,
): Promise<{ total: number; active: number; inactive: number }> {
  const row = await sql.get<{ total: number; active: number | null }>(
    `SELECT COUNT(*) AS total, SUM(CASE WHEN is_active = 1 THEN 1 ELSE 0 END) AS active FROM users WHERE tenant_id = ?`,
    [tenantId],
  );
  const total = row?.total ?? 0;
  const active = row?.active ?? 0;
  return { total, active, inactive: total - active };
}

/** Changes the profile fields given (undefined keeps the value); the updated row, or undefined when no such user. */
export async function updateUserProfile(
  sql: Sql,
  tenantId: string,
  id: string,
  changes: { displayName?: string; avatarUrl?: string; locale?: string },
  now: Date,
): Promise<UserRow | undefined> {
  await sql.run(
    `UPDATE users SET display_name = COALESCE(?, display_name), avatar_url = COALESCE(?, avatar_url), locale = COALESCE(?, locale), updated_at = ?
     WHERE tenant_id = ? AND id = ?`,
    [changes.displayName ?? null, changes.avatarUrl ?? null, changes.locale ?? null, isoTime(now), tenantId, id],
  );
  return findUserById(sql, tenantId, id);
}

/** Replaces the user's settings object. */
export async function setUserSettings(
  sql: Sql,
  tenantId: string,
  id: string,
  settings: Record<string, unknown>,
  now: Date,
): Promise<UserRow | undefined> {
  await sql.run(`UPDATE users SET settings = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`, [
    toJson(settings),
    isoTime(now),
    tenantId,
    id,
  ]);
  return findUserById(sql, tenantId, id);
}

/** Activates or deactivates (soft-deletes) a user. */
export async function setUserActive(
  sql: Sql,
  tenantId: string,
  id: string,
  active: boolean,
  now: Date,
): Promise<UserRow | undefined> {
  await sql.run(`UPDATE users SET is_active = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`, [
    bool(active),
    isoTime(now),
    tenantId,
    id,
  ]);
  return findUserById(sql, tenantId, id);
}
