import { chatPrompt, copyTwin } from "@/components/copy-twin";
import { MENU_CLOSED_PATH, MENU_OPEN_PATH, MOON_PATH, SHORTCUT_KBD_CLASS, shortcutLabel, SUN_PATH, themeLabel } from "@/components/layout/header-parts";
import { SAMPLE_LANG_KEY, sampleTabClass, statusTabClass } from "@/components/reference/tab-classes";
import { credentialsKey, SANDBOX_LOGIN_KEY } from "@/lib/console/credentials";
import { beforeHydration, hydrate, hydrated, hydrationStarted, keepOriginal } from "./deferred-hydration";
import { COPY_ATTRIBUTE, COPY_TWIN_ATTRIBUTE, TRY_IT_ATTRIBUTE } from "@/lib/static-pages/protocol";

/**
 * The behaviour of a static endpoint page without React (built to one small script at `npm run build`): theme,
 * copy buttons, language and status tabs, the mobile menu and the chat links. Search, "Try it" and samples with
 * the visitor's sandbox keys hydrate the page with Next's own scripts (deferred-hydration.ts) and then run in React.
 */

const $$ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage blocked: the choice lasts for this page.
  }
}

// --- Theme ---------------------------------------------------------------------------------------------------

function showTheme(): void {
  const dark = document.documentElement.classList.contains("dark");
  for (const button of $$("[data-testid=theme-toggle]")) {
    button.setAttribute("aria-label", themeLabel(dark));
    button.setAttribute("aria-pressed", String(dark));
    button.querySelector("path")?.setAttribute("d", dark ? SUN_PATH : MOON_PATH);
  }
}

function toggleTheme(): void {
  const dark = !document.documentElement.classList.contains("dark");
  document.documentElement.classList.toggle("dark", dark);
  writeStorage("theme", dark ? "dark" : "light");
  showTheme();
}

// --- Tabs ----------------------------------------------------------------------------------------------------

/** Selects `id` in every code sample group (the language is shared and remembered, as in the React tabs). */
function chooseLanguage(id: string): void {
  for (const group of $$("[data-testid=code-samples]")) {
    const panels = $$("[role=tabpanel]", group);
    if (!panels.some((p) => p.dataset.sampleLang === id)) continue;
    for (const panel of panels) panel.hidden = panel.dataset.sampleLang !== id;
    for (const tab of $$("[role=tab]", group)) {
      const selected = tab.getAttribute("aria-controls") === panels.find((p) => !p.hidden)?.id;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      tab.className = sampleTabClass(selected);
    }
    const select = group.querySelector("select");
    if (select) select.value = id;
  }
}

function chooseStatus(group: HTMLElement, tab: HTMLElement): void {
  for (const t of $$("[role=tab]", group)) {
    const selected = t === tab;
    t.setAttribute("aria-selected", String(selected));
    t.tabIndex = selected ? 0 : -1;
    t.className = statusTabClass(selected, Number(t.textContent));
    const panel = document.getElementById(t.getAttribute("aria-controls") ?? "");
    if (panel) panel.hidden = !selected;
  }
}

function selectTab(tab: HTMLElement): void {
  const group = tab.closest<HTMLElement>("[data-testid=code-samples], [data-testid=response-examples]");
  if (!group) return;
  if (group.dataset.testid === "code-samples") {
    const id = document.getElementById(tab.getAttribute("aria-controls") ?? "")?.dataset.sampleLang;
    if (!id) return;
    writeStorage(SAMPLE_LANG_KEY, id);
    chooseLanguage(id);
  } else chooseStatus(group, tab);
}

/** Arrow keys, Home and End move between tabs, as in the React tabs. */
function onTabKey(e: KeyboardEvent, tab: HTMLElement): void {
  const tabs = $$("[role=tab]", tab.closest("[role=tablist]") ?? document);
  const index = tabs.indexOf(tab);
  const last = tabs.length - 1;
  const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[e.key];
  const next = target === undefined ? undefined : tabs[target];
  if (!next) return;
  e.preventDefault();
  selectTab(next);
  next.focus();
}

// --- Copy ----------------------------------------------------------------------------------------------------

