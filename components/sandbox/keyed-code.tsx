"use client";

import { CopyButton } from "@/components/copy-button";
import { withSampleKeys } from "@/lib/samples/sample-keys";
import { setSampleMode, useSampleKeys } from "./use-sample-keys";

/** The visible switch between the visitor's sandbox keys and the live API's placeholders; nothing without keys. */
export function SampleKeysSwitch({ className = "" }: { className?: string }) {
  const { available, mode } = useSampleKeys();
  if (!available) return null;
  return (
    <p
      data-testid="sample-keys-switch"
      className={`flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400 ${className}`}
    >
      <span>{mode === "sandbox" ? "Showing your sandbox keys and URL." : "Showing the live API's placeholders."}</span>
      <button
        type="button"
        onClick={() => setSampleMode(mode === "sandbox" ? "live" : "sandbox")}
        className="rounded px-1 font-medium text-blue-700 underline hover:no-underline dark:text-blue-400"
      >
        {mode === "sandbox" ? "Show live API placeholders" : "Use my sandbox keys"}
      </button>
    </p>
  );
}

/** Server-highlighted code whose placeholders show the visitor's sandbox keys, when the browser holds some. */
export function KeyedCode({ code, html, title }: { code: string; html: string; title: string }) {
  const { keys } = useSampleKeys();
  const shownCode = keys ? withSampleKeys(code, keys) : code;
  const shownHtml = keys ? withSampleKeys(html, keys, { html: true }) : html;
  return (
    <div className="relative overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span>{title}</span>
        <CopyButton value={shownCode} />
      </div>
      <SampleKeysSwitch className="border-b border-zinc-200 px-3 py-1 dark:border-zinc-800" />
      <div dangerouslySetInnerHTML={{ __html: shownHtml }} />
    </div>
  );
}
