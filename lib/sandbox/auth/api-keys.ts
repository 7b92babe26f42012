import type { KeyKind } from "@/lib/catalog";
import { IMPLIED_DETAIL } from "@/lib/catalog/errors";
import type { Sql } from "../db/sql";
import { ApiError } from "../errors";
import { deleteTenant, isExpired, PUBLIC_PREFIX, SECRET_PREFIX, type TenantRow } from "../tenants";

/** The tenant and kind an X-API-Key value belongs to, or undefined. Expiry is the caller's business. */
export async function findApiKey(sql: Sql, key: string): Promise<{ tenant: TenantRow; kind: KeyKind } | undefined> {
  const kind: KeyKind | null = key.startsWith(PUBLIC_PREFIX)
    ? "public"
    : key.startsWith(SECRET_PREFIX)
      ? "secret"
      : null;
  if (!kind) return undefined;
  const column = kind === "public" ? "public_key" : "secret_key";
  const tenant = await sql.get<TenantRow>(`SELECT * FROM tenants WHERE ${column} = ?`, [key]);
  return tenant ? { tenant, kind } : undefined;
}

/**
 * The X-API-Key of a request, checked: 401 "API key required" / "Invalid API key" / "API key expired"
 * (an expired tenant is purged on the spot), 403 when its kind is not among `allowed`.
 * Public keys are origin-checked by the real API; the sandbox accepts every origin.
 */
export async function requireApiKey(
  sql: Sql,
  req: Request,
  allowed: readonly KeyKind[],
  now: Date,
): Promise<{ tenant: TenantRow; kind: KeyKind }> {
  const key = req.headers.get("x-api-key")?.trim();
  if (!key) throw new ApiError(401, IMPLIED_DETAIL.keyRequired);
  const found = await findApiKey(sql, key);
  if (!found) throw new ApiError(401, IMPLIED_DETAIL.keyInvalid);
  if (isExpired(found.tenant, now)) {
    await deleteTenant(sql, found.tenant.id);
    throw new ApiError(401, "API key expired");
  }
  if (!allowed.includes(found.kind)) throw new ApiError(403, IMPLIED_DETAIL.secretKeyRequired);
  return found;
}
