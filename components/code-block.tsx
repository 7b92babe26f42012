import { highlight, type HighlightLang } from "@/lib/highlight";
import { hasSamplePlaceholders } from "@/lib/samples/sample-keys";
import { KeyedCode } from "./sandbox/keyed-code";
import { CopyButton } from "./copy-button";

/** Server-highlighted code with a copy button; no highlighter reaches the browser. */
export async function CodeBlock({ code, lang, title }: { code: string; lang: HighlightLang; title?: string }) {
  const html = await highlight(code, lang);
  // Code with the live API's placeholders shows the visitor's sandbox keys instead, when the browser holds some.
  if (hasSamplePlaceholders(code)) return <KeyedCode code={code} html={html} title={title ?? lang} />;
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
