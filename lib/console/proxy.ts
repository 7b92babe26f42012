import "server-only";
import { readCappedBytes } from "@/lib/http/read-capped";
import { SANDBOXED_CSP } from "@/lib/http/security-headers";
import type { LiveApi } from "@/lib/site/live-api";
import { liveApi, proxyMaxBodyBytes, proxyTimeoutMs } from "./config";
import { forwardRequestHeaders, forwardResponseHeaders } from "./proxy-headers";
import { checkTarget } from "./proxy-target";

/**
 * The console's live-API proxy: `/api/console/proxy?url=<absolute URL under SAAS_API_URL>`.
 * The target comes from the query parameter and is checked against SAAS_API_URL only (never the Host
 * header); only allow-listed headers go out; the answer streams back without cookies. Nothing about a
 * request's headers or body is logged: failures are logged with method and target origin alone.
 */

export interface ProxySettings {
  /** null: SAAS_API_URL unset or invalid (404). */
  live: LiveApi | null;
  maxBodyBytes: number;
  timeoutMs: number;
}

export const proxySettings = (): ProxySettings => ({
  live: liveApi(),
  maxBodyBytes: proxyMaxBodyBytes(),
  timeoutMs: proxyTimeoutMs(),
});

const mark = { "X-Console-Proxy": "1", "Cache-Control": "no-store" };
const problem = (status: number, detail: string) => Response.json({ detail }, { status, headers: mark });

class TooLarge extends Error {}

/**
 * The request body, at most `cap` bytes: a declared Content-Length above it is refused unread; a chunked
 * body is counted as it arrives and reading stops at the first byte over. Held in memory (bounded by the
 * cap) and sent with an exact Content-Length, because APIs and their load balancers often refuse chunked
 * uploads; multipart bytes, boundary included, go through untouched.
 */
async function readBody(req: Request, cap: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return undefined;
  const bytes = await readCappedBytes(req, cap);
  if (bytes === null) throw new TooLarge();
  if (bytes.byteLength === 0 && req.headers.get("content-length") === null) return undefined;
  return bytes;
}

/** GET|POST|PUT|PATCH|DELETE /api/console/proxy?url=... */
export async function handleConsoleProxy(req: Request, settings: ProxySettings = proxySettings()): Promise<Response> {
  // Browsers say where a request comes from: only the portal's own pages (or a typed-in address) may use it,
  // so another site cannot make its visitors' browsers spend the portal's IP on the API.
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none")
    return problem(403, "The console proxy only answers the portal's own pages");
  const check = checkTarget(new URL(req.url).searchParams.get("url"), settings.live);
  if (!check.ok) return problem(check.status, check.detail);
  const target = check.url;

  let body: Uint8Array<ArrayBuffer> | undefined;
  try {
    body = await readBody(req, settings.maxBodyBytes);
  } catch (e) {
    if (e instanceof TooLarge)
      return problem(413, `Request body larger than ${settings.maxBodyBytes} bytes (the console proxy's limit)`);
    return problem(400, "The request body could not be read");
  }

  // The timeout covers the wait for the response headers only: a stream may then run as long as it runs.
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), settings.timeoutMs);
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers: forwardRequestHeaders(req.headers),
      body,
      redirect: "manual",
      signal: AbortSignal.any([timer.signal, req.signal]),
    });
  } catch {
    if (timer.signal.aborted) {
      console.error(`[console proxy] ${req.method} ${target.origin}: no response within ${settings.timeoutMs} ms`);
      return problem(504, `The API at ${target.host} did not answer within ${settings.timeoutMs} ms`);
    }
    if (req.signal.aborted) return problem(499, "The client closed the request");
    console.error(`[console proxy] ${req.method} ${target.origin}: unreachable`);
    return problem(502, `The API at ${target.host} could not be reached`);
  } finally {
    clearTimeout(timeout);
  }

  try {
    const headers = forwardResponseHeaders(upstream.headers);
    // The API's answer is data, never a page of the portal: an HTML (or SVG, ...) answer opened in a tab runs no
    // script on the portal's origin.
    headers.set("Content-Security-Policy", SANDBOXED_CSP);
    headers.set("X-Content-Type-Options", "nosniff");
    return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers });
  } catch {
    await upstream.body?.cancel().catch(() => undefined);
    console.error(`[console proxy] ${req.method} ${target.origin}: unusable response`);
    return problem(502, `The API at ${target.host} sent a response the proxy cannot pass on`);
  }
}
