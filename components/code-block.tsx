import { highlight, type HighlightLang } from "@/lib/highlight";
import { CopyButton } from "./copy-button";

/** Server-highlighted code with a copy button; no highlighter reaches the browser. */
export async function CodeBlock({ code, lang, title }: { code: string; lang: HighlightLang; title?: string }) {
  const html = await highlight(code, lang);
  return (
    <div className="relative overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span>{title ?? lang}</span>
        <CopyButton value={code} />
      </div>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
