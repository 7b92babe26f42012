"use client";

// First: before the catalog's schemas are built (see the file).
import "@/lib/console/zod-jitless";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { getEndpoint } from "@/lib/catalog";
import type { HistoryEntry } from "@/lib/console/history";
import { mailTokenTarget } from "@/lib/console/next-step";
import { useSandboxLogin } from "@/components/sandbox/sandbox-credentials";
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
  const sandboxLogin = useSandboxLogin();
  const router = useRouter();
  // A mail's token, for the endpoint it belongs to: taken once, at mount, from a "Use this token" on another page.
  const [mail, setMail] = useState<{ endpointId: string; token: string; n: number } | null>(() =>
    takeHandedMailToken(endpointId),
  );
  const endpoint = getEndpoint(endpointId);
  if (!endpoint) return <p role="alert">Unknown endpoint “{endpointId}”.</p>;

  const onReplay = (entry: HistoryEntry) => {
    if (entry.environment !== state.environment.id && state.environments.some((e) => e.id === entry.environment))
      state.setEnvironmentId(entry.environment);
    setReplay((r) => ({ entry, n: (r?.n ?? 0) + 1 }));
    if (entry.endpointId !== endpoint.id) onEndpointChange?.(entry.endpointId);
  };
  const history = onEndpointChange ? state.history : state.history.filter((h) => h.endpointId === endpoint.id);
  const activeReplay = replay && replay.entry.endpointId === endpoint.id ? replay : null;
  const activeMail = mail && mail.endpointId === endpoint.id ? mail : null;

  /** A mail's "Use this token": opens the endpoint the token is for (verify, reset, accept) with it filled in. */
  const onMailToken = (token: string, kind: string) => {
    const target = mailTokenTarget(kind);
    if (!target) return;
    if (target === endpoint.id || onEndpointChange) {
      setMail((m) => ({ endpointId: target, token, n: (m?.n ?? 0) + 1 }));
      if (target !== endpoint.id) onEndpointChange?.(target);
      return;
    }
    // "Try it" on another endpoint's page: the console opens that endpoint; the token goes along for this tab only.
    handMailToken(target, token);
    router.push(`/console?endpoint=${encodeURIComponent(target)}`);
  };

  return (
    <div className="grid min-w-0 gap-4" data-testid="console-panel">
      {state.environments.length > 1 ? (
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-0">
            <label htmlFor={`${id}-env`} className={labelClass}>
              Environment
            </label>
            <select
              id={`${id}-env`}
              className={inputClass}
              value={state.environment.id}
              onChange={(ev) => state.setEnvironmentId(ev.target.value as ConsoleEnvironmentId)}
            >
              {state.environments.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </select>
          </div>
          <p className="min-w-0 pb-2 text-xs break-all text-zinc-600 dark:text-zinc-400">
            {state.environment.id === "live"
              ? `Requests go to ${state.environment.baseUrl} through this portal's proxy (cookies stripped, nothing logged).`
              : "Requests go to this portal's sandbox: no setup needed."}
          </p>
        </div>
      ) : (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Requests go to this portal&apos;s sandbox (same origin, no setup needed).
        </p>
      )}
      <CredentialsSection state={state} onMailToken={onMailToken} />
      <EndpointConsole
        key={`${endpoint.id}-${activeReplay?.n ?? 0}-${activeMail?.n ?? 0}`}
        endpoint={endpoint}
        state={state}
        replay={activeReplay?.entry ?? null}
        mailToken={activeMail?.token ?? null}
        sandboxLogin={state.environment.id === "sandbox" ? sandboxLogin : null}
      />
      <HistoryList entries={history} onReplay={onReplay} onClear={state.clearHistory} />
    </div>
  );
}

const HANDOFF_KEY = "saas-portal:console-mail-token";

function handMailToken(endpointId: string, token: string): void {
  try {
    window.sessionStorage.setItem(HANDOFF_KEY, JSON.stringify({ endpointId, token }));
  } catch {
    // Storage blocked: the console opens without the token.
  }
}

function takeHandedMailToken(endpointId: string): { endpointId: string; token: string; n: number } | null {
  try {
    const raw = window.sessionStorage.getItem(HANDOFF_KEY);
    if (!raw) return null;
    window.sessionStorage.removeItem(HANDOFF_KEY);
    const v = JSON.parse(raw) as { endpointId?: unknown; token?: unknown };
    return v.endpointId === endpointId && typeof v.token === "string" ? { endpointId, token: v.token, n: 0 } : null;
  } catch {
    return null;
  }
}
