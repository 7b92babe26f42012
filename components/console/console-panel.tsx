"use client";

// First: before the catalog's schemas are built (see the file).
import "@/lib/console/zod-jitless";
import { useCallback, useId, useRef, useState } from "react";
import { getEndpoint } from "@/lib/catalog";
import type { HistoryEntry } from "@/lib/console/history";
import type { ConsoleEnvironment, ConsoleEnvironmentId } from "@/lib/console/types";
import { CredentialsSection } from "./credentials-section";
import { EndpointConsole } from "./endpoint-console";
import { HistoryList } from "./history-list";
import { useConsoleState } from "./use-console-state";
import { inputClass, labelClass } from "./ui";

export interface ConsolePanelProps {
  endpointId: string;
  /** From the server on /console; reference pages (static) leave it out and ask /api/console/environments. */
  environments?: ConsoleEnvironment[];
  /** On /console: switches the endpoint (history replay of another endpoint). Without it, history lists this endpoint only. */
  onEndpointChange?: (id: string) => void;
}

/**
 * The console: environment, credentials, the request editor and response viewer of one endpoint,
 * and the history. Loaded lazily (it brings the catalog's schemas to validate before sending).
 */
export default function ConsolePanel({ endpointId, environments, onEndpointChange }: ConsolePanelProps) {
  const id = useId();
  const state = useConsoleState(environments);
  const [replay, setReplay] = useState<{ entry: HistoryEntry; n: number } | null>(null);
  const mailToken = useRef<((token: string) => void) | null>(null);
  const registerMailToken = useCallback((handler: ((token: string) => void) | null) => {
    mailToken.current = handler;
  }, []);
  const endpoint = getEndpoint(endpointId);
  if (!endpoint) return <p role="alert">Unknown endpoint “{endpointId}”.</p>;

  const onReplay = (entry: HistoryEntry) => {
    if (entry.environment !== state.environment.id && state.environments.some((e) => e.id === entry.environment)) state.setEnvironmentId(entry.environment);
    setReplay((r) => ({ entry, n: (r?.n ?? 0) + 1 }));
    if (entry.endpointId !== endpoint.id) onEndpointChange?.(entry.endpointId);
  };
  const history = onEndpointChange ? state.history : state.history.filter((h) => h.endpointId === endpoint.id);
  const activeReplay = replay && replay.entry.endpointId === endpoint.id ? replay : null;

  return (
    <div className="grid min-w-0 gap-4" data-testid="console-panel">
      {state.environments.length > 1 ? (
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-0">
            <label htmlFor={`${id}-env`} className={labelClass}>
              Environment
            </label>
            <select id={`${id}-env`} className={inputClass} value={state.environment.id} onChange={(ev) => state.setEnvironmentId(ev.target.value as ConsoleEnvironmentId)}>
              {state.environments.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </select>
          </div>
          <p className="min-w-0 pb-2 text-xs break-all text-zinc-600 dark:text-zinc-400">
            {state.environment.id === "live" ? `Requests go to ${state.environment.baseUrl} through this portal's proxy (cookies stripped, nothing logged).` : "Requests go to this portal's sandbox: no setup needed."}
          </p>
        </div>
      ) : (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Requests go to this portal&apos;s sandbox (same origin, no setup needed).</p>
      )}
      <CredentialsSection state={state} onMailToken={endpoint.body?.contentType === "application/json" ? (t) => mailToken.current?.(t) : undefined} />
      <EndpointConsole
        key={`${endpoint.id}-${activeReplay?.n ?? 0}`}
        endpoint={endpoint}
        state={state}
        replay={activeReplay?.entry ?? null}
        registerMailToken={registerMailToken}
      />
      <HistoryList entries={history} onReplay={onReplay} onClear={state.clearHistory} />
    </div>
  );
}
