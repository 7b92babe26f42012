/**
 * The tabs' looks, keys and the remembered language, shared by the React tabs and the static pages' enhancer (which
 * switches tabs without React), so both draw a selected tab the same way.
 */

/** The tab that a key moves to from tab `index` of `count` (arrow keys wrap, Home, End), or undefined for other keys. */
export function tabKeyTarget(key: string, index: number, count: number): number | undefined {
  const last = count - 1;
  const targets: Record<string, number> = {
    ArrowRight: index === last ? 0 : index + 1,
    ArrowLeft: index === 0 ? last : index - 1,
    Home: 0,
    End: last,
  };
  return targets[key];
}

/** The code samples' chosen language, shared by every tab group and remembered across pages. */
export const SAMPLE_LANG_KEY = "sample-lang";

const focus = "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600";
const unselected = "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white";

/** A code sample language tab. */
export const sampleTabClass = (selected: boolean) =>
  `shrink-0 border-b-2 px-2 py-2 text-sm whitespace-nowrap ${focus} ${selected ? "border-blue-600 font-medium text-zinc-900 dark:border-blue-400 dark:text-white" : unselected}`;

const tone = (s: number) =>
  s < 300
    ? "text-emerald-700 dark:text-emerald-400"
    : s < 400
      ? "text-sky-700 dark:text-sky-400"
      : "text-red-700 dark:text-red-400";

/** An example response's status tab. */
export const statusTabClass = (selected: boolean, status: number) =>
  `shrink-0 border-b-2 px-2.5 py-2 font-mono text-sm font-semibold ${focus} ${selected ? `border-blue-600 dark:border-blue-400 ${tone(status)}` : unselected}`;
