/**
 * Console settings from the environment, read on use (tests and `next start` set them per process).
 * No "server-only" here so instrumentation.ts can check them at startup; nothing in it is secret-bearing
 * output: an invalid SAAS_API_URL is reported without its value (it could carry credentials).
 */
import { parseLiveApi, type LiveApi } from "@/lib/site/live-api";

type Env = Record<string, string | undefined>;

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
export const proxyMaxBodyBytes = (env: Env = process.env): number =>
  positive(env, "CONSOLE_PROXY_MAX_BODY_BYTES", 10 * 1024 * 1024);
/** How long the proxy waits for the API's response headers (ms; 504 after). Default 30 s. */
export const proxyTimeoutMs = (env: Env = process.env): number => positive(env, "CONSOLE_PROXY_TIMEOUT_MS", 30_000);
