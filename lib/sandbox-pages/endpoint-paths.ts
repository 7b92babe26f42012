import { type EndpointId, getEndpoint } from "@/lib/catalog";

/**
 * Endpoint paths for the sandbox's pages, from the catalog by endpoint id: a page never writes `/v1/...` by hand (a
 * lint rule keeps it so), and an id the catalog does not have is a type error (and, past the types, fails the render).
 */

/** The catalog path of the endpoint `id`, e.g. `/v1/auth/login`. */
export function catalogPath(id: EndpointId): string {
  const endpoint = getEndpoint(id);
  if (!endpoint) throw new Error(`No catalog endpoint ${id}`);
  return endpoint.path;
}

/** `/sandbox` + the catalog path of the endpoint `id`. */
export const sandboxPath = (id: EndpointId): string => `/sandbox${catalogPath(id)}`;
