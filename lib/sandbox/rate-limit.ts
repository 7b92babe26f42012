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

export function hitRateLimit(sql: Sql, key: RateKey, limit: RateLimit, now: Date): RateDecision {
  const bucket = `${key.tenantId ?? "-"}|${key.name}|${key.scopeKey}`;
  const nowMs = now.getTime();
  return sql.tx(() => {
    const row = sql.get<BucketRow>(`SELECT window_start, count, blocked_until FROM rate_limits WHERE bucket = ?`, [bucket]);
    if (row?.blocked_until && Date.parse(row.blocked_until) > nowMs) {
      return { allowed: false, retryAfter: Math.ceil((Date.parse(row.blocked_until) - nowMs) / 1000) };
    }
    const windowStart = row && Date.parse(row.window_start) + limit.windowSeconds * 1000 > nowMs ? Date.parse(row.window_start) : nowMs;
    const count = (row && windowStart === Date.parse(row.window_start) ? row.count : 0) + 1;
    const exceeded = count > limit.count;
    const blockedUntil = exceeded && limit.blockSeconds ? nowMs + limit.blockSeconds * 1000 : null;
    sql.run(
      `INSERT INTO rate_limits (bucket, tenant_id, window_start, count, blocked_until) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (bucket) DO UPDATE SET window_start = excluded.window_start, count = excluded.count, blocked_until = excluded.blocked_until`,
      [bucket, key.tenantId, isoTime(new Date(windowStart)), count, blockedUntil === null ? null : isoTime(new Date(blockedUntil))],
    );
    if (!exceeded) return { allowed: true };
    const until = blockedUntil ?? windowStart + limit.windowSeconds * 1000;
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((until - nowMs) / 1000)) };
  });
}

/**
 * The client address: the socket's, or the hop TRUST_PROXY vouches for (lib/site/origin.ts); "unknown" where
 * neither can be known (route handlers under `next start` without TRUST_PROXY), never a header anyone can send.
 */
export function clientIp(req: Request): string {
  return requestAddress(req.headers, req.url).client;
}
