"use client";

import dynamic from "next/dynamic";

/**
 * The console panel, loaded on first render rather than with the page: it brings the catalog's zod schemas
 * (validation before sending), which reference pages should not carry until "Try it" is opened.
 */
export const LazyConsolePanel = dynamic(() => import("./console-panel"), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
      Loading the console…
    </p>
  ),
});
