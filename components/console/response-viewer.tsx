"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { explain, statusText, type Outcome } from "@/lib/console/explain";
import { tokensIn } from "@/lib/console/jwt";
import { formatBytes, type ResponseView } from "@/lib/console/response";
import { assembledText } from "@/lib/console/sse";
import { JsonView } from "./json-view";
import { buttonClass, primaryButtonClass, sectionTitle } from "./ui";

/** A next step the console took by itself after a success, with what to restore on "Undo". */
export type TakenStep =
  | { kind: "tokens"; undo: { accessToken: string; refreshToken: string } }
  | { kind: "organization"; id: string; name: string; undo: { organizationId: string } };

export type ResultState =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "network"; message: string; ms: number }
  | { kind: "response"; view: ResponseView };

const TONES = {
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100",
  info: "border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100",
  warning: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100",
  error: "border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100",
};

function Download({ download }: { download: NonNullable<ResponseView["download"]> }) {
  const url = useMemo(() => URL.createObjectURL(download.blob), [download.blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <p className="text-sm">
      A file came back:{" "}
      <a href={url} download={download.filename} className="font-medium text-blue-700 underline dark:text-blue-400">
        Download {download.filename}
      </a>{" "}
      <span className="text-zinc-600 dark:text-zinc-400">
        ({download.type}, {formatBytes(download.blob.size)})
      </span>
    </p>
  );
}

/** A chat-completion stream: the text as it is assembled, with the raw events one tab away. */
function EventStream({ view }: { view: ResponseView }) {
  const id = useId();
  const text = assembledText(view.events);
  const [tab, setTab] = useState<"text" | "events">("text");
  const shown = text === null ? "events" : tab;
  const tabClass =
    "rounded px-2 py-1 text-sm aria-selected:bg-zinc-900 aria-selected:text-white dark:aria-selected:bg-white dark:aria-selected:text-zinc-900";
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        {text !== null && (
          <div role="tablist" aria-label="Stream view" className="flex gap-1">
            <button
              type="button"
              role="tab"
              id={`${id}-t`}
              aria-selected={shown === "text"}
              aria-controls={`${id}-text`}
              className={tabClass}
              onClick={() => setTab("text")}
            >
              Text
            </button>
            <button
              type="button"
              role="tab"
              id={`${id}-e`}
              aria-selected={shown === "events"}
              aria-controls={`${id}-events`}
              className={tabClass}
              onClick={() => setTab("events")}
            >
              Raw events ({view.events.length})
            </button>
          </div>
        )}
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Server-sent events{" "}
          {view.done ? `(${view.events.length}, stream ended)` : `(${view.events.length} so far, streaming…)`}
        </p>
      </div>
      {text !== null && shown === "text" && (
        <p
          id={`${id}-text`}
          role="tabpanel"
          aria-labelledby={`${id}-t`}
          aria-live="off"
          data-testid="stream-text"
          className="mt-1 max-h-80 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-3 text-sm whitespace-pre-wrap [overflow-wrap:anywhere] dark:border-zinc-800 dark:bg-zinc-900"
        >
          {text}
          {!view.done && <span aria-hidden="true">▍</span>}
        </p>
      )}
      {shown === "events" && (
        <div
          id={`${id}-events`}
          role={text !== null ? "tabpanel" : undefined}
          aria-labelledby={text !== null ? `${id}-e` : undefined}
        >
          <ol
            aria-label="Server-sent events"
            className="mt-1 max-h-80 space-y-1 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-900"
          >
            {view.events.map((ev, i) => (
              <li key={i} className="break-all">
                {ev.event !== "message" && <span className="text-violet-800 dark:text-violet-300">{ev.event}: </span>}
                {ev.data}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

function pretty(view: ResponseView): string {
  return view.json === undefined ? view.text : JSON.stringify(view.json, null, 2);
}

/** Status, timing, size, the explanation, the body (JSON, text, download or live events) and the headers. */
export function ResponseViewer({
  result,
  sentToken,
  environmentLabel,
  viaProxy,
  tokenInUse,
  onUseTokens,
  onRefreshToken,
  taken,
  onUndo,
}: {
  result: ResultState;
  sentToken: string | null;
  environmentLabel: string;
  viaProxy: boolean;
  tokenInUse: string;
  onUseTokens: (t: { accessToken: string; refreshToken: string | null }) => void;
  onRefreshToken: () => void;
  taken: TakenStep | null;
  onUndo: () => void;
}) {
  const id = useId();
  const view = result.kind === "response" ? result.view : null;
  const outcome: Outcome | null =
    result.kind === "network"
      ? { kind: "network", message: result.message, viaProxy, environmentLabel }
      : view && view.done
        ? {
            kind: "http",
            status: view.status,
            body: view.json,
            retryAfter: view.headers.find(([k]) => k === "retry-after")?.[1] ?? null,
            sentToken,
            fromProxy: view.fromProxy,
            now: view.completedAt ?? 0,
          }
        : null;
  const explanation = outcome ? explain(outcome) : null;
  const tokens = view?.done ? tokensIn(view.json) : null;

  const announcement =
    result.kind === "sending"
      ? "Sending…"
      : result.kind === "network"
        ? "No answer: the request failed before reaching the API."
        : view
          ? view.done
            ? `Response ${view.status} ${statusText(view.status)} in ${view.totalMs ?? view.headersMs} ms`
            : `Response ${view.status} ${statusText(view.status)}, receiving…`
          : "";

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-lg border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800"
    >
      <h3 id={`${id}-title`} className={sectionTitle}>
        Response
      </h3>
      {/* One status line: status, time and size. */}
      <p role="status" aria-live="polite" className="mt-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">
        <span data-testid="response-status">{announcement || "Nothing sent yet."}</span>
        {view && <span className="font-normal text-zinc-600 dark:text-zinc-400"> · {formatBytes(view.size)}</span>}
      </p>
      {explanation && (
        <div
          data-testid="response-explanation"
          className={`mt-3 rounded border p-3 text-sm ${TONES[explanation.tone]}`}
        >
          <p className="font-semibold">{explanation.title}</p>
          <p className="mt-1">{explanation.text}</p>
          {explanation.fieldErrors.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {explanation.fieldErrors.map((f, i) => (
                <li key={i}>
                  <code className="font-mono">{f.loc}</code>: {f.message}
                </li>
              ))}
            </ul>
          )}
          {explanation.action === "refresh-token" && (
            <button type="button" className={`${buttonClass} mt-2`} onClick={onRefreshToken}>
              Refresh token
            </button>
          )}
        </div>
      )}
      {taken && (
        <p
          data-testid="next-step"
          className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-emerald-900 dark:text-emerald-200"
        >
          <span className="min-w-0 [overflow-wrap:anywhere]">
            {taken.kind === "tokens" ? (
              "This answer's access token is now in use for the next requests."
            ) : (
              <>
                <code className="font-mono">X-Organization-Id</code> is now{" "}
                <code className="font-mono">{taken.id}</code> (“{taken.name}”), sent with organization-scoped requests.
              </>
            )}
          </span>
          <button type="button" className={buttonClass} onClick={onUndo}>
            Undo
          </button>
        </p>
      )}
      {tokens && !taken && (
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          {tokenInUse === tokens.accessToken ? (
            <span className="text-emerald-800 dark:text-emerald-300">This token is in use for the next requests.</span>
          ) : (
            <button type="button" className={primaryButtonClass} onClick={() => onUseTokens(tokens)}>
              Use this token
            </button>
          )}
        </div>
      )}
      {view && (
        <div className="mt-3">
          {view.kind === "sse" && <EventStream view={view} />}
          {view.kind === "binary" && view.download && <Download download={view.download} />}
          {view.kind === "json" && view.done && <JsonView text={pretty(view)} label="Response body" />}
          {view.kind === "text" && view.done && (
            <pre
              aria-label="Response body"
              tabIndex={0}
              className="max-h-[32rem] overflow-auto rounded border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-900"
            >
              {view.text}
            </pre>
          )}
          {view.kind === "empty" && view.done && <p className="text-sm text-zinc-600 dark:text-zinc-400">No body.</p>}
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer">Response headers ({view.headers.length})</summary>
            <div className="overflow-x-auto">
              <table className="mt-2 w-full text-left text-xs">
                <thead>
                  <tr>
                    <th className="py-1 pr-4">Header</th>
                    <th className="py-1">Value</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                  {view.headers.map(([k, v]) => (
                    <tr key={k}>
                      <td className="py-1 pr-4 align-top font-mono">{k}</td>
                      <td className="py-1 align-top font-mono break-all">{v}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
      )}
    </section>
  );
}
