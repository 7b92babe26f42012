"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Endpoint } from "@/lib/catalog";
import { exampleText } from "@/lib/catalog/examples";
import { type SandboxLogin, withSandboxLogin } from "@/lib/console/credentials";
import { type HistoryEntry, historyEntry } from "@/lib/console/history";
import { bodyWithToken, nextStep } from "@/lib/console/next-step";
import {
  buildRequest,
  type Credentials,
  defaultKey,
  type EditorDraft,
  type FieldError,
  fetchInit,
  headerPreview,
  type KeyChoice,
  type SentRequest,
} from "@/lib/console/request";
import { readResponse } from "@/lib/console/response";
import { displayUrl, requestUrl } from "@/lib/console/target";
import { CopyAs } from "./copy-as";
import { RequestEditor } from "./request-editor";
import { type ResultState, ResponseViewer, type TakenStep } from "./response-viewer";
import type { ConsoleState } from "./use-console-state";

/** The JSON body of the endpoint's n-th example; a login example gets the sandbox user, a mail's token fills `token`. */
function exampleBody(e: Endpoint, n: number, login: SandboxLogin | null, token: string | null = null): string {
  const example = e.body?.contentType === "application/json" ? e.body.examples[n] : undefined;
  if (!example) return "";
  return exampleText(token !== null ? bodyWithToken(example.value, token) : withSandboxLogin(example.value, login));
}

