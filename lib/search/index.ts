/**
 * Ranked endpoint search: one MiniSearch index over the catalog, shared by the MCP tool
 * `search_endpoints` and the portal's search box (which can load the index prebuilt).
 *
 * A query is analysed like the documents (analyze.ts), corrected against the index vocabulary
 * (spelling.ts) and widened with synonyms (synonyms.ts, query.ts). Hits are ranked by BM25 over
 * boosted fields, scaled by how many of the user's words they match. A path in the query
 * ("/v1/auth/login", a concrete URL) puts the endpoints it resolves to first (path-query.ts).
 */
import MiniSearch, { type Options } from "minisearch";
import { endpoints, getEndpoint } from "@/lib/catalog";
import type { CategoryId, Endpoint } from "@/lib/catalog";
import { indexTerms, isBigram, normalizeWord } from "./analyze";
import { buildSearchDocuments, type SearchDocument } from "./documents";
import { matchPathQuery } from "./path-query";
import { type AnalyzedQuery, analyzeQuery } from "./query";
import { correctTerm, hasTerm } from "./spelling";

export type { SearchDocument } from "./documents";

/** Thrown for an empty or whitespace-only query; callers answer it as a validation error. */
export class EmptyQueryError extends Error {
  readonly code = "empty_query";
  constructor() {
    super("The search query is empty.");
    this.name = "EmptyQueryError";
  }
}

export interface SearchHit {
  endpoint: Endpoint;
  score: number;
  /** The query words (or the synonyms they stand for) this endpoint matched. */
  terms: string[];
}

export interface SearchEndpointsOptions {
  /** Most hits to return. Default 10. */
  limit?: number;
  /** Only endpoints of this category. */
  category?: CategoryId;
  /** A prebuilt index from `loadSearchIndex`; default: the catalog's, built on first use. */
  index?: SearchIndex;
}

export type SearchIndex = MiniSearch<SearchDocument>;
type IndexedField = Exclude<keyof SearchDocument, "id" | "category" | "path">;

interface FieldSpec {
  boost: number;
  /** Paths and slugs keep short words ("/v1/auth/me"). */
  keepStopWords?: boolean;
  /** Index word pairs, so that a phrase outranks the same words scattered. */
  bigrams?: boolean;
}

const FIELDS: Record<IndexedField, FieldSpec> = {
  keywords: { boost: 3, bigrams: true },
  summary: { boost: 3, bigrams: true },
  name: { boost: 2.5, keepStopWords: true, bigrams: true },
  pathWords: { boost: 2, keepStopWords: true, bigrams: true },
  method: { boost: 1.5, keepStopWords: true },
  categoryTitle: { boost: 1.2 },
  description: { boost: 1 },
  fields: { boost: 0.8 },
  notes: { boost: 0.5 },
  auth: { boost: 0.5 },
  errors: { boost: 0.6 },
};

export const DEFAULT_LIMIT = 10;
/** Hits scoring below this are noise (a lone fuzzy match in a note); the nonsense test pins it. */
export const MIN_SCORE = 5;
/** Score factor for an endpoint whose method the user wrote in capitals ("DELETE file"). */
const METHOD_BOOST = 1.5;
/** Score factor for GET endpoints when the query names a thing but no action ("organization members"). */
const READ_PRIOR = 1.3;
/** Further factor for GET endpoints on a collection path (not ending in `{id}`) when that thing is plural. */
const COLLECTION_PRIOR = 1.2;
/** Fields searched for a query of stop words only ("me" → /v1/auth/me). */
const PATH_FIELDS: IndexedField[] = ["pathWords", "name"];
const FUZZY = 0.2;
const MIN_FUZZY_LENGTH = 4;

const boost = Object.fromEntries(Object.entries(FIELDS).map(([f, s]) => [f, s.boost]));

/** The options an index is built and loaded with; both must agree, so they live here only. */
export const searchIndexOptions: Options<SearchDocument> = {
  idField: "id",
  fields: Object.keys(FIELDS),
  storeFields: ["category", "method", "path", "summary"],
  tokenize: (text, field) => indexTerms(text, FIELDS[field as IndexedField]),
  // Terms come out of `tokenize` already normalised.
  processTerm: (term) => term,
  searchOptions: { boost, combineWith: "OR" },
};

let built: SearchIndex | undefined;

/** The catalog's index, built once on first use. */
export function getSearchIndex(): SearchIndex {
  if (!built) {
    built = new MiniSearch(searchIndexOptions);
    built.addAll(buildSearchDocuments());
  }
  return built;
}

/** The catalog's index as JSON, for a browser to load instead of rebuilding. */
export function serializeSearchIndex(): string {
  return JSON.stringify(getSearchIndex());
}

/** An index serialized by `serializeSearchIndex`; pass it as `options.index`. */
export function loadSearchIndex(json: string): SearchIndex {
  return MiniSearch.loadJSON<SearchDocument>(json, searchIndexOptions);
}

