import { type Credentials, EMPTY_CREDENTIALS } from "./request";
import type { ConsoleEnvironmentId } from "./types";

/**
 * One set of credentials per environment: sandbox keys never go to the live API and live keys
 * never go to the sandbox, whichever environment is selected.
 */
export const credentialsKey = (env: ConsoleEnvironmentId) => `saas-portal:console-credentials:${env}`;

interface StoredCredentials {
  credentials: Credentials;
  remember: boolean;
}

type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;
type Stores = { local: KeyValueStore | null; session: KeyValueStore | null };

function read(storage: KeyValueStore | null, env: ConsoleEnvironmentId): Credentials | null {
  try {
    const raw = storage?.getItem(credentialsKey(env));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== "object") return null;
    const out: Credentials = { ...EMPTY_CREDENTIALS };
    for (const k of Object.keys(EMPTY_CREDENTIALS) as Array<keyof Credentials>) {
      const v = (parsed as Record<string, unknown>)[k];
      if (typeof v === "string") out[k] = v;
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * Credentials survive reloads only when the visitor ticked "Remember in this browser" (localStorage);
 * otherwise they last for this tab (sessionStorage), so panels on other pages of the tab share them.
 */
export function loadCredentials({ local, session }: Stores, env: ConsoleEnvironmentId): StoredCredentials {
  const remembered = read(local, env);
  if (remembered) return { credentials: remembered, remember: true };
  return { credentials: read(session, env) ?? { ...EMPTY_CREDENTIALS }, remember: false };
}

export function saveCredentials({ local, session }: Stores, env: ConsoleEnvironmentId, credentials: Credentials, remember: boolean): void {
  const json = JSON.stringify(credentials);
  const key = credentialsKey(env);
  try {
    if (remember) {
      local?.setItem(key, json);
      session?.removeItem(key);
    } else {
      session?.setItem(key, json);
      local?.removeItem(key);
    }
  } catch {
    // Storage disabled: credentials stay in memory.
  }
}

/** "Forget": removes the environment's credentials from both stores. */
export function forgetCredentials({ local, session }: Stores, env: ConsoleEnvironmentId): void {
  local?.removeItem(credentialsKey(env));
  session?.removeItem(credentialsKey(env));
}
