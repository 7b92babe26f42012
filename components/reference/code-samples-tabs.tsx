"use client";

import { type KeyboardEvent, useId, useRef, useSyncExternalStore } from "react";
import { CopyButton } from "@/components/copy-button";
import { SampleKeysSwitch } from "@/components/sandbox/keyed-code";
import { useSampleKeys } from "@/components/sandbox/use-sample-keys";
import { withSampleKeys } from "@/lib/samples/sample-keys";
import { SAMPLE_LANG_KEY, sampleTabClass, tabKeyTarget } from "./tab-classes";

export interface SampleTab {
  id: string;
  label: string;
  client: string;
  code: string;
  /** Server-highlighted HTML of `code`. */
  html: string;
}

/** The chosen language, shared by every tab group and remembered across pages. */
const STORAGE_KEY = SAMPLE_LANG_KEY;
const listeners = new Set<() => void>();
// Fallback when storage is blocked (some private modes): the choice lasts until reload.
let unstored: string | null = null;

function readChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? unstored;
  } catch {
    return unstored;
  }
}

function saveChoice(id: string): void {
  unstored = id;
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Storage blocked: keep it in memory.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY) listener();
  };
  listeners.add(listener);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

// The server and the hydrating client render the default tab; the stored choice applies right after.
const serverChoice = () => null;

/** Accessible language tabs (arrow keys, Home/End); each panel has its own copy button. */
export function CodeSamplesTabs({ samples }: { samples: SampleTab[] }) {
  const base = useId();
  const choice = useSyncExternalStore(subscribe, readChoice, serverChoice);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const active = samples.find((s) => s.id === choice)?.id ?? samples[0]?.id;
  // With sandbox keys in this browser, the samples show them (swapped into the highlighted text, no highlighter).
  const { keys } = useSampleKeys();

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = tabKeyTarget(e.key, index, samples.length);
    if (target === undefined) return;
    e.preventDefault();
    const next = samples[target];
    if (!next) return;
    saveChoice(next.id);
    tabs.current[target]?.focus();
  };

  return (
    <div
      className="@container overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="code-samples"
    >
      {/* Seven tabs need about 27rem; a narrower box (a phone) offers the same choice as a select. */}
      <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-1.5 @[27rem]:hidden dark:border-zinc-800">
        <label htmlFor={`${base}-select`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Language
        </label>
        <select
          id={`${base}-select`}
          value={active}
          onChange={(e) => saveChoice(e.target.value)}
          className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        >
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div
        role="tablist"
        aria-label="Code sample language"
        className="hidden overflow-x-auto border-b border-zinc-200 @[27rem]:flex dark:border-zinc-800"
      >
        {samples.map((s, i) => {
          const selected = s.id === active;
          return (
            <button
              key={s.id}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${s.id}`}
              aria-selected={selected}
              aria-controls={`${base}-panel-${s.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => saveChoice(s.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className={sampleTabClass(selected)}
            >
              {s.label}
            </button>
          );
        })}
      </div>
      {samples.map((s) => (
        <div
          key={s.id}
          role="tabpanel"
          id={`${base}-panel-${s.id}`}
          aria-labelledby={`${base}-tab-${s.id}`}
          hidden={s.id !== active}
          data-sample-lang={s.id}
        >
          <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <span>{s.client}</span>
            <CopyButton value={keys ? withSampleKeys(s.code, keys) : s.code} />
          </div>
          <SampleKeysSwitch className="border-b border-zinc-200 px-3 py-1 dark:border-zinc-800" />
          <div dangerouslySetInnerHTML={{ __html: keys ? withSampleKeys(s.html, keys, { html: true }) : s.html }} />
        </div>
      ))}
    </div>
  );
}
