/**
 * Totals of record searches, keyed by the query and the records_revision of the schemas it reads:
 * every write to a schema's records bumps its revision, so a cached total is never stale. Paging
 * through the same search then costs one indexed page query instead of a COUNT over every record.
 */

const MAX_ENTRIES = 500;
const counts = new Map<string, number>();

/** The cached total for `key` (it becomes the most recently used), or undefined. */
export function cachedCount(key: string): number | undefined {
  const hit = counts.get(key);
  if (hit !== undefined) {
    counts.delete(key);
    counts.set(key, hit);
  }
  return hit;
}

/** Remembers a total; the least recently used entry goes when the cache is full. */
export function rememberCount(key: string, total: number): void {
  if (!counts.has(key) && counts.size >= MAX_ENTRIES) counts.delete(counts.keys().next().value!);
  counts.set(key, total);
}
