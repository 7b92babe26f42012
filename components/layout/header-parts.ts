/** Parts of the header (icon paths, labels, the search shortcut), shared by the React header and the static pages' enhancer. */
export const SUN_PATH =
  "M12 3v2m0 14v2m9-9h-2M5 12H3m15.364-6.364-1.414 1.414M7.05 16.95l-1.414 1.414m12.728 0-1.414-1.414M7.05 7.05 5.636 5.636M16 12a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z";
export const MOON_PATH = "M21 12.79A9 9 0 1 1 11.21 3 7 7 0 0 0 21 12.79Z";
export const MENU_OPEN_PATH = "M6 6l12 12M18 6 6 18";
export const MENU_CLOSED_PATH = "M4 7h16M4 12h16M4 17h16";
export const themeLabel = (dark: boolean) => (dark ? "Switch to light mode" : "Switch to dark mode");

/** The search field's shortcut hint, for this platform. */
export const shortcutLabel = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? "⌘K" : "Ctrl K");
export const SHORTCUT_KBD_CLASS =
  "pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-zinc-300 px-1 font-sans text-[11px] text-zinc-600 dark:border-zinc-600 dark:text-zinc-300";
