import { parseLiveApi } from "../site/live-api";

/**
 * The security headers every answer of the portal carries, in one place for next.config.ts (headers(), for
 * everything Next serves) and the portal server (lib/server, for the answers it gives without Next). No
 * "server-only" and relative imports only: next.config.ts loads this file.
 */

type Env = Record<string, string | undefined>;

/** Sent with every answer. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  // For browsers without CSP frame-ancestors.
  "X-Frame-Options": "DENY",
};

/** Sent with answers over https (browsers ignore it over http). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The pages' Content-Security-Policy. Pages are statically generated, so a per-request nonce is impossible
 * (Next only adds nonces to dynamically rendered pages), and Next's inline scripts (the RSC payload
 * `self.__next_f.push(...)`, different on every page) and our theme script need `'unsafe-inline'`; no origin
 * other than the portal's own may serve scripts. `'unsafe-eval'` only under `next dev` (React's dev tools
 * need it). `formTargets`: where forms may submit or be redirected to beyond 'self' (browsers check
 * form-action on redirects, and the consent and checkout forms redirect to the tenant's app).
 */
export function pageCsp({
  dev = false,
  env = process.env,
  formTargets = "",
}: { dev?: boolean; env?: Env; formTargets?: string } = {}): string {
  const live = parseLiveApi(env);
  // The console calls SAAS_API_URL itself only with SAAS_API_CONSOLE_VIA=direct; through the proxy it is 'self'.
  const connect = live.kind === "ok" && live.api.via === "direct" ? ` ${live.api.origin}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connect}${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets ? ` ${formTargets}` : ""}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Paths whose forms redirect to a tenant's own app (any http(s) origin): the Google consent and checkout pages. */
export const REDIRECTING_FORM_PATHS = ["/sandbox/oauth/google", "/sandbox/checkout"] as const;

export const redirectsForms = (path: string) =>
  REDIRECTING_FORM_PATHS.some((p) => path === p || path.startsWith(`${p}/`));

/** An answer that is not a page of the portal: the console proxy's, whatever type the API sent. */
export const SANDBOXED_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

/** The headers for a path (no HSTS: see HSTS), as the portal server sets them before answering. */
export function securityHeadersFor(
  path: string,
  { dev = false, env = process.env }: { dev?: boolean; env?: Env } = {},
): Record<string, string> {
  return {
    ...BASE_SECURITY_HEADERS,
    "Content-Security-Policy": pageCsp({ dev, env, formTargets: redirectsForms(path) ? "http: https:" : "" }),
  };
}
