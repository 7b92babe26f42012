import type { ConsoleEnvironmentId } from "./types";

/** What the visitor has entered in the credentials bar. */
export interface Credentials {
  publicKey: string;
  secretKey: string;
  accessToken: string;
  refreshToken: string;
  organizationId: string;
}

export const EMPTY_CREDENTIALS: Credentials = {
  publicKey: "",
  secretKey: "",
  accessToken: "",
  refreshToken: "",
  organizationId: "",
};

/**
 * One set of credentials per environment: sandbox keys never go to the live API and live keys
 * never go to the sandbox, whichever environment is selected.
 */
export const credentialsKey = (env: ConsoleEnvironmentId) => `saas-portal:console-credentials:${env}`;

/** The sandbox user to fill into login examples ("Use the demo tenant" sets the demo user's). */
export const SANDBOX_LOGIN_KEY = "saas-portal:sandbox-login";

export interface StoredCredentials {
  credentials: Credentials;
  remember: boolean;
}

export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;
export type Stores = { local: KeyValueStore | null; session: KeyValueStore | null };

/** Parses stored credentials, keeping only string fields; null when absent or unreadable. */
export function parseCredentials(raw: string | null | undefined): Credentials | null {
  if (!raw) return null;
  try {
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

function read(storage: KeyValueStore | null, env: ConsoleEnvironmentId): Credentials | null {
  try {
    return parseCredentials(storage?.getItem(credentialsKey(env)));
  } catch {
    return null;
  }
}

/**
 * Sandbox credentials live in localStorage, shared by every page and tab: they are disposable and work on the
 * sandbox only. Live-API credentials last for the tab (sessionStorage) unless "Remember" was ticked (localStorage).
 */
export function loadCredentials({ local, session }: Stores, env: ConsoleEnvironmentId): StoredCredentials {
  if (env === "sandbox") return { credentials: read(local, env) ?? { ...EMPTY_CREDENTIALS }, remember: true };
  const remembered = read(local, env);
  if (remembered) return { credentials: remembered, remember: true };
  return { credentials: read(session, env) ?? { ...EMPTY_CREDENTIALS }, remember: false };
}

export function saveCredentials(
  { local, session }: Stores,
  env: ConsoleEnvironmentId,
  credentials: Credentials,
  remember: boolean,
): void {
  const json = JSON.stringify(credentials);
  const key = credentialsKey(env);
  try {
    if (remember || env === "sandbox") {
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

/** "Forget": removes the environment's credentials from both stores (for the sandbox, the login example too). */
export function forgetCredentials({ local, session }: Stores, env: ConsoleEnvironmentId): void {
  try {
    local?.removeItem(credentialsKey(env));
    session?.removeItem(credentialsKey(env));
    if (env === "sandbox") local?.removeItem(SANDBOX_LOGIN_KEY);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

export interface SandboxLogin {
  email: string;
  password: string;
}

export function parseSandboxLogin(raw: string | null | undefined): SandboxLogin | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (!v || typeof v !== "object") return null;
    const { email, password } = v as Record<string, unknown>;
    return typeof email === "string" && typeof password === "string" ? { email, password } : null;
  } catch {
    return null;
  }
}

/**
 * A login example with the sandbox user filled in, when the endpoint's example has exactly these two fields
 * (login), so that no other body (register, password change) is touched.
 */
export function withSandboxLogin(example: unknown, login: SandboxLogin | null): unknown {
  if (!login || !example || typeof example !== "object" || Array.isArray(example)) return example;
  const keys = Object.keys(example).sort();
  if (keys.length !== 2 || keys[0] !== "email" || keys[1] !== "password") return example;
  return { email: login.email, password: login.password };
}
