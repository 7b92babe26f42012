"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Endpoint } from "@/lib/catalog";
import { exampleText } from "@/lib/catalog/examples";
import { type HistoryEntry, historyEntry } from "@/lib/console/history";
import { buildRequest, type Credentials, defaultKey, type EditorDraft, type FieldError, fetchInit, headerPreview, type KeyChoice, type SentRequest } from "@/lib/console/request";
import { readResponse } from "@/lib/console/response";
import { displayUrl, requestUrl } from "@/lib/console/target";
import { CopyAs } from "./copy-as";
import { RequestEditor } from "./request-editor";
import { type ResultState, ResponseViewer } from "./response-viewer";
import type { ConsoleState } from "./use-console-state";

const exampleBody = (e: Endpoint) => (e.body?.contentType === "application/json" && e.body.examples[0] ? exampleText(e.body.examples[0].value) : "");

function draftFor(e: Endpoint, replay: HistoryEntry | null): EditorDraft {
  return {
    pathParams: replay ? { ...replay.pathParams } : {},
    query: replay ? { ...replay.query } : {},
    bodyText: replay?.bodyText ?? exampleBody(e),
    formFields: replay ? { ...replay.formFields } : {},
    files: {},
    // null: the default for the credentials entered (public when accepted and entered).
    key: replay ? (replay.keyKind ?? "none") : null,
    sendToken: replay ? replay.usedToken || e.auth.jwt === "required" : true,
  };
}

function replayNotice(r: HistoryEntry | null): string | null {
  if (!r) return null;
  const missing = [...r.redacted.map((p) => `“${p}”`), ...r.fileNames.map((f) => `the file “${f}”`)];
  return missing.length > 0 ? `Replaying from history: fill in ${missing.join(", ")} (never kept in history), then send.` : null;
}

/** Editor, response and copy for one endpoint; remounted (keyed) when the endpoint changes. */
export function EndpointConsole({
  endpoint: e,
  state,
  replay,
  registerMailToken,
}: {
  endpoint: Endpoint;
  state: ConsoleState;
  replay: HistoryEntry | null;
  registerMailToken: (handler: ((token: string) => void) | null) => void;
}) {
  const { environment: env, credentials, setCredentials, addHistory } = state;
  const [draft, setDraft] = useState(() => draftFor(e, replay));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [forced, setForced] = useState(false);
  const [result, setResult] = useState<ResultState>({ kind: "idle" });
  const [sent, setSent] = useState<{ request: SentRequest; token: string | null; baseUrl: string; viaProxy: boolean; envLabel: string } | null>(null);
  const [notice, setNotice] = useState(() => replayNotice(replay));
  const abortRef = useRef<AbortController | null>(null);
  const resolvedKey: KeyChoice = draft.key ?? defaultKey(e, credentials);

  const send = useCallback(
    async (force: boolean, creds: Credentials = credentials) => {
      const built = buildRequest(e, { ...draft, key: draft.key ?? defaultKey(e, creds) }, creds, { force });
      setErrors(built.errors);
      setForced(force && built.errors.length > 0);
      if (!built.ok) return;
      const r = built.request;
      setNotice(null);
      const origin = window.location.origin;
      setSent({ request: r, token: r.usedToken ? creds.accessToken.trim() : null, baseUrl: displayUrl(env, "", origin), viaProxy: env.via === "proxy", envLabel: env.label });
      abortRef.current?.abort();
      const ac = new AbortController();
      abortRef.current = ac;
      setResult({ kind: "sending" });
      const started = performance.now();
      let status: number | null = null;
      let ms: number | null = null;
      try {
        const res = await fetch(requestUrl(env, r.pathAndQuery), fetchInit(r, ac.signal));
        status = res.status;
        const view = await readResponse(res, started, () => performance.now(), (v) => setResult({ kind: "response", view: v }));
        ms = view.totalMs;
      } catch (err) {
        ms = Math.round(performance.now() - started);
        const message = ac.signal.aborted ? "cancelled" : err instanceof Error ? err.message : String(err);
        if (status === null) setResult({ kind: "network", message, ms });
        // Cancelled or cut off while the body streamed in: keep what arrived, marked as ended.
        else setResult((prev) => (prev.kind === "response" ? { kind: "response", view: { ...prev.view, done: true, totalMs: ms } } : prev));
      } finally {
        if (abortRef.current === ac) abortRef.current = null;
      }
      addHistory(historyEntry(r, env.id, { status, ms }, Date.now()));
    },
    [addHistory, credentials, draft, e, env],
  );

  // Replay sends at once unless history could not keep everything (passwords, files).
  const replayed = useRef(false);
  useEffect(() => {
    if (!replay || replayed.current || replayNotice(replay) !== null) return;
    const t = setTimeout(() => {
      replayed.current = true;
      void send(false);
    }, 0);
    return () => clearTimeout(t);
  }, [replay, send]);

  useEffect(() => {
    registerMailToken((token) => {
      setDraft((d) => {
        let value: unknown = {};
        try {
          value = d.bodyText.trim() ? JSON.parse(d.bodyText) : {};
        } catch {
          value = {};
        }
        const next = value && typeof value === "object" && !Array.isArray(value) ? { ...value, token } : { token };
        return { ...d, bodyText: JSON.stringify(next, null, 2) };
      });
    });
    return () => registerMailToken(null);
  }, [registerMailToken]);

  useEffect(() => () => abortRef.current?.abort(), []);

  const previewPath = e.path.replace(/\{(\w+)\}/g, (whole, name: string) => (draft.pathParams[name]?.trim() ? encodeURIComponent(draft.pathParams[name].trim()) : whole));
  const previewQuery = Object.entries(draft.query)
    .filter(([, v]) => v.trim() !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.trim())}`)
    .join("&");
  const url = displayUrl(env, previewQuery ? `${previewPath}?${previewQuery}` : previewPath, typeof window === "undefined" ? "" : window.location.origin);

  return (
    <div className="grid min-w-0 gap-4 2xl:grid-cols-2">
      <RequestEditor
        endpoint={e}
        draft={draft}
        resolvedKey={resolvedKey}
        setDraft={setDraft}
        errors={errors}
        forced={forced}
        busy={result.kind === "sending" || (result.kind === "response" && !result.view.done)}
        hasToken={credentials.accessToken.trim() !== ""}
        headers={headerPreview(e, draft, credentials)}
        url={url}
        notice={notice}
        onSend={(force) => void send(force)}
        onCancel={() => abortRef.current?.abort()}
        onResetBody={() => setDraft((d) => ({ ...d, bodyText: exampleBody(e) }))}
      />
      <div className="grid min-w-0 content-start gap-4">
        <ResponseViewer
          result={result}
          sentToken={sent?.token ?? null}
          environmentLabel={sent?.envLabel ?? env.label}
          viaProxy={sent?.viaProxy ?? env.via === "proxy"}
          tokenInUse={credentials.accessToken}
          onUseTokens={(t) => setCredentials((c) => ({ ...c, accessToken: t.accessToken, refreshToken: t.refreshToken ?? c.refreshToken }))}
          onRefreshToken={() => void state.refreshToken()}
        />
        {sent && <CopyAs endpoint={e} request={sent.request} baseUrl={sent.baseUrl} />}
      </div>
    </div>
  );
}
