import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { isLoopbackName, servedAddress, type ServedAddress } from "./served-address";
import { parseTrustProxy, resolveForwarded, TRUST_NONE, type TrustProxy } from "./trust-proxy";

/**
 * The portal's public origin, one decision for every absolute URL it prints (pages, llms.txt, .md twins, MCP
 * answers, sandbox mails and redirects): PORTAL_URL when set; else the host the request named, if that host is
 * allowed (ALLOWED_HOSTS, the served host, loopback names on a loopback-bound server); else the address the
 * portal is served at. A Host or X-Forwarded-Host header that is not allowed never reaches a link.
 */

/** Anything with the web Headers' get(): a Request's headers, next/headers' headers(). */
export interface HeaderSource {
  get(name: string): string | null;
}

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

let trustCache: { text: string | undefined; trust: TrustProxy } | undefined;
/** TRUST_PROXY, parsed once per value; an invalid value trusts nobody, with one warning. */
export function trustProxy(): TrustProxy {
  const text = process.env.TRUST_PROXY;
  if (trustCache && trustCache.text === text) return trustCache.trust;
  const parsed = parseTrustProxy(text);
  if ("error" in parsed) warnOnce(`${parsed.error}; forwarding headers are not trusted`);
  trustCache = { text, trust: "error" in parsed ? TRUST_NONE : parsed };
  return trustCache.trust;
}

/** PORTAL_URL's origin (http or https, no credentials), or null when unset or invalid (with one warning). */
export function configuredPortalUrl(): string | null {
  const text = process.env.PORTAL_URL?.trim();
  if (!text) return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    warnOnce(`PORTAL_URL=${text} is not an http(s) URL without credentials; it is ignored`);
    return null;
  }
  return url.origin;
}

/** `host[:port]` normalised (lower case, IPv6 in brackets), or null for anything that is not a plain host. */
export function normaliseHost(host: string): string | null {
  const text = host.trim();
  if (!text || /[\s/\\@?#]/.test(text)) return null;
  try {
    const url = new URL(`http://${text}`);
    return url.host === text.toLowerCase() || `${url.hostname}:80` === text.toLowerCase() ? url.host : null;
  } catch {
    return null;
  }
}

const hostnameOf = (host: string) => new URL(`http://${host}`).hostname;

/** ALLOWED_HOSTS: comma-separated hosts; one with a port matches that port only, one without matches any port. */
export function allowedHostList(): string[] {
  return (process.env.ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => normaliseHost(h))
    .filter((h): h is string => h !== null);
}

/** Whether links may name `host` (normalised host[:port]). */
export function isAllowedHost(host: string, served: ServedAddress = servedAddress()): boolean {
  const name = hostnameOf(host);
  if (host === new URL(served.origin).host) return true;
  const portal = configuredPortalUrl();
  if (portal && host === new URL(portal).host) return true;
  if (served.loopback && isLoopbackName(name)) return true;
  return allowedHostList().some((entry) =>
    new URL(`http://${entry}`).port ? entry === host : hostnameOf(entry) === name,
  );
}

/** What a request's client, host and scheme are, believing X-Forwarded-* only as far as TRUST_PROXY says. */
export interface RequestAddress {
  /** The client's address for per-IP limits; "unknown" when nothing trustworthy names it (then all share one bucket). */
  client: string;
  host: string | null;
  proto: "http" | "https";
}

export function requestAddress(headers: HeaderSource, url?: string): RequestAddress {
  const urlHost = url && URL.canParse(url) ? new URL(url).host : null;
  if (servedAddress().normalisesForwarding) {
    // The portal server (lib/http/forwarded.ts) has already replaced these with what may be believed.
    return {
      client: headers.get("x-forwarded-for") ?? "unknown",
      host: headers.get("x-forwarded-host") ?? headers.get("host") ?? urlHost,
      proto: headers.get("x-forwarded-proto") === "https" ? "https" : "http",
    };
  }
  // `next start` / `next dev`: Next fills X-Forwarded-For with the socket's address only when the client sent none,
  // so without TRUST_PROXY it proves nothing and the peer is unknown.
  const f = resolveForwarded(
    {
      peer: null,
      forwardedFor: headers.get("x-forwarded-for"),
      forwardedHost: headers.get("x-forwarded-host"),
      forwardedProto: headers.get("x-forwarded-proto"),
    },
    trustProxy(),
  );
  return { client: f.client ?? "unknown", host: f.host ?? headers.get("host") ?? urlHost, proto: f.proto ?? "http" };
}

/** The portal's public origin for answering this request (or, with none, for answers that have no request). */
export function publicOrigin(request?: { headers: HeaderSource; url?: string } | null): string {
  const configured = configuredPortalUrl();
  if (configured) return configured;
  const served = servedAddress();
  if (request) {
    const { host, proto } = requestAddress(request.headers, request.url);
    const normal = host === null ? null : normaliseHost(host);
    if (normal && isAllowedHost(normal, served)) return `${proto}://${normal}`;
  }
  return served.origin;
}

/** The origin decided for the request being answered (MCP answers: tools read it through portalUrl()). */
export const requestOrigin = new AsyncLocalStorage<string>();

/** Base URL of the portal for links in answers: the origin decided for the current request, else publicOrigin(). */
export function portalUrl(): string {
  return requestOrigin.getStore() ?? publicOrigin();
}
