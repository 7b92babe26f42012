import {
  MENU_CLOSED_PATH,
  MENU_OPEN_PATH,
  MOON_PATH,
  SHORTCUT_KBD_CLASS,
  shortcutLabel,
  SUN_PATH,
  themeLabel,
} from "@/components/layout/header-parts";
import { beforeHydration } from "./deferred-hydration";
import { $$, writeStorage } from "./dom";

/** The header without React, on a static page: theme toggle, the search field's shortcut hint, the mobile menu. */

export function showTheme(): void {
  const dark = document.documentElement.classList.contains("dark");
  for (const button of $$("[data-testid=theme-toggle]")) {
    button.setAttribute("aria-label", themeLabel(dark));
    button.setAttribute("aria-pressed", String(dark));
    button.querySelector("path")?.setAttribute("d", dark ? SUN_PATH : MOON_PATH);
  }
}

export function toggleTheme(): void {
  const dark = !document.documentElement.classList.contains("dark");
  document.documentElement.classList.toggle("dark", dark);
  writeStorage("theme", dark ? "dark" : "light");
  showTheme();
}

/** The search field's shortcut hint, which React adds after hydration. */
export function showShortcut(): void {
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

export const menuButton = () => document.querySelector<HTMLElement>("header button[aria-controls][aria-expanded]");

export function setMenu(open: boolean, refocus = false): void {
  const button = menuButton();
  const panel = button && document.getElementById(button.getAttribute("aria-controls") ?? "");
  if (!button || !panel) return;
  button.setAttribute("aria-expanded", String(open));
  button.querySelector("path")?.setAttribute("d", open ? MENU_OPEN_PATH : MENU_CLOSED_PATH);
  panel.hidden = !open;
  if (open) panel.querySelector("a")?.focus();
  else if (refocus) button.focus();
}

export const menuOpen = () => menuButton()?.getAttribute("aria-expanded") === "true";
