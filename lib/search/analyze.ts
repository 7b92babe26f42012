/**
 * Text analysis shared by indexing and querying: tokens, British → American spelling, light
 * stemming, stop words, compounds (`cancel_at_period_end`, `X-Organization-Id`) and bigrams.
 * Both sides must analyse identically, so everything here is deterministic and catalog-free.
 */

/** Words that carry no meaning in a developer's question. Kept in paths and slugs (`/v1/auth/me`). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the my mine our your their his her its it this that these those to for of from by at as " +
    "how do does did done i we you he she they me us them can could would should will shall may might must " +
    "with in on into onto is are was were be been being am and or but if so then than there here " +
    "what which who whom when where why want wants need needs some someone somebody something any anyone " +
    "all every each please just also via about using use s t"
  ).split(" "),
);

// A Map, not an object literal: "constructor" or "toString" in a text must not find Object.prototype's members.
const EXCEPTIONS = new Map<string, string>(
  Object.entries({
    cancelled: "cancel",
    canceled: "cancel",
    cancelling: "cancel",
    canceling: "cancel",
    cancellation: "cancel",
    cancellations: "cancel",
    cancels: "cancel",
    forgotten: "forgot",
    licence: "license",
    licences: "license",
    defence: "defense",
    catalogue: "catalog",
    catalogues: "catalog",
    dialogue: "dialog",
    programme: "program",
    enrol: "enroll",
    centre: "center",
    metre: "meter",
    stats: "stat",
    news: "news",
  }),
);

/** Stems whose British `-ise` forms are spelled `-ize` in the API (organise, authorise ...). */
const ISE_STEMS = [
  "organ",
  "author",
  "custom",
  "recogn",
  "initial",
  "normal",
  "priorit",
  "synchron",
  "serial",
  "categor",
  "personal",
  "visual",
  "optim",
  "minim",
  "maxim",
  "final",
  "util",
  "summar",
  "standard",
  "central",
  "special",
  "real",
  "apolog",
  "emphas",
  "memor",
  "local",
  "capital",
  "sanit",
  "tokeni",
];
const ISE = new RegExp(`^(${ISE_STEMS.join("|")})is(e|ed|es|ing|er|ers|ation|ations)$`);
const YSE = /^(anal|paral|catal)ys(e|ed|es|ing|er|ers)$/;
const OUR = /^(behavi|col|fav|hon|lab|neighb|flav|hum|rum)our(.*)$/;
const DOUBLE_L = /^(label|model|travel|signal|total|level|fuel|channel)l(ed|ing|er|ers)$/;

/** British spellings → the American ones the API uses. */
export function americanize(word: string): string {
  const exact = EXCEPTIONS.get(word);
  if (exact) return exact;
  return word
    .replace(/isation(s?)$/, "ization$1")
    .replace(ISE, "$1iz$2")
    .replace(YSE, "$1yz$2")
    .replace(OUR, "$1or$2")
    .replace(DOUBLE_L, "$1$2");
}

const VOWEL = /[aeiouy]/;
const UNDOUBLE = /([^aeiouylsz])\1$/;

/**
 * A light suffix stripper: plurals, -ing, -ed and a final -e, so that upload/uploads/uploading,
 * file/files and share/shared/sharing meet. Stems need not be words; only equality matters.
 */
export function stem(word: string): string {
  const exact = EXCEPTIONS.get(word);
  if (exact) return exact;
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (/(ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith("ied") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("ing") && w.length >= 6 && VOWEL.test(w.slice(0, -3))) w = w.slice(0, -3).replace(UNDOUBLE, "$1");
  else if (w.endsWith("ed") && !w.endsWith("eed") && w.length >= 4 && VOWEL.test(w.slice(0, -2)))
    w = w.slice(0, -2).replace(UNDOUBLE, "$1");

  if (w.endsWith("e") && !w.endsWith("ee") && w.length >= 3) w = w.slice(0, -1);
  return w;
}

/** A token as it appears in text, with its position in a phrase. */
export interface Token {
  /** Lower-cased, American spelling, not stemmed: what to show the user. */
  word: string;
  /** Normalised index term. */
  term: string;
  stop: boolean;
  /** Part of a hyphenated or snake_case identifier. */
  inCompound?: boolean;
}

/** Punctuation that ends a phrase: bigrams never cross it (keywords are joined with "|"). */
const PHRASE_BREAK = /[.,;:!?()[\]|"'`]+|\s-\s/;
const WORD = /[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*/gu;

export interface AnalyzedText {
  /** Single-word terms, in order, stop words included (flagged). */
  phrases: Token[][];
  /** Hyphenated or snake_case identifiers kept whole, normalised to `-`. */
  compounds: string[];
}

// The vocabulary is small and repeats; a bounded memo spares the regexes.
const normalized = new Map<string, Token>();
const MAX_MEMO = 20_000;

export function normalizeWord(raw: string): Token {
  const hit = normalized.get(raw);
  if (hit) return hit;
  const lower = raw.toLowerCase();
  const word = americanize(lower);
  const token: Token = { word, term: stem(word), stop: STOP_WORDS.has(lower) };
  if (normalized.size >= MAX_MEMO) normalized.clear();
  normalized.set(raw, token);
  return token;
}

/** Splits text into phrases of normalised word tokens, collecting compounds on the way. */
export function analyzeText(text: string): AnalyzedText {
  const phrases: Token[][] = [];
  const compounds: string[] = [];
  for (const segment of text.split(PHRASE_BREAK)) {
    const tokens: Token[] = [];
    for (const match of segment.matchAll(WORD)) {
      const raw = match[0];
      const parts = raw.split(/[-_]/);
      if (parts.length > 1) compounds.push(parts.map((p) => p.toLowerCase()).join("-"));
      for (const p of parts)
        tokens.push(parts.length > 1 ? { ...normalizeWord(p), inCompound: true } : normalizeWord(p));
    }
    if (tokens.length > 0) phrases.push(tokens);
  }
  return { phrases, compounds };
}

/**
 * A word pair as one term, `~cancel~period`. The leading mark keeps pairs out of a word's prefix
 * range in the index, so prefix search on "cancel" does not walk every pair starting with it.
 */
export const bigram = (a: string, b: string) => `~${a}~${b}`;
export const isBigram = (term: string) => term.startsWith("~");

/** Bigrams of consecutive content words within one phrase. */
export function bigramsOf(tokens: readonly Token[]): string[] {
  const content = tokens.filter((t) => !t.stop);
  const out: string[] = [];
  for (let i = 1; i < content.length; i++) out.push(bigram(content[i - 1]!.term, content[i]!.term));
  return out;
}

/**
 * Index terms of a field value: content words (or all words when `keepStopWords`), compounds,
 * and bigrams when `bigrams` is set.
 */
export function indexTerms(text: string, opts: { keepStopWords?: boolean; bigrams?: boolean } = {}): string[] {
  const { phrases, compounds } = analyzeText(text);
  const out: string[] = [...compounds];
  for (const tokens of phrases) {
    for (const t of tokens) if (opts.keepStopWords || !t.stop) out.push(t.term);
    if (opts.bigrams) out.push(...bigramsOf(tokens));
  }
  return out;
}
