import "server-only";
/**
 * Site search: endpoints from the one endpoint index and ranking `search_endpoints` uses (index.ts), plus
 * the guides (whole, and each section under its heading) and the site's pages from a small index of their own.
 * The /search page, /api/search and through it the header's dialog all answer from here.
 */
import MiniSearch from "minisearch";
import { docsPath } from "@/lib/catalog/serialize";
import { guideHref, guideStructure, guideSummary } from "@/lib/content/guide-pages";
import { GUIDES, guideMarkdown } from "@/lib/content/guides";
import { indexTerms, isBigram } from "./analyze";
import { EmptyQueryError, searchEndpoints } from "./index";
import { analyzeQuery } from "./query";
import { type GuideResult, MAX_SITE_QUERY, type PageResult, type SiteSearchResults } from "./site-results";
import { SITE_PAGES } from "./site-pages";

export * from "./site-results";

/** How many results of each group search returns. */
export const SITE_LIMITS = { endpoints: 8, guides: 6, pages: 3 } as const;

interface SiteDocument {
  id: string;
  kind: "guide" | "page";
  title: string;
  /** The guide a section belongs to. */
  parent: string;
  keywords: string;
  text: string;
  href: string;
  description: string;
}

const FIELDS = { title: 3, keywords: 2, parent: 1, text: 0.6 } as const;
type Field = keyof typeof FIELDS;
/** Section text beyond this adds noise, not recall. */
const MAX_SECTION_TEXT = 3000;
/** A hit scoring below this share of the group's best is left out. */
const RELATIVE_FLOOR = 0.25;

/** Each `##`/`###` section's prose (code blocks left out), by the heading's line. */
function sections(markdown: string, headings: Array<{ line: number; depth: number; text: string; slug: string }>) {
  const lines = markdown.split(/\r?\n/);
  let inFence = false;
  const prose = lines.map((l) => {
    if (/^ {0,3}(```|~~~)/.test(l)) inFence = !inFence;
    return inFence || /^ {0,3}(```|~~~)/.test(l) ? "" : l;
  });
  return headings.map((h, i) => {
    const end = headings[i + 1]?.line ?? lines.length + 1;
    return {
      ...h,
      prose: prose
        .slice(h.line, end - 1)
        .join(" ")
        .slice(0, MAX_SECTION_TEXT),
    };
  });
}

function siteDocuments(): SiteDocument[] {
  const docs: SiteDocument[] = [];
  for (const g of GUIDES) {
    const { headings } = guideStructure(g.id);
    const href = guideHref(g.id);
    docs.push({
      id: href,
      kind: "guide",
      title: g.title,
      parent: "",
      keywords: g.group,
      text: guideSummary(g.id).text,
      href,
      description: "",
    });
    // Guide pages render ids on h2 and h3 only (components/guides/guide-content.tsx).
    for (const s of sections(
      guideMarkdown(g.id),
      headings.filter((h) => h.depth === 2 || h.depth === 3),
    )) {
      docs.push({
        id: `${href}#${s.slug}`,
        kind: "guide",
        title: s.text,
        parent: g.title,
        keywords: "",
        text: s.prose,
        href: `${href}#${s.slug}`,
        description: "",
      });
    }
  }
  for (const p of SITE_PAGES)
    docs.push({
      id: p.href,
      kind: "page",
      title: p.title,
      parent: "",
      keywords: p.keywords,
      text: "",
      href: p.href,
      description: p.description,
    });
  return docs;
}

let built: MiniSearch<SiteDocument> | undefined;
function siteIndex(): MiniSearch<SiteDocument> {
  if (!built) {
    built = new MiniSearch<SiteDocument>({
      fields: Object.keys(FIELDS),
      storeFields: ["kind", "title", "parent", "href", "description"],
      tokenize: (text, field) => indexTerms(text, { bigrams: field === "title" || field === "keywords" }),
      processTerm: (t) => t,
    });
    built.addAll(siteDocuments());
  }
  return built;
}

function searchSiteDocuments(query: string, kind: SiteDocument["kind"], limit: number) {
  const { terms } = analyzeQuery(query);
  if (terms.length === 0) return [];
  const byTerm = new Map(terms.map((t) => [t.term, t]));
  const hits = siteIndex().search(terms.map((t) => t.term).join(" "), {
    tokenize: (s) => s.split(" "),
    processTerm: (s) => s,
    boost: FIELDS as Record<Field, number>,
    combineWith: "OR",
    boostTerm: (term) => byTerm.get(term)?.weight ?? 1,
    prefix: (term) => byTerm.get(term)?.kind !== "bigram" && term.length >= 4,
    fuzzy: (term) => (byTerm.get(term)?.kind !== "bigram" && term.length >= 5 ? 0.2 : false),
    // Prefix and fuzzy expansion must not reach word pairs the user did not type.
    boostDocument: (_id, derived) => (!byTerm.has(derived) && isBigram(derived) ? 0 : 1),
    filter: (r) => r.kind === kind,
  });
  const top = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= top * RELATIVE_FLOOR).slice(0, limit);
}

/** Endpoints, guides and pages for what a person typed; empty groups for an empty query. */
export function searchSite(query: string): SiteSearchResults {
  const q = query.trim().slice(0, MAX_SITE_QUERY);
  if (q === "") return { query: q, endpoints: [], guides: [], pages: [] };
  let endpointHits: ReturnType<typeof searchEndpoints> = [];
  try {
    endpointHits = searchEndpoints(q, { limit: SITE_LIMITS.endpoints });
  } catch (e) {
    if (!(e instanceof EmptyQueryError)) throw e;
  }
  const guides: GuideResult[] = searchSiteDocuments(q, "guide", SITE_LIMITS.guides).map((h) => ({
    title: String(h.title),
    ...(h.parent ? { guide: String(h.parent) } : {}),
    href: String(h.href),
  }));
  const pages: PageResult[] = searchSiteDocuments(q, "page", SITE_LIMITS.pages).map((h) => ({
    title: String(h.title),
    description: String(h.description),
    href: String(h.href),
  }));
  return {
    query: q,
    endpoints: endpointHits.map(({ endpoint: e }) => ({
      id: e.id,
      method: e.method,
      path: e.path,
      summary: e.summary,
      href: docsPath(e),
    })),
    guides,
    pages,
  };
}
