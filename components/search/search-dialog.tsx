"use client";

import { useRouter } from "next/navigation";
import { type KeyboardEvent, type MouseEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { MethodBadge } from "@/components/reference/method-badge";
import type { HttpMethod } from "@/lib/catalog/types";
import { MAX_SITE_QUERY, type SiteSearchResults } from "@/lib/search/site-results";
import { addRecentSearch, clearRecentSearches, readRecentSearches } from "./recent-searches";

export interface SearchDialogProps {
  initialQuery: string;
  onClose: () => void;
}

/** One row of the list: a result to open, or a recent search to run again. */
type Item =
  | { kind: "link"; group: string; href: string; title: string; detail?: string; method?: HttpMethod }
  | { kind: "recent"; group: string; query: string };

const DEBOUNCE_MS = 80;
/** Endpoints shown in the dialog, so that guides and pages stay in sight; /search lists them all. */
const DIALOG_ENDPOINTS = 5;
// Answers for this page's life: typing back and forth asks the server once per query.
const answers = new Map<string, SiteSearchResults>();

async function fetchResults(q: string, signal: AbortSignal): Promise<SiteSearchResults> {
  const hit = answers.get(q);
  if (hit) return hit;
  const res = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal });
  if (!res.ok) throw new Error(`search answered ${res.status}`);
  const data = (await res.json()) as SiteSearchResults;
  answers.set(q, data);
  return data;
}

function itemsOf(r: SiteSearchResults): Item[] {
  return [
    ...r.endpoints.slice(0, DIALOG_ENDPOINTS).map((e): Item => ({
      kind: "link",
      group: "Endpoints",
      href: e.href,
      title: e.path,
      detail: e.summary,
      method: e.method,
    })),
    ...r.guides.map((g): Item => ({
      kind: "link",
      group: "Guides",
      href: g.href,
      title: g.title,
      detail: g.guide ? `in ${g.guide}` : undefined,
    })),
    ...r.pages.map((p): Item => ({
      kind: "link",
      group: "Pages",
      href: p.href,
      title: p.title,
      detail: p.description,
    })),
  ];
}

/** App Router pages navigate in place; files (/openapi.json, /llms.txt) load as documents. */
const isFile = (href: string) => /\.(json|txt|md)$/.test(href.split("#")[0] ?? "");

/**
 * The search dialog: a modal <dialog> (the page behind is inert, Esc closes it, focus returns where it was), a
 * combobox field over a grouped listbox of results from /api/search, ↑ ↓ Enter, and recent searches.
 */
