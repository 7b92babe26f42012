/**
 * Console settings from the environment, read on use (tests and `next start` set them per process).
 * No "server-only" here so instrumentation.ts can check them at startup; nothing in it is secret-bearing
 * output: an invalid SAAS_API_URL is reported without its value (it could carry credentials).
 */

/** The live API the console may talk to, parsed from SAAS_API_URL. */
export interface LiveApi {
  /** SAAS_API_URL without trailing slash, e.g. "https://api.example.com/api". */
  baseUrl: string;
  /** e.g. "https://api.example.com". */
  origin: string;
  /** Path prefix every proxied URL must stay under; "" for the whole origin, else "/api" (no trailing slash). */
  basePath: string;
  /** "proxy": the browser calls /api/console/proxy; "direct": the browser calls the API (needs CORS there). */
  via: "proxy" | "direct";
}

export type LiveApiSetting = { kind: "unset" } | { kind: "invalid"; reason: string } | { kind: "ok"; api: LiveApi; warning?: string };

type Env = Record<string, string | undefined>;

/** Parses SAAS_API_URL and SAAS_API_CONSOLE_VIA; pure, so it is tested without touching process.env. */
export function parseLiveApi(env: Env): LiveApiSetting {
  const raw = env.SAAS_API_URL?.trim();
  if (!raw) return { kind: "unset" };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: "invalid", reason: "it is not an absolute URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { kind: "invalid", reason: `its scheme is ${url.protocol} (http: or https: expected)` };
  if (url.username || url.password) return { kind: "invalid", reason: "it contains user info (credentials belong in the console's headers, not the URL)" };
  if (url.search || url.hash) return { kind: "invalid", reason: "it has a query or fragment (a base URL cannot)" };
  const basePath = url.pathname.replace(/\/+$/, "");
  const via = env.SAAS_API_CONSOLE_VIA?.trim().toLowerCase() || "proxy";
  const api: LiveApi = { baseUrl: url.origin + basePath, origin: url.origin, basePath, via: via === "direct" ? "direct" : "proxy" };
  if (via !== "proxy" && via !== "direct") return { kind: "ok", api, warning: `SAAS_API_CONSOLE_VIA must be "proxy" or "direct"; using "proxy".` };
  return { kind: "ok", api };
}

const WARNED = Symbol.for("saas-api-portal.console-config-warned");
type Flagged = typeof globalThis & { [WARNED]?: boolean };

/**
 * The live API, or null when SAAS_API_URL is unset or invalid. Problems are warned about once per process
 * (instrumentation.ts calls this at startup; route bundles share the flag through globalThis).
 */
export function liveApi(env: Env = process.env): LiveApi | null {
  const setting = parseLiveApi(env);
  const message =
    setting.kind === "invalid"
      ? `SAAS_API_URL is ignored because ${setting.reason}; the console offers the sandbox only.`
      : setting.kind === "ok"
        ? setting.warning
        : undefined;
  const g = globalThis as Flagged;
  if (message && !g[WARNED]) {
    g[WARNED] = true;
    console.warn(`[console] ${message}`);
  }
  return setting.kind === "ok" ? setting.api : null;
}

const positive = (env: Env, name: string, fallback: number): number => {
  const v = Number(env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};

/** Largest request body the proxy forwards (bytes; 413 above). Default 10 MiB. */
export const proxyMaxBodyBytes = (env: Env = process.env): number => positive(env, "CONSOLE_PROXY_MAX_BODY_BYTES", 10 * 1024 * 1024);
/** How long the proxy waits for the API's response headers (ms; 504 after). Default 30 s. */
export const proxyTimeoutMs = (env: Env = process.env): number => positive(env, "CONSOLE_PROXY_TIMEOUT_MS", 30_000);
