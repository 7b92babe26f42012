import { BoundedMap } from "@/lib/cache/bounded-map";

/**
 * Memoises a text built for one portal origin (llms-full.txt is a few hundred KB, rebuilt per request otherwise).
 * Origins are few (PORTAL_URL, allowed hosts, the served address), but loopback names may carry any port, so
 * only the most recent `max` are kept.
 */
export function perOrigin<A extends unknown[]>(
  build: (origin: string, ...args: A) => string,
  max = 16,
): (origin: string, ...args: A) => string {
  const cache = new BoundedMap<string, string>(max);
  return (origin, ...args) => cache.getOrSet(JSON.stringify([origin, ...args]), () => build(origin, ...args));
}
