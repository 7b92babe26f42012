/**
 * The live API the portal points at (SAAS_API_URL, SAAS_API_CONSOLE_VIA), parsed: the console and its proxy call it,
 * and the pages' Content-Security-Policy (lib/http/security-headers.ts) lets the browser reach it. No imports, so
 * next.config.ts can load it; an invalid SAAS_API_URL is reported without its value (it could carry credentials).
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

export type LiveApiSetting =
  { kind: "unset" } | { kind: "invalid"; reason: string } | { kind: "ok"; api: LiveApi; warning?: string };

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
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { kind: "invalid", reason: `its scheme is ${url.protocol} (http: or https: expected)` };
  if (url.username || url.password)
    return {
      kind: "invalid",
      reason: "it contains user info (credentials belong in the console's headers, not the URL)",
    };
  if (url.search || url.hash) return { kind: "invalid", reason: "it has a query or fragment (a base URL cannot)" };
  const basePath = url.pathname.replace(/\/+$/, "");
  const via = env.SAAS_API_CONSOLE_VIA?.trim().toLowerCase() || "proxy";
  const api: LiveApi = {
    baseUrl: url.origin + basePath,
    origin: url.origin,
    basePath,
    via: via === "direct" ? "direct" : "proxy",
  };
  if (via !== "proxy" && via !== "direct")
    return { kind: "ok", api, warning: `SAAS_API_CONSOLE_VIA must be "proxy" or "direct"; using "proxy".` };
  return { kind: "ok", api };
}
