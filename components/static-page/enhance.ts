import { completeChatLinks, copyPage, copyValue } from "./copy";
import { hydrate, hydrated, hydrationStarted, keepOriginal } from "./deferred-hydration";
import { $$, readStorage, writeStorage } from "./dom";
import { menuButton, menuOpen, setMenu, showShortcut, showTheme, toggleTheme } from "./header";
import { chooseLanguage, onTabKey, selectTab } from "./tabs";
import { SAMPLE_LANG_KEY } from "@/components/reference/tab-classes";
import { credentialsKey, SANDBOX_LOGIN_KEY } from "@/lib/console/credentials";
import { COPY_ATTRIBUTE, COPY_TWIN_ATTRIBUTE, TRY_IT_ATTRIBUTE } from "@/lib/static-pages/protocol";

/**
 * The behaviour of a static endpoint page without React (this entry is built to one small script at `npm run build`): theme,
 * copy buttons, language and status tabs, the mobile menu and the chat links. Search, "Try it" and samples with
 * the visitor's sandbox keys hydrate the page with Next's own scripts (deferred-hydration.ts) and then run in React.
 */

// --- What hydrates the page ----------------------------------------------------------------------------------

const SEARCH = "#site-search, [data-testid=search-button]";
const TRY_IT = `[${TRY_IT_ATTRIBUTE}]`;

/** Samples show the visitor's sandbox keys (and offer the switch back) in React: with keys, the page hydrates. */
function hasSandboxKeys(): boolean {
  return [readStorage(credentialsKey("sandbox")), readStorage(SANDBOX_LOGIN_KEY)].some((v) => v !== null && v !== "");
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

function clickLater(selector: string, value?: string): () => void {
  return () => {
    const el = $$(selector).find((e) => e.offsetParent !== null) ?? document.querySelector<HTMLElement>(selector);
    if (el instanceof HTMLInputElement && value !== undefined) el.value = value;
    el?.click();
    if (el instanceof HTMLInputElement) el.value = "";
  };
}

// --- Wiring --------------------------------------------------------------------------------------------------

function onClick(e: MouseEvent): void {
  if (hydrated() || !(e.target instanceof Element)) return;
  const t = e.target;
  // Search and "Try it" are replayed once React is there, also when hydration is already under way.
  const search = t.closest<HTMLElement>(SEARCH);
  if (search) {
    e.preventDefault();
    const value = search instanceof HTMLInputElement ? search.value : undefined;
    return hydrate(clickLater(search.matches("#site-search") ? "#site-search" : "[data-testid=search-button]", value));
  }
  if (t.closest(TRY_IT)) return hydrate(clickLater(TRY_IT));
  if (hydrationStarted()) return;
  if (menuOpen() && !t.closest("header button[aria-controls], [id] > nav[aria-label=Menu]")) setMenu(false);
  const theme = t.closest<HTMLElement>("[data-testid=theme-toggle]");
  if (theme) return toggleTheme();
  const tab = t.closest<HTMLElement>("[role=tab]");
  if (tab) return selectTab(tab);
  const copy = t.closest<HTMLElement>(`[${COPY_ATTRIBUTE}]`);
  if (copy) return void copyValue(copy);
  const page = t.closest<HTMLElement>(`[${COPY_TWIN_ATTRIBUTE}]`);
  if (page) return void copyPage(page);
  if (t.closest("header button[aria-controls][aria-expanded]")) return setMenu(!menuOpen());
  if (t.closest("nav[aria-label=Menu] a")) setMenu(false);
}

function onKeyDown(e: KeyboardEvent): void {
  if (hydrated() || e.defaultPrevented || e.altKey || !e.isTrusted) return;
  const k = e.key.toLowerCase();
  const shortcut =
    ((e.metaKey || e.ctrlKey) && !e.shiftKey && k === "k") ||
    (e.key === "/" && !e.metaKey && !e.ctrlKey && !isTyping(e.target));
  if (shortcut) {
    e.preventDefault();
    const init = { key: e.key, code: e.code, metaKey: e.metaKey, ctrlKey: e.ctrlKey, bubbles: true, cancelable: true };
    return hydrate(() => window.dispatchEvent(new KeyboardEvent("keydown", init)));
  }
  if (hydrationStarted()) return;
  if (e.key === "Escape" && menuOpen()) return setMenu(false, true);
  const tab = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>("[role=tab]") : null;
  if (tab) onTabKey(e, tab);
}

/** Pointer over or focus on search or "Try it": hydrate ahead, as the React page loads their code on intent. */
function onIntent(e: Event): void {
  if (!hydrationStarted() && e.target instanceof Element && e.target.closest(`${SEARCH}, ${TRY_IT}`)) hydrate();
}

function onInput(e: Event): void {
  const t = e.target;
  if (hydrated() || !(t instanceof HTMLInputElement) || t.id !== "site-search") return;
  const value = t.value;
  t.value = "";
  hydrate(clickLater("#site-search", value));
}

function onChange(e: Event): void {
  const t = e.target;
  if (hydrationStarted() || !(t instanceof HTMLSelectElement) || !t.closest("[data-testid=code-samples]")) return;
  writeStorage(SAMPLE_LANG_KEY, t.value);
  chooseLanguage(t.value);
}

/**
 * Everything the enhancer may change, kept as the server rendered it before any change (outer boxes first, so an
 * inner copy is never of an already changed state): hydration starts from these.
 */
function keepOriginals(): void {
  const roots = [
    "[data-testid=code-samples]",
    "[data-testid=response-examples]",
    `[role=group]:has([${COPY_TWIN_ATTRIBUTE}])`,
    "[data-testid=theme-toggle]",
    `[${COPY_ATTRIBUTE}]`,
  ];
  for (const selector of roots) for (const el of $$(selector)) keepOriginal(el);
  const menu = menuButton()?.parentElement;
  if (menu) keepOriginal(menu);
}

function start(): void {
  if (hasSandboxKeys()) return hydrate();
  keepOriginals();
  showTheme();
  showShortcut();
  const lang = readStorage(SAMPLE_LANG_KEY);
  if (lang) chooseLanguage(lang);
  completeChatLinks();
  document.addEventListener("click", onClick);
  document.addEventListener("keydown", onKeyDown);
  document.addEventListener("input", onInput);
  document.addEventListener("change", onChange);
  document.addEventListener("pointerover", onIntent);
  document.addEventListener("focusin", onIntent);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", (e) => {
    if (hydrationStarted() || readStorage("theme")) return;
    document.documentElement.classList.toggle("dark", e.matches);
    showTheme();
  });
  // Keys got in another tab (the sandbox page, the console): the samples show them, in React.
  window.addEventListener("storage", () => {
    if (!hydrationStarted() && hasSandboxKeys()) hydrate();
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
