"use client";

import { useId } from "react";
import type { HistoryEntry } from "@/lib/console/history";
import { buttonClass, sectionTitle } from "./ui";

/** Recent requests (this browser only, no secrets); replay sends one again with the current credentials. */
export function HistoryList({
  entries,
  onReplay,
  onClear,
}: {
  entries: HistoryEntry[];
  onReplay: (e: HistoryEntry) => void;
  onClear: () => void;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-lg border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-title`} className={sectionTitle}>
          History
        </h3>
        {entries.length > 0 && (
          <button type="button" className={buttonClass} onClick={onClear}>
            Clear history
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Requests you send appear here (kept in this browser, without keys, tokens or passwords).
        </p>
      ) : (
        <ol aria-label="Request history" className="mt-2 divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          {entries.map((h) => (
            <li key={h.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
              {/* Method and path on a line of their own (at 390 px a squeezed path wrapped one character per line). */}
              <span className="flex min-w-0 basis-full items-baseline gap-2 sm:basis-0 sm:flex-1">
                <span className="font-mono text-xs font-semibold">{h.method}</span>
                <code className="min-w-0 font-mono text-xs [overflow-wrap:anywhere]">{h.pathAndQuery}</code>
              </span>
              <span className="font-mono text-xs" data-testid="history-status">
                {h.status ?? "failed"}
              </span>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {h.environment} · {new Date(h.at).toLocaleTimeString()}
              </span>
              <button
                type="button"
                className={buttonClass}
                onClick={() => onReplay(h)}
                aria-label={`Replay ${h.method} ${h.pathAndQuery} sent at ${new Date(h.at).toLocaleTimeString()}`}
              >
                Replay
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
