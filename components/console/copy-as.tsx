"use client";

import { useId, useState } from "react";
import { CopyButton } from "@/components/copy-button";
import type { Endpoint } from "@/lib/catalog";
import type { SentRequest } from "@/lib/console/request";
import { COPY_FORMATS, type CopyFormat, copyAs } from "@/lib/console/snippets";
import { buttonClass, sectionTitle } from "./ui";

/** "Copy as curl / fetch / SDK" of exactly the last request sent, key included unless masked. */
export function CopyAs({ endpoint, request, baseUrl }: { endpoint: Endpoint; request: SentRequest; baseUrl: string }) {
  const id = useId();
  const [format, setFormat] = useState<CopyFormat>("curl");
  const [mask, setMask] = useState(false);
  const code = copyAs(format, endpoint, request, baseUrl, { mask });
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-lg border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800"
    >
      <h3 id={`${id}-title`} className={sectionTitle}>
        Copy what was sent
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-2" role="group" aria-label="Format">
        {COPY_FORMATS.map((f) => (
          <button
            key={f.id}
            type="button"
            aria-pressed={format === f.id}
            onClick={() => setFormat(f.id)}
            className={`${buttonClass} aria-pressed:bg-zinc-900 aria-pressed:text-white dark:aria-pressed:bg-white dark:aria-pressed:text-zinc-900`}
          >
            {f.label}
          </button>
        ))}
        <label className="ml-auto flex items-center gap-2 text-sm">
          <input type="checkbox" checked={mask} onChange={(e) => setMask(e.target.checked)} />
          Hide key and token
        </label>
      </div>
      <div className="relative mt-2">
        <pre
          aria-label={`Request as ${format}`}
          tabIndex={0}
          data-testid="copy-code"
          className="max-h-80 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-3 pr-24 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere] dark:border-zinc-800 dark:bg-zinc-900"
        >
          {code}
        </pre>
        <div className="absolute top-2 right-2">
          <CopyButton value={code} label={`Copy as ${COPY_FORMATS.find((f) => f.id === format)?.label}`} />
        </div>
      </div>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        The very request the console sent
        {mask
          ? ", with placeholders for the key and token"
          : ", with your key and token: they are yours, but mind where you paste them"}
        .
      </p>
    </section>
  );
}
