import { HTTP_METHODS, type HttpMethod } from "@/lib/catalog/types";
import { analyzeText, bigram, type Token } from "./analyze";
import { SYNONYMS } from "./synonyms";

export type TermKind = "word" | "compound" | "bigram" | "synonym";

export interface QueryTerm {
  /** The index term (stemmed; `a+b` for bigrams, `a-b-c` for compounds). */
  term: string;
  kind: TermKind;
  /** Relative importance: the user's words 1, compounds more, synonyms less. */
  weight: number;
  /** What to report as matched: the user's word, or the added synonym. */
  display: string;
  /** The user's word this term stands for; -1 for bonus terms (bigrams, compounds) that coverage ignores. */
  group: number;
}

export interface AnalyzedQuery {
  terms: QueryTerm[];
  /** How many of the user's words (with their synonyms) the query has; coverage is measured against it. */
  groupCount: number;
  /** An HTTP method written in capitals ("DELETE file") or next to a path ("delete /v1/user/files/1"). */
  method?: HttpMethod;
  /** The path-like token of the query, as typed ("/v1/auth/login", "organizations/{organization_id}/members"). */
  path?: string;
  /** The user wrote a plural noun ("invitations"): a list is more likely wanted than one item. */
  plural: boolean;
  /** Only stop words were typed ("me"): they are searched in paths and slugs only. */
  stopWordsOnly: boolean;
}

/** An identifier typed whole (`X-Organization-Id`, `cancel_at_period_end`) is the strongest signal. */
const COMPOUND_WEIGHT = 3;
/** Its parts ("organization", "id") are everywhere, so they count for little on their own. */
const COMPOUND_PART_WEIGHT = 0.5;
/** A status code ("402") names few endpoints. */
const STATUS_WEIGHT = 2;
/** The user's word as typed, kept beside its spelling correction for prefix matching ("regist"). */
const UNCORRECTED_WEIGHT = 0.7;
const DEFAULT_SYNONYM_WEIGHT = 0.8;

export interface AnalyzeQueryOptions {
  /** Spelling correction from the index vocabulary: a known term for an unknown one, or undefined. */
  correct?: (term: string) => string | undefined;
}

interface CompiledRule {
  patterns: string[][];
  add: Token[];
  weight: number;
}

const terms = (text: string) => analyzeText(text).phrases.flat();

const RULES: CompiledRule[] = SYNONYMS.map((r) => {
  return {
    patterns: r.when.map((w) => terms(w).map((t) => t.term)),
    add: terms(r.add),
    weight: r.weight ?? DEFAULT_SYNONYM_WEIGHT,
  };
});

const isMethod = (s: string): s is HttpMethod => (HTTP_METHODS as readonly string[]).includes(s);

/** Words of a typed path worth searching for: literal segments and parameter names, not ids or `v1`. */
function pathWords(path: string): string {
  return path
    .split(/[/?#&=]/)
    .map((s) => s.replace(/[{}]/g, ""))
    .filter((s) => s && s !== "v1" && !/\d/.test(s) && s.length <= 40 && !/^https?:?$/.test(s))
    .join(" ");
}

const wordWeight = (t: Token) => (t.inCompound ? COMPOUND_PART_WEIGHT : /^[1-5]\d\d$/.test(t.term) ? STATUS_WEIGHT : 1);

/** Turns what a developer typed into weighted index terms. */
export function analyzeQuery(query: string, options: AnalyzeQueryOptions = {}): AnalyzedQuery {
  const words = query.trim().split(/\s+/);
  const path = words.find((w) => w.includes("/"));
  const methodWord = words.find((w) => isMethod(path ? w.toUpperCase() : w));
  const method = methodWord ? (methodWord.toUpperCase() as HttpMethod) : undefined;
  const text = words.map((w) => (w === path ? pathWords(w) : w)).join(" ");

  const out = new Map<string, QueryTerm>();
  // A term reached twice (a word that is also a synonym) keeps its best weight and the user's group.
  const put = (t: QueryTerm) => {
    const cur = out.get(t.term);
    if (!cur) return void out.set(t.term, t);
    const best = t.weight > cur.weight ? t : cur;
    out.set(t.term, { ...best, group: cur.group >= 0 ? cur.group : t.group });
  };
  const putBigrams = (tokens: readonly Token[], weight: (t: Token) => number) => {
    const content = tokens.filter((t) => !t.stop);
    for (let i = 1; i < content.length; i++) {
      const [a, b] = [content[i - 1]!, content[i]!];
      put({
        term: bigram(a.term, b.term),
        kind: "bigram",
        weight: Math.min(weight(a), weight(b)),
        display: "",
        group: -1,
      });
    }
  };

  const analyzed = analyzeText(text);
  const groupOf = new Map<string, number>();
  const phrases = analyzed.phrases.map((tokens) =>
    tokens.map((t) => {
      if (t.stop) return t;
      const fixed = options.correct?.(t.term);
      if (!groupOf.has(fixed ?? t.term)) groupOf.set(fixed ?? t.term, groupOf.size);
      const group = groupOf.get(fixed ?? t.term)!;
      if (fixed) put({ term: t.term, kind: "word", weight: UNCORRECTED_WEIGHT, display: t.word, group });
      return fixed ? { ...t, term: fixed } : t;
    }),
  );
  const tokens = phrases.flat();
  for (const t of tokens)
    if (!t.stop)
      put({ term: t.term, kind: "word", weight: wordWeight(t), display: t.word, group: groupOf.get(t.term)! });
  for (const c of analyzed.compounds)
    put({ term: c, kind: "compound", weight: COMPOUND_WEIGHT, display: c, group: -1 });
  for (const p of phrases) putBigrams(p, wordWeight);

  let extraGroups = groupOf.size;
  const sequence = tokens.map((t) => t.term);
  for (const rule of RULES) {
    for (const pattern of rule.patterns) {
      for (let i = 0; i + pattern.length <= sequence.length; i++) {
        if (!pattern.every((p, j) => sequence[i + j] === p)) continue;
        const source = tokens.slice(i, i + pattern.length).find((t) => !t.stop);
        const group = source ? groupOf.get(source.term)! : extraGroups++;
        for (const a of rule.add) put({ term: a.term, kind: "synonym", weight: rule.weight, display: a.word, group });
        putBigrams(rule.add, () => rule.weight);
      }
    }
  }

  // A query of stop words only ("me") may still name a path segment.
  const stopWordsOnly = ![...out.values()].some((t) => t.group >= 0);
  if (stopWordsOnly)
    for (const t of tokens) put({ term: t.term, kind: "word", weight: 1, display: t.word, group: extraGroups++ });

  const plural = tokens.some(
    (t) => !t.stop && !t.inCompound && t.word.endsWith("s") && !t.word.endsWith("ss") && t.term !== t.word,
  );
  return { terms: [...out.values()], groupCount: extraGroups, method, path, plural, stopWordsOnly };
}
