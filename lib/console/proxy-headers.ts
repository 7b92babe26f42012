/** Header filtering of the console proxy: pure functions of Headers. */

/** The only request headers forwarded to the API (contract with the console). Never Cookie, Origin or Referer. */
export const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "content-type",
  "authorization",
  "x-api-key",
  "x-organization-id",
  "last-event-id",
  "idempotency-key",
] as const;

/** Hop-by-hop headers (RFC 9110 §7.6.1 and the usual non-standard ones): meaningful for one connection only. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Never passed back to the browser. Headers that would act on the portal's origin instead of describing the
 * API's answer: cookies, CORS grants (the proxy's CORS policy is the portal's: same origin only), HSTS,
 * Alt-Svc, Clear-Site-Data. And the body's framing and encoding, which fetch has already undone (it
 * decompresses, so the upstream's Content-Encoding and Content-Length would describe bytes the browser no
 * longer gets).
 */
const DROPPED_RESPONSE_HEADERS = new Set([
  "set-cookie",
  "set-cookie2",
  "strict-transport-security",
  "alt-svc",
  "clear-site-data",
  "content-encoding",
  "content-length",
]);
const dropped = (name: string) => DROPPED_RESPONSE_HEADERS.has(name) || name.startsWith("access-control-");

/** Header names a Connection header lists are hop-by-hop too. */
function connectionListed(headers: Headers): Set<string> {
  return new Set(
    (headers.get("connection") ?? "")
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The headers sent to the API: the allow-list only, minus anything the browser's Connection header marks hop-by-hop. */
export function forwardRequestHeaders(incoming: Headers): Headers {
  const listed = connectionListed(incoming);
  const out = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null && !listed.has(name)) out.set(name, value);
  }
  return out;
}

/** The API's response headers for the browser: all but the dropped and hop-by-hop ones, plus the proxy's marks. */
export function forwardResponseHeaders(upstream: Headers): Headers {
  const listed = connectionListed(upstream);
  const out = new Headers();
  upstream.forEach((value, name) => {
    if (HOP_BY_HOP.has(name) || listed.has(name) || dropped(name)) return;
    out.append(name, value);
  });
  out.set("X-Console-Proxy", "1");
  out.set("Cache-Control", "no-store");
  return out;
}