function flash(button: HTMLElement, text: string, resetTo: string, ms: number): void {
  const live = button.querySelector("span") ?? button;
  live.textContent = text;
  if (button.hasAttribute("aria-label")) button.setAttribute("aria-label", text);
  setTimeout(() => {
    if (hydrationStarted()) return;
    live.textContent = resetTo;
    if (button.hasAttribute("aria-label")) button.setAttribute("aria-label", resetTo);
  }, ms);
}

async function copyValue(button: HTMLElement): Promise<void> {
  const label = button.querySelector("span")?.textContent ?? "Copy";
  try {
    await navigator.clipboard.writeText(button.getAttribute(COPY_ATTRIBUTE) ?? "");
    flash(button, "Copied", label, 1500);
  } catch {
    // As the React button: no message when the clipboard refuses.
  }
}

async function copyPage(button: HTMLElement): Promise<void> {
  let text = "Copied";
  try {
    await copyTwin(button.getAttribute(COPY_TWIN_ATTRIBUTE) ?? "");
  } catch {
    text = "Copy failed";
  }
  flash(button, text, "Copy page as Markdown", 2000);
}

/** The chat links ask about the twin's full address, which the prerendered HTML cannot know. */
function completeChatLinks(): void {
  for (const button of $$(`[${COPY_TWIN_ATTRIBUTE}]`)) {
    const twin = button.getAttribute(COPY_TWIN_ATTRIBUTE) ?? "";
    const group = button.closest("[role=group]");
    if (!group) continue;
    for (const a of $$<HTMLAnchorElement>("a[target=_blank]", group)) {
      const url = new URL(a.href);
      const q = url.searchParams.get("q");
      const prefix = chatPrompt(twin, "");
      if (!q?.startsWith(prefix)) continue;
      url.searchParams.set("q", chatPrompt(`${location.origin}${twin}`, q.slice(prefix.length)));
      a.href = url.href.replace(/\+/g, "%20");
    }
  }
}

/** The search field's shortcut hint, which React adds after hydration. */
function showShortcut(): void {
  const box = document.getElementById("site-search")?.parentElement;
  if (!box || box.querySelector("kbd")) return;
  const kbd = document.createElement("kbd");
  kbd.setAttribute("aria-hidden", "true");
  kbd.className = SHORTCUT_KBD_CLASS;
  kbd.textContent = shortcutLabel();
  box.append(kbd);
  // Not by restoring the box: that would replace the field the visitor is about to click.
  beforeHydration(() => kbd.remove());
}

// --- Mobile menu ---------------------------------------------------------------------------------------------

const menuButton = () => document.querySelector<HTMLElement>("header button[aria-controls][aria-expanded]");

function setMenu(open: boolean, refocus = false): void {
  const button = menuButton();
  const panel = button && document.getElementById(button.getAttribute("aria-controls") ?? "");
  if (!button || !panel) return;
  button.setAttribute("aria-expanded", String(open));
  button.querySelector("path")?.setAttribute("d", open ? MENU_OPEN_PATH : MENU_CLOSED_PATH);
  panel.hidden = !open;
  if (open) panel.querySelector("a")?.focus();
  else if (refocus) button.focus();
}

const menuOpen = () => menuButton()?.getAttribute("aria-expanded") === "true";

// --- What hydrates the page ----------------------------------------------------------------------------------

const SEARCH = "#site-search, [data-testid=search-button]";
const TRY_IT = `[${TRY_IT_ATTRIBUTE}]`;

/** Samples show the visitor's sandbox keys (and offer the switch back) in React: with keys, the page hydrates. */
function hasSandboxKeys(): boolean {
  return [readStorage(credentialsKey("sandbox")), readStorage(SANDBOX_LOGIN_KEY)].some((v) => v !== null && v !== "");
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
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
  const shortcut = ((e.metaKey || e.ctrlKey) && !e.shiftKey && k === "k") || (e.key === "/" && !e.metaKey && !e.ctrlKey && !isTyping(e.target));
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
  const roots = ["[data-testid=code-samples]", "[data-testid=response-examples]", `[role=group]:has([${COPY_TWIN_ATTRIBUTE}])`, "[data-testid=theme-toggle]", `[${COPY_ATTRIBUTE}]`];
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
