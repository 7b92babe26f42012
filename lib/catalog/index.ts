import { categories, findCategory, getCategory } from "./categories";
import { endpointsByCategory } from "./endpoints";
import { createMatcher } from "./match-path";
import type { CategoryId, Endpoint } from "./types";

/** Every endpoint as defined, each with its literal id and (as types) its schemas' output and errors. */
type DefinedEndpoint = (typeof endpointsByCategory)[CategoryId][number];
/** The catalog's endpoint ids: `"authentication.login" | "organizations.get" | ...`. */
export type EndpointId = DefinedEndpoint["id"];
/** Endpoint id → its definition's type (what `defineHandler` reads its context types from). */
export type EndpointById = { [E in DefinedEndpoint as E["id"]]: E };
/** An endpoint whose id is known to be a catalog id. */
export type CatalogEndpoint = Endpoint & { id: EndpointId };
export type { DocumentedError, HandlerTypes, HandlerTypesOf } from "./define";

export { categories, findCategory, getCategory };
export type * from "./types";
export { CATEGORY_IDS, HTTP_METHODS } from "./types";

const catalogEndpoints: readonly CatalogEndpoint[] = categories.flatMap(
  (c): readonly CatalogEndpoint[] => endpointsByCategory[c.id],
);

/** All endpoints in the seed's order (category by category). */
export const endpoints: readonly Endpoint[] = catalogEndpoints;

const byId = new Map(endpoints.map((e) => [e.id, e]));

export function getEndpoint(id: string): Endpoint | undefined {
  return byId.get(id);
}

export function endpointsOf(category: CategoryId): readonly Endpoint[] {
  return endpointsByCategory[category];
}

export function findEndpointBySlugs(categorySlug: string, endpointSlug: string): Endpoint | undefined {
  const c = findCategory(categorySlug);
  return c ? endpointsOf(c.id).find((e) => e.slug === endpointSlug) : undefined;
}

/** Its answers' endpoints carry their catalog id type, so the sandbox engine can look up their handler. */
export const matchPath = createMatcher(catalogEndpoints);

/** Prev/next within the whole reference, for page navigation. */
export function neighbours(id: string): { prev?: Endpoint; next?: Endpoint } {
  const i = endpoints.findIndex((e) => e.id === id);
  return { prev: i > 0 ? endpoints[i - 1] : undefined, next: i >= 0 ? endpoints[i + 1] : undefined };
}
