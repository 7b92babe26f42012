import { type JsonTokenKind, tokenizeJson } from "@/lib/console/json-tokens";

const COLORS: Record<JsonTokenKind, string> = {
  key: "text-sky-800 dark:text-sky-300",
  string: "text-emerald-800 dark:text-emerald-300",
  number: "text-amber-800 dark:text-amber-300",
  literal: "text-violet-800 dark:text-violet-300",
  punctuation: "text-zinc-600 dark:text-zinc-400",
  space: "",
};

/** Pretty JSON with colours from a tiny tokenizer (no highlighter shipped for one language). */
export function JsonView({ text, label }: { text: string; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-[32rem] overflow-auto rounded border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere] dark:border-zinc-800 dark:bg-zinc-900"
    >
      <code>
        {tokenizeJson(text).map((t, i) =>
          t.kind === "space" ? (
            t.text
          ) : (
            <span key={i} className={COLORS[t.kind]}>
              {t.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}
