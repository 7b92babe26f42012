/** Recent searches, newest first, kept in this browser only (localStorage). */
const KEY = "portal:recent-searches";
const MAX = 6;

export function readRecentSearches(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(0, MAX) : [];
  } catch {
    // Storage blocked or a value someone else wrote: no history rather than a broken dialog.
    return [];
  }
}

function write(list: string[]): string[] {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    /* storage full or blocked: keep the list for this dialog only */
  }
  return list;
}

/** Puts `query` first (once, whatever its case) and returns the new list. */
export function addRecentSearch(query: string): string[] {
  const q = query.trim();
  if (q === "") return readRecentSearches();
  return write([q, ...readRecentSearches().filter((r) => r.toLowerCase() !== q.toLowerCase())].slice(0, MAX));
}

export function clearRecentSearches(): string[] {
  return write([]);
}
