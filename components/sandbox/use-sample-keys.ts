"use client";

import { useSyncExternalStore } from "react";
import type { SampleKeys } from "@/lib/samples/sample-keys";
import { useSandboxCredentials } from "./sandbox-credentials";

/** "Live API placeholders" chosen by the visitor: kept in the browser, shared by every sample and tab. */
const MODE_KEY = "saas-portal:samples-mode";
const listeners = new Set<() => void>();
let memoryMode: string | null = null;

function readMode(): string | null {
  try {
    return window.localStorage.getItem(MODE_KEY) ?? memoryMode;
  } catch {
    return memoryMode;
  }
}

function subscribe(listener: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === MODE_KEY) listener();
  };
  listeners.add(listener);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function setSampleMode(mode: "sandbox" | "live"): void {
  memoryMode = mode;
  try {
    window.localStorage.setItem(MODE_KEY, mode);
  } catch {
    // Storage blocked: the choice lasts until reload.
  }
  for (const l of listeners) l();
}

/**
 * The sandbox values samples show, or null (no sandbox keys in this browser, or the visitor chose the live API's
 * placeholders). Only the sandbox store is read: live-API keys never reach a sample.
 */
export function useSampleKeys(): { keys: SampleKeys | null; available: boolean; mode: "sandbox" | "live" } {
  const c = useSandboxCredentials();
  const mode = useSyncExternalStore(subscribe, readMode, () => null) === "live" ? "live" : "sandbox";
  const available = c.publicKey !== "" || c.secretKey !== "";
  const keys =
    available && mode === "sandbox" && typeof window !== "undefined"
      ? {
          baseUrl: `${window.location.origin}/sandbox`,
          publicKey: c.publicKey,
          secretKey: c.secretKey,
          accessToken: c.accessToken,
        }
      : null;
  return { keys, available, mode };
}