const catalogOrder = new Map(endpoints.map((e, i) => [e.id, i]));
/** The catalog's verbs: the first word of every summary ("Register", "Cancel", "Upload" ...). */
const ACTIONS = new Set(endpoints.map((e) => normalizeWord(e.summary.split(" ")[0] ?? "").term));
const isStatus = (term: string) => /^[1-5]\d\d$/.test(term);

/** Ranks catalog endpoints for what a developer typed: words, questions, typos, paths. */
export function searchEndpoints(query: string, options: SearchEndpointsOptions = {}): SearchHit[] {
  if (query.trim() === "") throw new EmptyQueryError();
  const index = options.index ?? getSearchIndex();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const { category } = options;
  const correct = (term: string) =>
    term.length >= MIN_FUZZY_LENGTH && /^[a-z]+$/.test(term) && !hasTerm(index, term)
      ? correctTerm(index, term, FUZZY)
      : undefined;
  const q = analyzeQuery(query, { correct });
  const text = rankText(index, q, category);

  const { path } = q;
  if (!path) return text.slice(0, limit);
  // Endpoints the typed path resolves to come first, in matchPathQuery's order, above any text hit.
  const top = Math.max(text[0]?.score ?? 0, MIN_SCORE);
  const pathHits: SearchHit[] = matchPathQuery(path, q.method)
    .filter((h) => !category || h.endpoint.category === category)
    .map((h, i) => ({ endpoint: h.endpoint, score: round(top * (h.exact ? 2 : 1.5) - i * 0.01), terms: [path] }));
  const seen = new Set(pathHits.map((h) => h.endpoint.id));
  return [...pathHits, ...text.filter((h) => !seen.has(h.endpoint.id))].slice(0, limit);
}

function rankText(index: SearchIndex, q: AnalyzedQuery, category?: CategoryId): SearchHit[] {
  const { terms, groupCount, method } = q;
  if (terms.length === 0) return [];
  const byTerm = new Map(terms.map((t) => [t.term, t]));
  // Words the index has verbatim need no typo tolerance; unknown ones get prefix and fuzzy matching.
  const known = new Set(terms.filter((t) => hasTerm(index, t.term)).map((t) => t.term));
  const compounds = terms.filter((t) => t.kind === "compound").map((t) => t.term);
  // No verb and no status code: the user names a resource and most likely wants to read it.
  const readIntent = !method && !terms.some((t) => ACTIONS.has(t.term) || isStatus(t.term));

  const results = index.search(terms.map((t) => t.term).join(" "), {
    tokenize: (s) => s.split(" "),
    processTerm: (s) => s,
    boostTerm: (term) => byTerm.get(term)?.weight ?? 1,
    prefix: (term) => {
      const t = byTerm.get(term);
      if (!t || t.kind === "bigram") return false;
      return term.length >= (known.has(term) ? 4 : 3);
    },
    fuzzy: (term) => {
      const t = byTerm.get(term);
      return t !== undefined && t.kind !== "bigram" && !known.has(term) && term.length >= MIN_FUZZY_LENGTH
        ? FUZZY
        : false;
    },
    // Prefix and fuzzy expansion must not reach pairs and identifiers the user did not type.
    boostDocument: (_id, derived, stored) => {
      if (!byTerm.has(derived)) {
        if (isBigram(derived)) return 0;
        if (derived.includes("-") && !compounds.some((c) => derived.startsWith(c))) return 0;
      }
      if (method) return stored?.method === method ? METHOD_BOOST : 1;
      if (!readIntent || stored?.method !== "GET") return 1;
      return q.plural && !String(stored.path).endsWith("}") ? READ_PRIOR * COLLECTION_PRIOR : READ_PRIOR;
    },
    filter: category ? (r) => r.category === category : undefined,
    fields: q.stopWordsOnly ? PATH_FIELDS : undefined,
  });

  return results
    .flatMap((r): SearchHit[] => {
      // A loaded index may predate the catalog: skip ids it no longer has.
      const endpoint = getEndpoint(String(r.id));
      if (!endpoint) return [];
      const matched = r.queryTerms.map((qt) => byTerm.get(qt)).filter((t) => t !== undefined);
      const groups = new Set(matched.filter((t) => t.group >= 0).map((t) => t.group));
      // MiniSearch multiplies by the number of matched query terms, bigrams and synonyms included;
      // count the user's words instead, so that a phrase match does not outweigh a missing word,
      // and weigh the share of them matched, so that the endpoint matching most words comes first.
      const coverage = groupCount > 0 ? groups.size / groupCount : 1;
      const base = r.score / Math.max(1, r.queryTerms.length);
      const score = round(base * Math.max(1, groups.size) * (0.5 + coverage));
      if (score < MIN_SCORE) return [];
      return [
        { endpoint, score, terms: [...new Set(matched.filter((t) => t.kind !== "bigram").map((t) => t.display))] },
      ];
    })
    .sort((a, b) => b.score - a.score || catalogOrder.get(a.endpoint.id)! - catalogOrder.get(b.endpoint.id)!);
}

/** Scores rounded so that ties, and their catalog-order tie-break, do not hinge on float noise. */
const round = (n: number) => Math.round(n * 1000) / 1000;
