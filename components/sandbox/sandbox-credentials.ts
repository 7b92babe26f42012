"use client";

import { useSyncExternalStore } from "react";
import {
  type Credentials,
  credentialsKey,
  EMPTY_CREDENTIALS,
  forgetCredentials,
  parseCredentials,
  parseSandboxLogin,
  SANDBOX_LOGIN_KEY,
  type SandboxLogin,
  saveCredentials,
} from "@/lib/console/credentials";

/**
 * The browser's sandbox credentials, one store for /sandbox, /console, every "Try it" and the code samples: kept in
 * localStorage, and the `storage` event brings other tabs' changes in. Light on purpose (no catalog, no zod): the
 * endpoint pages' sample island imports it.
 */
const KEY = credentialsKey("sandbox");
const listeners = new Set<() => void>();
// When storage is blocked (some private modes), values live in memory until reload.
const memory = new Map<string, string | null>();

function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function raw(key: string): string | null {
  try {
    const store = local();
    if (store) return store.getItem(key);
  } catch {
    // Blocked: fall back to memory.
  }
  return memory.get(key) ?? null;
}

function notify(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === KEY || e.key === SANDBOX_LOGIN_KEY) listener();
  };
  listeners.add(listener);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

// Snapshots must be the same object while the stored text is unchanged (useSyncExternalStore compares them).
let credentialsCache: { raw: string | null; value: Credentials } = { raw: null, value: EMPTY_CREDENTIALS };
function credentialsSnapshot(): Credentials {
  const r = raw(KEY);
  if (r !== credentialsCache.raw) credentialsCache = { raw: r, value: parseCredentials(r) ?? EMPTY_CREDENTIALS };
  return credentialsCache.value;
}
let loginCache: { raw: string | null; value: SandboxLogin | null } = { raw: null, value: null };
function loginSnapshot(): SandboxLogin | null {
  const r = raw(SANDBOX_LOGIN_KEY);
  if (r !== loginCache.raw) loginCache = { raw: r, value: parseSandboxLogin(r) };
  return loginCache.value;
}

const serverCredentials = () => EMPTY_CREDENTIALS;
const serverLogin = () => null;

/** The sandbox credentials, updated when any panel, page or tab changes them. */
export function useSandboxCredentials(): Credentials {
  return useSyncExternalStore(subscribe, credentialsSnapshot, serverCredentials);
}

/** The sandbox user to fill into login examples, if any. */
export function useSandboxLogin(): SandboxLogin | null {
  return useSyncExternalStore(subscribe, loginSnapshot, serverLogin);
}

export function readSandboxCredentials(): Credentials {
  return credentialsSnapshot();
}

export function setSandboxCredentials(update: (c: Credentials) => Credentials): void {
  const next = update(credentialsSnapshot());
  const store = local();
  if (store) saveCredentials({ local: store, session: null }, "sandbox", next, true);
  else memory.set(KEY, JSON.stringify(next));
  notify();
}

export function setSandboxLogin(login: SandboxLogin | null): void {
  const value = login ? JSON.stringify(login) : null;
  const store = local();
  try {
    if (!store) throw new Error("no storage");
    if (value) store.setItem(SANDBOX_LOGIN_KEY, value);
    else store.removeItem(SANDBOX_LOGIN_KEY);
  } catch {
    memory.set(SANDBOX_LOGIN_KEY, value);
  }
  notify();
}

/** "Forget sandbox credentials": keys, tokens and the login example, in every tab. */
export function forgetSandboxCredentials(): void {
  forgetCredentials({ local: local(), session: null }, "sandbox");
  memory.clear();
  notify();
}
