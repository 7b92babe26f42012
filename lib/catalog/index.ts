import { categories, findCategory, getCategory } from "./categories";
import { endpointsByCategory } from "./endpoints";
import { createMatcher } from "./match-path";
import type { CategoryId, Endpoint } from "./types";

export { categories, findCategory, getCategory };
export type * from "./types";
export { CATEGORY_IDS, HTTP_METHODS } from "./types";

/** All endpoints in the seed's order (category by category). */
export const endpoints: readonly Endpoint[] = categories.flatMap((c) => endpointsByCategory[c.id]);

const byId = new Map(endpoints.map((e) => [e.id, e]));

export function getEndpoint(id: string): Endpoint | undefined {
  return byId.get(id);
}

export function endpointsOf(category: CategoryId): readonly Endpoint[] {
  return endpointsByCategory[category];
}

export function findEndpointBySlugs(categorySlug: string, endpointSlug: string): Endpoint | undefined {
  const c = findCategory(categorySlug);
  return c ? endpointsByCategory[c.id].find((e) => e.slug === endpointSlug) : undefined;
}

export const matchPath = createMatcher(endpoints);

/** Prev/next within the whole reference, for page navigation. */
export function neighbours(id: string): { prev?: Endpoint; next?: Endpoint } {
  const i = endpoints.findIndex((e) => e.id === id);
  return { prev: i > 0 ? endpoints[i - 1] : undefined, next: i >= 0 ? endpoints[i + 1] : undefined };
}
