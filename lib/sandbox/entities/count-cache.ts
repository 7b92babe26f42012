import { BoundedMap } from "@/lib/cache/bounded-map";

/**
 * Totals of record searches, keyed by the query and the records_revision of the schemas it reads:
 * every write to a schema's records bumps its revision, so a cached total is never stale. Paging
 * through the same search then costs one indexed page query instead of a COUNT over every record.
 */

const counts = new BoundedMap<string, number>(500);

/** The cached total for `key` (it becomes the most recently used), or undefined. */
export function cachedCount(key: string): number | undefined {
  return counts.get(key);
}

/** Remembers a total; the least recently used entry goes when the cache is full. */
export function rememberCount(key: string, total: number): void {
  counts.set(key, total);
}