export function SearchDialog({ initialQuery, onClose }: SearchDialogProps) {
  const router = useRouter();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<SiteSearchResults | null>(null);
  const [failedQuery, setFailedQuery] = useState<string | null>(null);
  // The dialog is only ever rendered in the browser, after a click or a shortcut: storage can be read at once.
  const [recent, setRecent] = useState<string[]>(readRecentSearches);
  const [active, setActive] = useState(0);
  const q = query.trim();
  const failed = failedQuery === q && results?.query !== q;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  useEffect(() => {
    if (q === "") return;
    const ctl = new AbortController();
    const t = setTimeout(() => {
      fetchResults(q, ctl.signal).then(
        (r) => {
          setResults(r);
          setActive(0);
        },
        () => {
          if (!ctl.signal.aborted) setFailedQuery(q);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q]);

  const items: Item[] = useMemo(() => {
    if (q === "") return recent.map((r): Item => ({ kind: "recent", group: "Recent searches", query: r }));
    return results && results.query === q ? itemsOf(results) : [];
  }, [q, recent, results]);
  const current = Math.min(active, Math.max(0, items.length - 1));
  const optionId = (i: number) => `${ids}-option-${i}`;

  useEffect(() => {
    list.current?.querySelector(`[id="${CSS.escape(optionId(current))}"]`)?.scrollIntoView({ block: "nearest" });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionId is derived from the stable useId value
  }, [current, items]);

  const close = () => dialog.current?.close();

  const choose = (item: Item | undefined) => {
    if (!item) return;
    if (item.kind === "recent") {
      setQuery(item.query);
      setActive(0);
      return;
    }
    setRecent(addRecentSearch(q));
    close();
    if (isFile(item.href)) window.location.assign(item.href);
    else router.push(item.href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (items.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + items.length) % items.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(items[current]);
    } else if (e.key === "Escape") {
      // A search field's native Esc only empties it; the dialog promises "Esc to close", with or without a query.
      e.preventDefault();
      close();
    }
  };

  const onOptionClick = (e: MouseEvent<HTMLAnchorElement>, item: Item) => {
    // New tab or window: leave it to the browser.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    choose(item);
  };

  const groups = [...new Set(items.map((i) => i.group))];
  const expanded = items.length > 0;

  return (
    <dialog
      ref={dialog}
      aria-label="Search the portal"
      data-testid="search-dialog"
      onClose={onClose}
      // A click on the backdrop lands on the <dialog> itself.
      onClick={(e) => e.target === e.currentTarget && close()}
      className="m-0 mx-auto mt-[8vh] flex max-h-[80vh] w-[min(42rem,calc(100vw-1rem))] max-w-none flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white p-0 text-zinc-800 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
    >
      <div className="flex items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-700">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5 shrink-0 text-zinc-600 dark:text-zinc-400"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="m21 21-4.35-4.35M19 11a8 8 0 1 1-16 0 8 8 0 0 1 16 0Z" />
        </svg>
        <input
          autoFocus
          type="search"
          role="combobox"
          aria-label="Search endpoints, guides and pages"
          aria-expanded={expanded}
          aria-controls={`${ids}-list`}
          aria-autocomplete="list"
          aria-activedescendant={expanded ? optionId(current) : undefined}
          maxLength={MAX_SITE_QUERY}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder="Search endpoints, guides, pages…"
          className="min-w-0 flex-1 bg-transparent py-3.5 text-base [&::-webkit-search-cancel-button]:appearance-none text-zinc-900 outline-none placeholder:text-zinc-600 dark:text-white dark:placeholder:text-zinc-400"
        />
        <button
          type="button"
          onClick={close}
          className="rounded border border-zinc-300 px-1.5 py-0.5 text-xs text-zinc-700 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          Esc<span className="sr-only"> (close search)</span>
        </button>
      </div>

      <div
        ref={list}
        id={`${ids}-list`}
        role="listbox"
        aria-label="Results"
        className="min-h-0 flex-1 overflow-y-auto p-2"
      >
        {groups.map((g, gi) => (
          <div key={g} role="group" aria-labelledby={`${ids}-group-${gi}`} className="mb-2">
            <div
              id={`${ids}-group-${gi}`}
              role="presentation"
              className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400"
            >
              {g}
            </div>
            {items.map((item, i) =>
              item.group !== g ? null : (
                <a
                  key={item.kind === "link" ? item.href : `recent:${item.query}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === current}
                  href={item.kind === "link" ? item.href : `/search?q=${encodeURIComponent(item.query)}`}
                  tabIndex={-1}
                  data-testid={item.kind === "link" && item.method ? "search-option-endpoint" : "search-option"}
                  onMouseMove={() => i !== current && setActive(i)}
                  onClick={(e) => onOptionClick(e, item)}
                  className="block rounded-md px-2 py-2 aria-selected:bg-blue-50 aria-selected:ring-1 aria-selected:ring-blue-300 dark:aria-selected:bg-blue-950 dark:aria-selected:ring-blue-800"
                >
                  {item.kind === "recent" ? (
                    <span className="text-sm text-zinc-800 dark:text-zinc-200">{item.query}</span>
                  ) : (
                    <>
                      <span className="flex min-w-0 items-center gap-2">
                        {item.method && <MethodBadge method={item.method} size="sm" />}
                        <span
                          className={`truncate text-sm ${item.method ? "font-mono" : "font-medium"} text-zinc-900 dark:text-white`}
                        >
                          {item.title}
                        </span>
                      </span>
                      {item.detail && (
                        <span className="mt-0.5 block truncate text-sm text-zinc-600 dark:text-zinc-400">
                          {item.detail}
                        </span>
                      )}
                    </>
                  )}
                </a>
              ),
            )}
          </div>
        ))}
        {q === "" && recent.length === 0 && (
          <p className="px-2 py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
            Type to search endpoints, guides and pages.
          </p>
        )}
        {q !== "" && failed && (
          <p role="alert" className="px-2 py-6 text-center text-sm text-red-700 dark:text-red-400">
            Search is not answering.{" "}
            <a className="underline" href={`/search?q=${encodeURIComponent(q)}`}>
              Try the search page
            </a>
            .
          </p>
        )}
        {q !== "" && !failed && results?.query === q && items.length === 0 && (
          <p className="px-2 py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">Nothing matches “{q}”.</p>
        )}
      </div>

      {/* On a phone the key hints are hidden; without recent searches or a query the bar would be empty. */}
      <div
        className={`${q === "" && recent.length === 0 ? "hidden sm:flex" : "flex"} flex-wrap items-center justify-between gap-2 border-t border-zinc-200 px-3 py-2 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400`}
      >
        <span aria-hidden="true" className="hidden sm:inline">
          <kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move ·{" "}
          <kbd className="font-sans">Enter</kbd> to open · <kbd className="font-sans">Esc</kbd> to close
        </span>
        {q === "" && recent.length > 0 ? (
          <button type="button" className="underline" onClick={() => setRecent(clearRecentSearches())}>
            Clear recent searches
          </button>
        ) : q !== "" ? (
          <a
            href={`/search?q=${encodeURIComponent(q)}`}
            className="underline"
            onClick={() => setRecent(addRecentSearch(q))}
          >
            All results on a page
          </a>
        ) : null}
      </div>
    </dialog>
  );
}
