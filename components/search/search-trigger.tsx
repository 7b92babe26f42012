"use client";

import { type ComponentType, useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { SHORTCUT_KBD_CLASS, shortcutLabel } from "@/components/layout/header-parts";
import type { SearchDialogProps } from "./search-dialog";

// The dialog's code is fetched on first use (focus, pointer over, a shortcut), never with the page.
let dialogModule: Promise<ComponentType<SearchDialogProps>> | undefined;
const loadDialog = () => (dialogModule ??= import("./search-dialog").then((m) => m.SearchDialog));

/** Typing in a field, a select or editable text: "/" belongs to it there. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

const noSubscribe = () => () => {};

/**
 * The header's search: a form to /search (so it works without JavaScript), a button on narrow screens, and the
 * ⌘K / Ctrl-K / "/" shortcuts, listened for here once per page. Both open the search dialog.
 */
export function SearchTrigger() {
  const [Dialog, setDialog] = useState<ComponentType<SearchDialogProps> | null>(null);
  const [open, setOpen] = useState<{ query: string } | null>(null);
  const shortcut = useSyncExternalStore(noSubscribe, shortcutLabel, () => null);

  const openSearch = useCallback((query = "") => {
    setOpen({ query });
    void loadDialog().then((C) => setDialog(() => C));
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return;
      const k = e.key.toLowerCase();
      if ((e.metaKey || e.ctrlKey) && !e.shiftKey && k === "k") {
        e.preventDefault();
        openSearch();
      } else if (e.key === "/" && !e.metaKey && !e.ctrlKey && !isTyping(e.target)) {
        e.preventDefault();
        openSearch();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openSearch]);

  const warm = () => void loadDialog();

  return (
    <>
      <form
        action="/search"
        role="search"
        className="flex items-center"
        onSubmit={(e) => {
          e.preventDefault();
          const q = new FormData(e.currentTarget).get("q");
          openSearch(typeof q === "string" ? q : "");
        }}
      >
        <label htmlFor="site-search" className="sr-only">
          Search
        </label>
        <span className="relative hidden md:block">
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search…"
            autoComplete="off"
            data-testid="search-field"
            onFocus={warm}
            onPointerEnter={warm}
            onClick={(e) => openSearch(e.currentTarget.value)}
            onChange={(e) => {
              openSearch(e.currentTarget.value);
              e.currentTarget.value = "";
            }}
            className="w-44 rounded-md border border-zinc-300 bg-zinc-50 py-1.5 pr-14 pl-3 text-sm text-zinc-900 placeholder:text-zinc-600 xl:w-56 dark:border-zinc-700 dark:bg-zinc-900 dark:text-white dark:placeholder:text-zinc-400"
          />
          {shortcut && (
            <kbd aria-hidden="true" className={SHORTCUT_KBD_CLASS}>
              {shortcut}
            </kbd>
          )}
        </span>
        <a
          href="/search"
          aria-label="Search"
          data-testid="search-button"
          onFocus={warm}
          onPointerEnter={warm}
          onClick={(e) => {
            e.preventDefault();
            openSearch();
          }}
          className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="h-5 w-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="m21 21-4.35-4.35M19 11a8 8 0 1 1-16 0 8 8 0 0 1 16 0Z" />
          </svg>
        </a>
      </form>
      {/* Outside the form: Enter in the dialog's field must not submit the header's form. */}
      {open && Dialog && <Dialog initialQuery={open.query} onClose={() => setOpen(null)} />}
    </>
  );
}
