import { categories, endpointsOf } from "@/lib/catalog";
import type { HttpMethod } from "@/lib/catalog";

export interface NavEndpoint {
  id: string;
  href: string;
  method: HttpMethod;
  title: string;
  path: string;
}
export interface NavCategory {
  id: string;
  href: string;
  title: string;
  endpoints: NavEndpoint[];
}

export const categoryHref = (slug: string) => `/reference/${slug}`;
export const endpointHref = (categorySlug: string, endpointSlug: string) =>
  `/reference/${categorySlug}/${endpointSlug}`;

/** Plain data for the sidebar (a client component). */
export function referenceNav(): NavCategory[] {
  return categories.map((c) => ({
    id: c.id,
    href: categoryHref(c.slug),
    title: c.title,
    endpoints: endpointsOf(c.id).map((e) => ({
      id: e.id,
      href: endpointHref(c.slug, e.slug),
      method: e.method,
      title: e.summary,
      path: e.path,
    })),
  }));
}
