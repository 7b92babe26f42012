"use client";

import { useCallback, useEffect, useState } from "react";
import { tokensIn } from "@/lib/console/jwt";
import {
  type Credentials,
  EMPTY_CREDENTIALS,
  forgetCredentials,
  loadCredentials,
  saveCredentials,
} from "@/lib/console/credentials";
import { clearHistory, type HistoryEntry, loadHistory, pushHistory } from "@/lib/console/history";
import {
  forgetSandboxCredentials,
  setSandboxCredentials,
  useSandboxCredentials,
} from "@/components/sandbox/sandbox-credentials";
import type { ConsoleEnvironment, ConsoleEnvironmentId } from "@/lib/console/types";
import { callApi, detailText } from "./call-api";

const ENV_KEY = "saas-portal:console-environment";
const SANDBOX: ConsoleEnvironment = { id: "sandbox", label: "Sandbox", baseUrl: "/sandbox", via: "direct" };

const stores = () => ({ local: safe(() => window.localStorage), session: safe(() => window.sessionStorage) });
function safe<T>(get: () => T): T | null {
  try {
    return get();
  } catch {
    return null;
  }
}

/** Credentials, environment and history, shared by every console panel through the browser's storage. */
export function useConsoleState(initialEnvironments: ConsoleEnvironment[] | undefined) {
  const [environments, setEnvironments] = useState<ConsoleEnvironment[]>(initialEnvironments ?? [SANDBOX]);
  // The panel renders in the browser only (loaded with ssr: false), so storage can be read while initialising.
  const [environmentId, setEnvironmentIdState] = useState<ConsoleEnvironmentId>(() => {
    const saved = safe(() => window.sessionStorage.getItem(ENV_KEY));
    return saved === "live" ? "live" : "sandbox";
  });
  // Each environment has its own credentials (sandbox keys never go to the live API). The sandbox's are one
  // browser-wide store (every page and tab); the live API's are this tab's unless "Remember" is ticked.
  const sandboxCredentials = useSandboxCredentials();
  const [live, setLive] = useState<{ credentials: Credentials; remember: boolean }>(() =>
    loadCredentials(stores(), "live"),
  );
  const [history, setHistory] = useState<HistoryEntry[]>(() => loadHistory(stores().local));

  // Reference pages are static: they ask the server which environments exist (SAAS_API_URL is runtime config).
  useEffect(() => {
    if (initialEnvironments) return;
    let live = true;
    fetch("/api/console/environments", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<ConsoleEnvironment[]>) : null))
      .then((envs) => {
        if (live && Array.isArray(envs) && envs.length > 0) setEnvironments(envs);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [initialEnvironments]);

  const environment = environments.find((e) => e.id === environmentId) ?? environments[0] ?? SANDBOX;

  const setEnvironmentId = useCallback((id: ConsoleEnvironmentId) => {
    setEnvironmentIdState(id);
    safe(() => window.sessionStorage.setItem(ENV_KEY, id));
  }, []);

  const envId = environment.id;
  const credentials = envId === "sandbox" ? sandboxCredentials : live.credentials;
  const remember = envId === "sandbox" ? true : live.remember;

  const setCredentials = useCallback(
    (update: (c: Credentials) => Credentials) => {
      if (envId === "sandbox") return setSandboxCredentials(update);
      setLive((old) => {
        const next = update(old.credentials);
        saveCredentials(stores(), "live", next, old.remember);
        return { ...old, credentials: next };
      });
    },
    [envId],
  );

  /** Live API only: the sandbox's credentials are always kept in the browser. */
  const setRemember = useCallback((value: boolean) => {
    setLive((old) => {
      saveCredentials(stores(), "live", old.credentials, value);
      return { ...old, remember: value };
    });
  }, []);

  const forget = useCallback(() => {
    if (envId === "sandbox") return forgetSandboxCredentials();
    forgetCredentials(stores(), "live");
    setLive({ credentials: EMPTY_CREDENTIALS, remember: false });
  }, [envId]);

  const addHistory = useCallback((entry: HistoryEntry) => setHistory(pushHistory(stores().local, entry)), []);
  const clear = useCallback(() => {
    clearHistory(stores().local);
    setHistory([]);
  }, []);

  const [tokenStatus, setTokenStatus] = useState<string | null>(null);
  /** Calls /v1/auth/refresh with the refresh token and puts the new tokens in use. */
  const refreshToken = useCallback(async () => {
    setTokenStatus("Refreshing the access token…");
    const r = await callApi(environment, credentials, "authentication.refresh", {
      refresh_token: credentials.refreshToken,
    });
    if ("error" in r) return setTokenStatus(`Could not refresh: ${r.error}`);
    const tokens = tokensIn(r.json);
    if (!tokens) return setTokenStatus(`Could not refresh: ${detailText(r.json, r.status)}`);
    setCredentials((old) => ({
      ...old,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? old.refreshToken,
    }));
    setTokenStatus("Access token refreshed.");
  }, [environment, credentials, setCredentials]);

  return {
    tokenStatus,
    refreshToken,
    environments,
    environment,
    setEnvironmentId,
    credentials,
    setCredentials,
    remember,
    setRemember,
    forget,
    history,
    addHistory,
    clearHistory: clear,
  };
}

export type ConsoleState = ReturnType<typeof useConsoleState>;
