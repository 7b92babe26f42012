import type { Conflict } from "@/lib/catalog";
import { SOURCE_NOTES_TITLE } from "@/lib/catalog/endpoint-markdown";

/**
 * Where the original documents contradict each other about this endpoint. Collapsed near the end of the page:
 * it matters to someone comparing with those documents, not to someone calling the API.
 */
export function SourceNotes({ conflicts }: { conflicts: Conflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <details
      id="source-notes"
      data-testid="source-notes"
      className="group mt-10 scroll-mt-20 rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 text-sm font-medium text-zinc-800 select-none hover:bg-zinc-50 dark:text-zinc-200 dark:hover:bg-zinc-900">
        <h2 className="inline">{SOURCE_NOTES_TITLE}</h2>
        <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
          {conflicts.length} {conflicts.length === 1 ? "note" : "notes"}{" "}
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
        </span>
      </summary>
      <div className="border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
        <p className="text-zinc-700 dark:text-zinc-300">
          The documents this reference was built from disagree here. This page follows the endpoint&apos;s own rule; the
          other reading is noted for anyone comparing.
        </p>
        <ul className="mt-2 list-disc space-y-2 pl-5 text-zinc-700 dark:text-zinc-300">
          {conflicts.map((c) => (
            <li key={c.topic}>
              <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{c.topic}.</strong> {c.text}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
