/** Shared class names of the console's controls: visible focus rings, dark mode. */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400";
export const inputClass = `w-full min-w-0 rounded border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 aria-[invalid=true]:border-red-600 ${focusRing}`;
export const buttonClass = `rounded border border-zinc-300 bg-white px-3 py-1.5 text-sm text-zinc-800 hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800 ${focusRing}`;
export const primaryButtonClass = `rounded bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-60 ${focusRing}`;
export const labelClass = "block text-sm font-medium text-zinc-700 dark:text-zinc-300";
export const hintClass = "mt-1 text-xs text-zinc-600 dark:text-zinc-400";
export const sectionTitle = "text-base font-semibold text-zinc-900 dark:text-white";
