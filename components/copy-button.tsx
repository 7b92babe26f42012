"use client";

import { useState } from "react";
import { COPY_ATTRIBUTE } from "@/lib/static-pages/protocol";

/** Copies `value` to the clipboard and says so for a moment. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button
      type="button"
      onClick={copy}
      // Read by the static pages' enhancer, which copies without React.
      {...{ [COPY_ATTRIBUTE]: value }}
      aria-label={copied ? "Copied" : label}
      className="rounded border border-zinc-200 bg-white px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </button>
  );
}
