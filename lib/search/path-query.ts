import { endpoints as catalogEndpoints, matchPath } from "@/lib/catalog";
import type { Endpoint, HttpMethod } from "@/lib/catalog";
import { normalizePath } from "@/lib/catalog/match-path";

export interface PathHit {
  endpoint: Endpoint;
  /** true: the path resolves to this template; false: the typed path is a prefix of it. */
  exact: boolean;
}

const segments = (p: string) => p.split("/").filter(Boolean);

/** What people paste often lacks the version: `organizations/{id}/members`, `/auth/login`. */
function variants(input: string): string[] {
  const { path } = normalizePath(input);
  return path === "/v1" || path.startsWith("/v1/") ? [path] : [path, `/v1${path === "/" ? "" : path}`];
}

function isPrefixOf(parts: string[], template: string): boolean {
  const t = segments(template);
  if (t.length <= parts.length) return false;
  return parts.every((p, i) => {
    const seg = t[i]!;
    // A parameter takes an id-looking value or its own placeholder, not a word like "members".
    return seg === p || (seg.startsWith("{") && (p === seg || !/^[a-z-]+$/.test(p)));
  });
}

/**
 * Endpoints a typed path points at: templates it resolves to (concrete ids included), the
 * requested method first; failing that, endpoints under it (`/v1/auth` → every auth endpoint).
 */
export function matchPathQuery(
  input: string,
  method?: HttpMethod,
  endpoints: readonly Endpoint[] = catalogEndpoints,
): PathHit[] {
  const order = new Map(endpoints.map((e, i) => [e.id, i]));
  const byMethodThenCatalog = (a: Endpoint, b: Endpoint) =>
    Number(b.method === method) - Number(a.method === method) || order.get(a.id)! - order.get(b.id)!;

  for (const path of variants(input)) {
    const exact = matchPath(undefined, path).map((m) => m.endpoint);
    if (exact.length > 0) return exact.sort(byMethodThenCatalog).map((endpoint) => ({ endpoint, exact: true }));
  }
  for (const path of variants(input)) {
    const parts = segments(path);
    if (parts.length === 0) continue;
    const under = endpoints.filter((e) => isPrefixOf(parts, e.path));
    if (under.length > 0) {
      const depth = (e: Endpoint) => segments(e.path).length;
      return under
        .sort((a, b) => depth(a) - depth(b) || byMethodThenCatalog(a, b))
        .map((endpoint) => ({ endpoint, exact: false }));
    }
  }
  return [];
}
