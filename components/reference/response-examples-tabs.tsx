"use client";

import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import { statusTabClass, tabKeyTarget } from "./tab-classes";

export interface ResponsePanel {
  /** Unique per page, e.g. `200` or `400-1` for a second 400. */
  key: string;
  status: number;
  description: string;
  /** The server-rendered examples (highlighted code); this component only shows or hides them. */
  body: ReactNode;
}

/** The example response of one status at a time, picked with tabs (arrow keys, Home/End). */
export function ResponseExamplesTabs({ panels }: { panels: ResponsePanel[] }) {
  const base = useId();
  const [active, setActive] = useState(panels[0]?.key);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = tabKeyTarget(e.key, index, panels.length);
    if (target === undefined) return;
    e.preventDefault();
    const next = panels[target];
    if (!next) return;
    setActive(next.key);
    tabs.current[target]?.focus();
  };

  return (
    <div
      className="overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="response-examples"
    >
      <div className="flex items-center gap-3 border-b border-zinc-200 pl-3 dark:border-zinc-800">
        <span className="shrink-0 text-xs font-medium text-zinc-700 dark:text-zinc-300">Response</span>
        <div role="tablist" aria-label="Example response status" className="flex min-w-0 overflow-x-auto">
          {panels.map((p, i) => {
            const selected = p.key === active;
            return (
              <button
                key={p.key}
                ref={(el) => {
                  tabs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${base}-tab-${p.key}`}
                aria-selected={selected}
                aria-controls={`${base}-panel-${p.key}`}
                title={p.description}
                tabIndex={selected ? 0 : -1}
                onClick={() => setActive(p.key)}
                onKeyDown={(e) => onKeyDown(e, i)}
                className={statusTabClass(selected, p.status)}
              >
                {p.status}
              </button>
            );
          })}
        </div>
      </div>
      {panels.map((p) => (
        <div
          key={p.key}
          role="tabpanel"
          id={`${base}-panel-${p.key}`}
          aria-labelledby={`${base}-tab-${p.key}`}
          hidden={p.key !== active}
          data-response-status={p.status}
        >
          <p className="border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
            {p.description}
          </p>
          {p.body}
        </div>
      ))}
    </div>
  );
}
