/**
 * Memoises a text built for one portal origin (llms-full.txt is a few hundred KB, rebuilt per request otherwise).
 * Origins are few (PORTAL_URL, allowed hosts, the served address), but loopback names may carry any port, so
 * only the most recent `max` are kept.
 */
export function perOrigin<A extends unknown[]>(build: (origin: string, ...args: A) => string, max = 16): (origin: string, ...args: A) => string {
  const cache = new Map<string, string>();
  return (origin, ...args) => {
    const key = JSON.stringify([origin, ...args]);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const text = build(origin, ...args);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(key, text);
    return text;
  };
}
