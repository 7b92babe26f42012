import type { HttpMethod } from "@/lib/catalog/types";

/** What site search answers: plain data, shared by /api/search, the /search page and the dialog. */
export interface SiteSearchResults {
  query: string;
  endpoints: EndpointResult[];
  guides: GuideResult[];
  pages: PageResult[];
}

export interface EndpointResult {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  href: string;
}

export interface GuideResult {
  /** The guide's title for a whole guide, the heading's text for a section. */
  title: string;
  /** The guide a section belongs to; absent for a whole guide. */
  guide?: string;
  /** `/guides/<slug>` or `/guides/<slug>#<heading-id>`. */
  href: string;
}

export interface PageResult {
  title: string;
  description: string;
  href: string;
}

/** Longest query accepted, in characters (the MCP tool takes 500; a search box needs far less). */
export const MAX_SITE_QUERY = 200;
