import type { Endpoint } from "./types";

const resourceOf = (path: string) =>
  path
    .split("/")
    .filter((s) => s && !s.startsWith("{"))
    .slice(0, 3)
    .join("/");

/**
 * Endpoints a reader of `e` likely needs next: the same path with other methods first, then
 * endpoints on the same resource, then the rest of the category; at most `limit`.
 */
export function relatedEndpoints(e: Endpoint, all: readonly Endpoint[], limit = 6): Endpoint[] {
  const others = all.filter((o) => o.id !== e.id);
  const samePath = others.filter((o) => o.path === e.path);
  const sameResource = others.filter((o) => o.path !== e.path && resourceOf(o.path) === resourceOf(e.path));
  const sameCategory = others.filter(
    (o) => o.category === e.category && !samePath.includes(o) && !sameResource.includes(o),
  );
  return [...samePath, ...sameResource, ...sameCategory].slice(0, limit);
}
