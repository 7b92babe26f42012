import type { RateLimit } from "@/lib/catalog";
import { requestAddress } from "@/lib/site/origin";
import { isoTime, type Sql } from "./db/sql";

/**
 * Fixed-window limits from the catalog, kept in the database: `count` requests per window per
 * bucket (endpoint + client IP or user, per tenant); the request after that is refused and, when
 * the limit has `blockSeconds`, the bucket stays blocked that long.
 */

export type RateDecision = { allowed: true } | { allowed: false; retryAfter: number };

interface BucketRow {
  window_start: string;
  count: number;
  blocked_until: string | null;
}

export interface RateKey {
  tenantId: string | null;
  /** Usually the endpoint id. */
  name: string;
  /** Client IP or user id. */
  scopeKey: string;
}

/**
 * One atomic upsert counts the hit and answers the bucket's state, so counters stay exact when several requests (or
 * several instances on one PostgreSQL database) hit one bucket at once: no read-then-write for two writers to
 * interleave. In the UPDATE, `rate_limits.*` are the values before this hit. ISO-8601 texts compare as times.
 */
export async function hitRateLimit(sql: Sql, key: RateKey, limit: RateLimit, now: Date): Promise<RateDecision> {
  const bucket = `${key.tenantId ?? "-"}|${key.name}|${key.scopeKey}`;
  const nowMs = now.getTime();
  const at = isoTime(now);
  // A window that started at or before this has ended.
  const cutoff = isoTime(new Date(nowMs - limit.windowSeconds * 1000));
  const blockUntil = limit.blockSeconds ? isoTime(new Date(nowMs + limit.blockSeconds * 1000)) : null;
  const blocked = `rate_limits.blocked_until IS NOT NULL AND rate_limits.blocked_until > ?`;
  const count = `CASE WHEN rate_limits.window_start <= ? THEN 1 ELSE rate_limits.count + 1 END`;
  const row = await sql.get<BucketRow>(
    `INSERT INTO rate_limits (bucket, tenant_id, window_start, count, blocked_until) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT (bucket) DO UPDATE SET
       window_start = CASE WHEN ${blocked} THEN rate_limits.window_start WHEN rate_limits.window_start <= ? THEN ? ELSE rate_limits.window_start END,
       count = CASE WHEN ${blocked} THEN rate_limits.count ELSE ${count} END,
       blocked_until = CASE WHEN ${blocked} THEN rate_limits.blocked_until WHEN ${count} > ? THEN ? ELSE NULL END
     RETURNING window_start, count, blocked_until`,
    [
      bucket,
      key.tenantId,
      at,
      1 > limit.count ? blockUntil : null,
      at,
      cutoff,
      at,
      at,
      cutoff,
      at,
      cutoff,
      limit.count,
      blockUntil,
    ],
  );
  if (!row) throw new Error("rate limit upsert returned no row");
  if (row.blocked_until && Date.parse(row.blocked_until) > nowMs) {
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((Date.parse(row.blocked_until) - nowMs) / 1000)) };
  }
  if (row.count <= limit.count) return { allowed: true };
  return {
    allowed: false,
    retryAfter: Math.max(1, Math.ceil((Date.parse(row.window_start) + limit.windowSeconds * 1000 - nowMs) / 1000)),
  };
}

/**
 * The client address: the socket's, or the hop TRUST_PROXY vouches for (lib/site/origin.ts); "unknown" where
 * neither can be known (route handlers under `next start` without TRUST_PROXY), never a header anyone can send.
 */
export function clientIp(req: Request): string {
  return requestAddress(req.headers, req.url).client;
}
