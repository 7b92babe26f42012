"use client";

import { useEffect, useSyncExternalStore } from "react";
import { MOON_PATH, SUN_PATH, themeLabel } from "./header-parts";

/** The `.dark` class on <html> is the source of truth; this store watches it. */
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
const isDark = () => document.documentElement.classList.contains("dark");

/** Flips light/dark and remembers the choice; without a stored choice the system setting rules. */
export function ThemeToggle() {
  const dark = useSyncExternalStore(subscribe, isDark, () => null);

  useEffect(() => {
    const media = matchMedia("(prefers-color-scheme: dark)");
    const follow = (e: MediaQueryListEvent) => {
      if (!localStorage.getItem("theme")) document.documentElement.classList.toggle("dark", e.matches);
    };
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, []);

  const toggle = () => {
    const next = !isDark();
    document.documentElement.classList.toggle("dark", next);
    localStorage.setItem("theme", next ? "dark" : "light");
  };

  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={themeLabel(dark === true)}
      aria-pressed={dark ?? undefined}
      data-testid="theme-toggle"
      className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d={dark ? SUN_PATH : MOON_PATH} />
      </svg>
    </button>
  );
}
