"use client";

import { useState, useSyncExternalStore } from "react";
import { COPY_TWIN_ATTRIBUTE } from "@/lib/static-pages/protocol";
import { chatPrompt, copyTwin } from "./copy-twin";

const noSubscribe = () => () => {};
/** The page's origin in the browser; the prerendered HTML has none, so it links the twin by path until hydration. */
const useOrigin = () =>
  useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );

const button =
  "inline-flex items-center rounded-md border border-zinc-200 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 hover:text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white";

/**
 * "Copy page as Markdown", "Open in ChatGPT" and "Open in Claude" for a page with a Markdown twin.
 * @param twinPath the twin's path, e.g. `/reference/authentication/login.md`
 * @param subject what the assistant is asked to help with, e.g. "this API endpoint"
 */
export function PageActions({ twinPath, subject = "this API endpoint" }: { twinPath: string; subject?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const prompt = encodeURIComponent(chatPrompt(`${useOrigin()}${twinPath}`, subject));
  const copy = async () => {
    try {
      await copyTwin(twinPath);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  };
  return (
    <div role="group" aria-label="Page actions" className="mb-4 flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className={button} {...{ [COPY_TWIN_ATTRIBUTE]: twinPath }}>
        <span aria-live="polite">
          {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy page as Markdown"}
        </span>
      </button>
      <a
        href={`https://chatgpt.com/?hints=search&q=${prompt}`}
        target="_blank"
        rel="noopener noreferrer"
        className={button}
      >
        Open in ChatGPT
      </a>
      <a href={`https://claude.ai/new?q=${prompt}`} target="_blank" rel="noopener noreferrer" className={button}>
        Open in Claude
      </a>
      <a
        href={twinPath}
        className="text-xs text-zinc-500 hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-white"
      >
        View as Markdown
      </a>
    </div>
  );
}
