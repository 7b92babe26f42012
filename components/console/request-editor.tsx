"use client";

import { type FormEvent, type KeyboardEvent, useId } from "react";
import { MethodBadge } from "@/components/reference/method-badge";
import type { Endpoint } from "@/lib/catalog";
import { parameterRows, type FieldRow } from "@/lib/catalog/fields";
import type { EditorDraft, FieldError, HeaderPreview, KeyChoice } from "@/lib/console/request";
import { isFileField, shapeKeys } from "@/lib/console/request";
import type { z } from "zod";
import { buttonClass, hintClass, inputClass, labelClass, primaryButtonClass, sectionTitle } from "./ui";

const KEY_OPTIONS: Record<KeyChoice, string> = {
  public: "Public key (pk_live_…)",
  secret: "Secret key (sk_live_…)",
  none: "No API key",
};

function ParamInputs({
  rows,
  where,
  values,
  errors,
  onChange,
  baseId,
}: {
  rows: FieldRow[];
  where: "path" | "query";
  values: Record<string, string>;
  errors: FieldError[];
  onChange: (name: string, v: string) => void;
  baseId: string;
}) {
  return (
    <fieldset className="mt-3">
      <legend className="text-sm font-semibold">{where === "path" ? "Path parameters" : "Query parameters"}</legend>
      <div className="mt-1 grid gap-3 sm:grid-cols-2">
        {rows.map((r) => {
          const fieldErrors = errors.filter(
            (e) => e.loc === `${where}.${r.name}` || e.loc.startsWith(`${where}.${r.name}.`),
          );
          const inputId = `${baseId}-${where}-${r.name}`;
          return (
            <div key={r.name}>
              <label htmlFor={inputId} className={labelClass}>
                <code className="font-mono">{r.name}</code>{" "}
                {r.required ? (
                  <span className="text-xs text-red-700 dark:text-red-400">required</span>
                ) : (
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">optional</span>
                )}
              </label>
              <input
                id={inputId}
                className={inputClass}
                value={values[r.name] ?? ""}
                onChange={(ev) => onChange(r.name, ev.target.value)}
                placeholder={r.type}
                aria-invalid={fieldErrors.length > 0}
                aria-describedby={`${inputId}-hint`}
                autoComplete="off"
                spellCheck={false}
              />
              <p
                id={`${inputId}-hint`}
                className={fieldErrors.length > 0 ? "mt-1 text-xs text-red-700 dark:text-red-400" : hintClass}
              >
                {fieldErrors.length > 0
                  ? fieldErrors.map((f) => f.message).join("; ")
                  : [r.description, ...r.constraints].filter(Boolean).join(" · ")}
              </p>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The request form generated from the catalog entry: key, token, parameters, JSON body or file. */
export function RequestEditor({
  endpoint: e,
  draft,
  resolvedKey,
  setDraft,
  errors,
  forced,
  busy,
  hasToken,
  headers,
  url,
  notice,
  onSend,
  onCancel,
  examples,
  exampleIndex,
  onPickExample,
  onResetBody,
}: {
  endpoint: Endpoint;
  draft: EditorDraft;
  resolvedKey: KeyChoice;
  setDraft: (update: (d: EditorDraft) => EditorDraft) => void;
  errors: FieldError[];
  forced: boolean;
  busy: boolean;
  hasToken: boolean;
  headers: HeaderPreview[];
  url: string;
  notice: string | null;
  onSend: (force: boolean) => void;
  onCancel: () => void;
  /** The catalog's JSON body examples, by summary (e.g. streaming or not). */
  examples: string[];
  exampleIndex: number;
  onPickExample: (n: number) => void;
  onResetBody: () => void;
}) {
  const id = useId();
  const bodyErrors = errors.filter((x) => x.loc === "body" || x.loc.startsWith("body."));
  const otherErrors = errors.filter(
    (x) =>
      !x.loc.startsWith("path.") && !x.loc.startsWith("query.") && !(x.loc === "body" || x.loc.startsWith("body.")),
  );
  const multipart = e.body?.contentType === "multipart/form-data" ? (e.body.schema as z.ZodObject) : null;

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    onSend(false);
  };
  const onKeyDown = (ev: KeyboardEvent) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      onSend(false);
    }
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-lg border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800"
    >
      <h3 id={`${id}-title`} className={sectionTitle}>
        Request
      </h3>
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-describedby={`${id}-keys`}>
        <p className="mt-2 flex min-w-0 items-start gap-2">
          <MethodBadge method={e.method} />
          <code data-testid="request-url" className="min-w-0 font-mono text-xs break-all">
            {url}
          </code>
        </p>
        {notice && (
          <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
            {notice}
          </p>
        )}

        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-key`} className={labelClass}>
              API key sent
            </label>
            <select
              id={`${id}-key`}
              className={inputClass}
              value={resolvedKey}
              onChange={(ev) => setDraft((d) => ({ ...d, key: ev.target.value as KeyChoice }))}
              disabled={e.auth.keys.length === 0}
            >
              {(e.auth.keys.length === 0 ? (["none"] as const) : e.auth.keys).map((k) => (
                <option key={k} value={k}>
                  {KEY_OPTIONS[k]}
                </option>
              ))}
            </select>
          </div>
          {e.auth.jwt !== "none" && (
            <div className="text-sm">
              <span className={labelClass}>Authorization</span>
              {e.auth.jwt === "optional" ? (
                <label className="mt-1.5 flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={draft.sendToken}
                    onChange={(ev) => setDraft((d) => ({ ...d, sendToken: ev.target.checked }))}
                  />
                  Send the access token (optional here)
                </label>
              ) : (
                <p className="mt-1.5 text-zinc-700 dark:text-zinc-300">
                  {hasToken ? "Bearer access token from Credentials." : "Needs an access token: log in first."}
                </p>
              )}
            </div>
          )}
        </div>
        {headers.length > 0 && (
          <div className="mt-3">
            <p className="text-sm font-semibold">Headers</p>
            <ul aria-label="Headers to send" className="mt-1 space-y-0.5 font-mono text-xs">
              {headers.map((h) => (
                <li key={h.name} className="break-all">
                  <span className="font-semibold">{h.name}:</span>{" "}
                  <span className={h.ok ? "" : "text-red-700 dark:text-red-400"}>{h.value}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p id={`${id}-keys`} className="sr-only">
          Press Control or Command plus Enter to send.
        </p>

        {e.pathParams && (
          <ParamInputs
            rows={parameterRows(e.pathParams)}
            where="path"
            values={draft.pathParams}
            errors={errors}
            baseId={id}
            onChange={(n, v) => setDraft((d) => ({ ...d, pathParams: { ...d.pathParams, [n]: v } }))}
          />
        )}
        {e.query && (
          <ParamInputs
            rows={parameterRows(e.query)}
            where="query"
            values={draft.query}
            errors={errors}
            baseId={id}
            onChange={(n, v) => setDraft((d) => ({ ...d, query: { ...d.query, [n]: v } }))}
          />
        )}

        {e.body?.contentType === "application/json" && (
          <div className="mt-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <label htmlFor={`${id}-body`} className={labelClass}>
                Request body (JSON)
              </label>
              <div className="flex flex-wrap items-center gap-2">
                {examples.length > 1 && (
                  <>
                    <label htmlFor={`${id}-example`} className="text-sm text-zinc-700 dark:text-zinc-300">
                      Example
                    </label>
                    <select
                      id={`${id}-example`}
                      className={`${inputClass} w-auto font-sans`}
                      value={exampleIndex}
                      onChange={(ev) => onPickExample(Number(ev.target.value))}
                    >
                      {examples.map((label, n) => (
                        <option key={n} value={n}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </>
                )}
                <button type="button" className={buttonClass} onClick={onResetBody}>
                  Reset to example
                </button>
              </div>
            </div>
            <textarea
              id={`${id}-body`}
              className={`${inputClass} mt-1 min-h-40 text-xs`}
              rows={Math.min(20, Math.max(6, draft.bodyText.split("\n").length + 1))}
              value={draft.bodyText}
              onChange={(ev) => setDraft((d) => ({ ...d, bodyText: ev.target.value }))}
              spellCheck={false}
              aria-invalid={bodyErrors.length > 0}
              aria-describedby={`${id}-body-errors`}
            />
            <ul id={`${id}-body-errors`} className="mt-1 space-y-0.5 text-xs text-red-700 dark:text-red-400">
              {bodyErrors.map((f, i) => (
                <li key={i}>
                  <code className="font-mono">{f.loc}</code>: {f.message}
                </li>
              ))}
            </ul>
          </div>
        )}

        {multipart && (
          <fieldset className="mt-3">
            <legend className="text-sm font-semibold">Form fields (multipart/form-data)</legend>
            {shapeKeys(multipart).map((name) => {
              const inputId = `${id}-form-${name}`;
              const fieldErrors = bodyErrors.filter((x) => x.loc === `body.${name}`);
              return (
                <div key={name} className="mt-2">
                  <label htmlFor={inputId} className={labelClass}>
                    <code className="font-mono">{name}</code>
                  </label>
                  {isFileField(multipart, name) ? (
                    <input
                      id={inputId}
                      type="file"
                      className={`${inputClass} font-sans`}
                      aria-invalid={fieldErrors.length > 0}
                      aria-describedby={`${inputId}-err`}
                      onChange={(ev) => {
                        const file = ev.target.files?.[0] ?? null;
                        setDraft((d) => ({ ...d, files: { ...d.files, [name]: file } }));
                      }}
                    />
                  ) : (
                    <input
                      id={inputId}
                      className={inputClass}
                      value={draft.formFields[name] ?? ""}
                      aria-invalid={fieldErrors.length > 0}
                      aria-describedby={`${inputId}-err`}
                      onChange={(ev) =>
                        setDraft((d) => ({ ...d, formFields: { ...d.formFields, [name]: ev.target.value } }))
                      }
                    />
                  )}
                  <p id={`${inputId}-err`} className="mt-1 text-xs text-red-700 dark:text-red-400">
                    {fieldErrors.map((f) => f.message).join("; ")}
                  </p>
                </div>
              );
            })}
          </fieldset>
        )}

        {errors.length > 0 && (
          <div
            role="alert"
            data-testid="validation-errors"
            className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
          >
            <p className="font-semibold">
              {forced
                ? `Sent anyway, with ${errors.length} problem${errors.length === 1 ? "" : "s"} the catalog's schema found:`
                : `Not sent: fix ${errors.length === 1 ? "this problem" : `these ${errors.length} problems`} first.`}
            </p>
            <ul className="mt-1 list-disc pl-5">
              {errors.map((f, i) => (
                <li key={i}>
                  <code className="font-mono">{f.loc}</code>: {f.message}
                </li>
              ))}
            </ul>
            {otherErrors.length > 0 && (
              <p className="mt-1 text-xs">Credentials are entered above, under Credentials.</p>
            )}
          </div>
        )}

        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button type="submit" className={primaryButtonClass} disabled={busy}>
            {busy ? "Sending…" : "Send request"}
          </button>
          {errors.length > 0 && !forced && (
            <button type="button" className={buttonClass} onClick={() => onSend(true)} disabled={busy}>
              Send anyway
            </button>
          )}
          {busy && (
            <button type="button" className={buttonClass} onClick={onCancel}>
              Cancel
            </button>
          )}
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            <kbd className="font-mono">Ctrl</kbd>/<kbd className="font-mono">⌘</kbd> +{" "}
            <kbd className="font-mono">Enter</kbd> sends
          </span>
        </div>
      </form>
    </section>
  );
}
