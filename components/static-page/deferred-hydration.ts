import {
  DEFERRED_SCRIPT_TYPE,
  DEFERRED_SRC_ATTRIBUTE,
  HYDRATED_ATTRIBUTE,
  HYDRATED_EVENT,
} from "@/lib/static-pages/protocol";

/**
 * A static page keeps Next's scripts inert (see lib/static-pages) until something needs React: search or "Try it".
 * Then the enhancer's changes are undone (React hydrates the server's HTML, which must match what it renders),
 * the scripts run, and what the visitor did is replayed on the hydrated page.
 */

const originals = new Map<Element, Node>();
let started = false;
let pending: (() => void) | null = null;

/** Keeps the server-rendered state of `el` before the enhancer first changes it. */
export function keepOriginal(el: Element): void {
  if (!started && !originals.has(el)) originals.set(el, el.cloneNode(true));
}

const undos: Array<() => void> = [];

/** Runs `undo` just before hydration: for a change the enhancer makes that restoring an element would not undo. */
export function beforeHydration(undo: () => void): void {
  undos.push(undo);
}

/** True once hydration was asked for: the enhancer leaves the page to React from then on. */
export const hydrationStarted = () => started;

/** True once React has hydrated the page. */
export const hydrated = () => document.documentElement.hasAttribute(HYDRATED_ATTRIBUTE);

/** Runs `action` on the hydrated page: now if it is, else once React has hydrated it (the latest action wins). */
function afterHydration(action: () => void): void {
  if (hydrated()) return action();
  if (!pending) window.addEventListener(HYDRATED_EVENT, () => pending?.(), { once: true });
  pending = action;
}

/** Hydrates the page with Next's own scripts, then runs `replay` (what the visitor asked for before React was there). */
export function hydrate(replay?: () => void): void {
  if (replay) afterHydration(replay);
  if (started) return;
  started = true;
  for (const [el, original] of originals) if (el.isConnected) el.replaceWith(original);
  originals.clear();
  for (const undo of undos.splice(0)) undo();
  const deferred = [...document.querySelectorAll<HTMLScriptElement>(`script[type="${DEFERRED_SCRIPT_TYPE}"]`)];
  // Inline scripts (the RSC payload) first and in order: inserted inline scripts run at once; the external chunks
  // (async in Next's own HTML too) then load in any order.
  const inline = deferred.filter((s) => !s.hasAttribute(DEFERRED_SRC_ATTRIBUTE));
  const external = deferred.filter((s) => s.hasAttribute(DEFERRED_SRC_ATTRIBUTE));
  for (const old of [...inline, ...external]) {
    const script = document.createElement("script");
    for (const { name, value } of old.attributes) {
      if (name === DEFERRED_SRC_ATTRIBUTE) script.setAttribute("src", value);
      else if (name !== "type") script.setAttribute(name, value);
    }
    if (script.src) script.async = true;
    else script.text = old.text;
    old.replaceWith(script);
  }
}
