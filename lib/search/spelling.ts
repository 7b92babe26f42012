import type MiniSearch from "minisearch";
import type { SearchOptions } from "minisearch";
import { isBigram } from "./analyze";

const exactly: SearchOptions = { prefix: false, fuzzy: false, tokenize: (s) => [s], processTerm: (s) => s };

// An index never changes once built or loaded, so its answers can be remembered.
const known = new WeakMap<MiniSearch, Map<string, boolean>>();
const corrections = new WeakMap<MiniSearch, Map<string, string | undefined>>();

/** Bounds the memory a long-running server spends on remembering what people typed. */
const MAX_MEMO = 10_000;

function memo<V>(store: WeakMap<MiniSearch, Map<string, V>>, index: MiniSearch, key: string, compute: () => V): V {
  let m = store.get(index);
  if (!m) store.set(index, (m = new Map()));
  if (m.size >= MAX_MEMO) m.clear();
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as V;
}

/** The index has this term verbatim, in any field. */
export function hasTerm(index: MiniSearch, term: string): boolean {
  return memo(known, index, term, () => index.search(term, exactly).length > 0);
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The closest single-word term of the index within `fuzzy` (a share of the length, as MiniSearch
 * reads it), or one swap of neighbouring letters away: "organizaton" → "organization", "logni" → "login".
 * Ties go to the term more endpoints use, then A–Z.
 */
export function correctTerm(index: MiniSearch, term: string, fuzzy: number): string | undefined {
  return memo(corrections, index, `${fuzzy}:${term}`, () => closestTerm(index, term, fuzzy));
}

function closestTerm(index: MiniSearch, term: string, fuzzy: number): string | undefined {
  // Swapped neighbours ("logni", "chta") are one slip, though two edits for MiniSearch's fuzzy search.
  for (let i = 1; i < term.length; i++) {
    const swapped = term.slice(0, i - 1) + term[i] + term[i - 1] + term.slice(i + 1);
    if (swapped !== term && hasTerm(index, swapped)) return swapped;
  }
  const counts = new Map<string, number>();
  for (const r of index.search(term, { ...exactly, fuzzy })) {
    for (const derived of Object.keys(r.match)) {
      if (derived === term || isBigram(derived) || derived.includes("-")) continue;
      counts.set(derived, (counts.get(derived) ?? 0) + 1);
    }
  }
  let best: { term: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of counts) {
    const distance = editDistance(term, candidate);
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && (count > best.count || (count === best.count && candidate < best.term)))
    ) {
      best = { term: candidate, distance, count };
    }
  }
  return best?.term;
}