function draftFor(
  e: Endpoint,
  replay: HistoryEntry | null,
  login: SandboxLogin | null,
  token: string | null,
): EditorDraft {
  return {
    pathParams: replay ? { ...replay.pathParams } : {},
    query: replay ? { ...replay.query } : {},
    bodyText: replay?.bodyText ?? exampleBody(e, 0, login, token),
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
  return missing.length > 0
    ? `Replaying from history: fill in ${missing.join(", ")} (never kept in history), then send.`
    : null;
}

/** Editor, response and copy for one endpoint; remounted (keyed) when the endpoint changes. */
export function EndpointConsole({
  endpoint: e,
  state,
  replay,
  mailToken,
  sandboxLogin,
}: {
  endpoint: Endpoint;
  state: ConsoleState;
  replay: HistoryEntry | null;
  /** A token from a sandbox mail, for the endpoint it belongs to (the panel picked it). */
  mailToken: string | null;
  sandboxLogin: SandboxLogin | null;
}) {
  const { environment: env, credentials, setCredentials, addHistory } = state;
  const [exampleIndex, setExampleIndex] = useState(0);
  const [draft, setDraft] = useState(() => draftFor(e, replay, sandboxLogin, mailToken));
  const [taken, setTaken] = useState<TakenStep | null>(null);
  // "Use the demo tenant" pressed while this login form is open: refill the example if it was not edited.
  const [loginSeen, setLoginSeen] = useState(sandboxLogin);
  if (loginSeen !== sandboxLogin) {
    setLoginSeen(sandboxLogin);
    const before = exampleBody(e, exampleIndex, loginSeen);
    if (draft.bodyText === before) setDraft((d) => ({ ...d, bodyText: exampleBody(e, exampleIndex, sandboxLogin) }));
  }
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [forced, setForced] = useState(false);
  const [result, setResult] = useState<ResultState>({ kind: "idle" });
  const [sent, setSent] = useState<{
    request: SentRequest;
    token: string | null;
    baseUrl: string;
    viaProxy: boolean;
    envLabel: string;
  } | null>(null);
  const [notice, setNotice] = useState(() => replayNotice(replay));
  const abortRef = useRef<AbortController | null>(null);
  const resolvedKey: KeyChoice = draft.key ?? defaultKey(e, credentials);

  /** The obvious next step, taken at once with an undo: a login's tokens, a new organization's id. */
  const takeNextStep = useCallback(
    (status: number, json: unknown, before: Credentials) => {
      const step = nextStep(e.id, status, json);
      if (!step) return;
      if (step.kind === "tokens") {
        setCredentials((c) => ({
          ...c,
          accessToken: step.accessToken,
          refreshToken: step.refreshToken ?? c.refreshToken,
        }));
        setTaken({ kind: "tokens", undo: { accessToken: before.accessToken, refreshToken: before.refreshToken } });
      } else {
        setCredentials((c) => ({ ...c, organizationId: step.id }));
        setTaken({
          kind: "organization",
          id: step.id,
          name: step.name,
          undo: { organizationId: before.organizationId },
        });
      }
    },
    [e.id, setCredentials],
  );

  const send = useCallback(
    async (force: boolean, creds: Credentials = credentials) => {
      const built = buildRequest(e, { ...draft, key: draft.key ?? defaultKey(e, creds) }, creds, { force });
      setErrors(built.errors);
      setForced(force && built.errors.length > 0);
      if (!built.ok) return;
      const r = built.request;
      setNotice(null);
      const origin = window.location.origin;
      setSent({
        request: r,
        token: r.usedToken ? creds.accessToken.trim() : null,
        baseUrl: displayUrl(env, "", origin),
        viaProxy: env.via === "proxy",
        envLabel: env.label,
      });
      abortRef.current?.abort();
      const ac = new AbortController();
      abortRef.current = ac;
      setResult({ kind: "sending" });
      setTaken(null);
      const started = performance.now();
      let status: number | null = null;
      let ms: number | null = null;
      try {
        const res = await fetch(requestUrl(env, r.pathAndQuery), fetchInit(r, ac.signal));
        status = res.status;
        const view = await readResponse(
          res,
          started,
          () => performance.now(),
          (v) => setResult({ kind: "response", view: v }),
        );
        ms = view.totalMs;
        takeNextStep(view.status, view.json, creds);
      } catch (err) {
        ms = Math.round(performance.now() - started);
        const message = ac.signal.aborted ? "cancelled" : err instanceof Error ? err.message : String(err);
        if (status === null) setResult({ kind: "network", message, ms });
        // Cancelled or cut off while the body streamed in: keep what arrived, marked as ended.
        else
          setResult((prev) =>
            prev.kind === "response" ? { kind: "response", view: { ...prev.view, done: true, totalMs: ms } } : prev,
          );
      } finally {
        if (abortRef.current === ac) abortRef.current = null;
      }
      addHistory(historyEntry(r, env.id, { status, ms }, Date.now()));
    },
    [addHistory, credentials, draft, e, env, takeNextStep],
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

  useEffect(() => () => abortRef.current?.abort(), []);

  const previewPath = e.path.replace(/\{(\w+)\}/g, (whole, name: string) =>
    draft.pathParams[name]?.trim() ? encodeURIComponent(draft.pathParams[name].trim()) : whole,
  );
  const previewQuery = Object.entries(draft.query)
    .filter(([, v]) => v.trim() !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.trim())}`)
    .join("&");
  const url = displayUrl(
    env,
    previewQuery ? `${previewPath}?${previewQuery}` : previewPath,
    typeof window === "undefined" ? "" : window.location.origin,
  );

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
        examples={e.body?.contentType === "application/json" ? e.body.examples.map((x) => x.summary ?? x.name) : []}
        exampleIndex={exampleIndex}
        onPickExample={(n) => {
          setExampleIndex(n);
          setDraft((d) => ({ ...d, bodyText: exampleBody(e, n, sandboxLogin) }));
        }}
        onResetBody={() => setDraft((d) => ({ ...d, bodyText: exampleBody(e, exampleIndex, sandboxLogin) }))}
      />
      <div className="grid min-w-0 content-start gap-4">
        <ResponseViewer
          result={result}
          sentToken={sent?.token ?? null}
          environmentLabel={sent?.envLabel ?? env.label}
          viaProxy={sent?.viaProxy ?? env.via === "proxy"}
          tokenInUse={credentials.accessToken}
          onUseTokens={(t) =>
            setCredentials((c) => ({
              ...c,
              accessToken: t.accessToken,
              refreshToken: t.refreshToken ?? c.refreshToken,
            }))
          }
          taken={taken}
          onUndo={() => {
            if (taken) setCredentials((c) => ({ ...c, ...taken.undo }));
            setTaken(null);
          }}
          onRefreshToken={() => void state.refreshToken()}
        />
        {sent && <CopyAs endpoint={e} request={sent.request} baseUrl={sent.baseUrl} />}
      </div>
    </div>
  );
}
