import { type Credentials, EMPTY_CREDENTIALS } from "./request";

export const CREDENTIALS_KEY = "saas-portal:console-credentials";

interface StoredCredentials {
  credentials: Credentials;
  remember: boolean;
}

type Stores = { local: Storage | null; session: Storage | null };

function read(storage: Storage | null): Credentials | null {
  try {
    const raw = storage?.getItem(CREDENTIALS_KEY);
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
export function loadCredentials({ local, session }: Stores): StoredCredentials {
  const remembered = read(local);
  if (remembered) return { credentials: remembered, remember: true };
  return { credentials: read(session) ?? { ...EMPTY_CREDENTIALS }, remember: false };
}

export function saveCredentials({ local, session }: Stores, credentials: Credentials, remember: boolean): void {
  const json = JSON.stringify(credentials);
  try {
    if (remember) {
      local?.setItem(CREDENTIALS_KEY, json);
      session?.removeItem(CREDENTIALS_KEY);
    } else {
      session?.setItem(CREDENTIALS_KEY, json);
      local?.removeItem(CREDENTIALS_KEY);
    }
  } catch {
    // Storage disabled: credentials stay in memory.
  }
}

/** "Forget": removes them from both stores. */
export function forgetCredentials({ local, session }: Stores): void {
  local?.removeItem(CREDENTIALS_KEY);
  session?.removeItem(CREDENTIALS_KEY);
}
