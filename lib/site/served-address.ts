/**
 * The address the portal is actually served at, as the server that listens knows it. Kept on globalThis because
 * the portal server (loaded by bin/portal.mjs) and Next's bundles of the same lib/ files are separate module
 * instances in one process.
 */
export interface ServedAddress {
  /** scheme://host:port a client on this machine can use. */
  origin: string;
  /** Bound to a loopback address only: then Host: localhost / 127.0.0.1 / [::1] can only come from this machine. */
  loopback: boolean;
  /** The portal server rewrites every request's X-Forwarded-For/-Host/-Proto to what TRUST_PROXY lets it believe. */
  normalisesForwarding: boolean;
}

const KEY = Symbol.for("saas-api-portal.served-address");
const store = globalThis as { [KEY]?: ServedAddress };

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** Whether a host name (no port) names this machine. */
export const isLoopbackName = (hostname: string) => LOOPBACK.test(hostname);

/** The origin for a listening socket's address: wildcard binds are shown as localhost, as Next and bin/portal.mjs print them. */
export function servedAddressOf(address: string, port: number, normalisesForwarding: boolean): ServedAddress {
  const wildcard = address === "0.0.0.0" || address === "::" || address === "";
  const host = wildcard ? "localhost" : address.includes(":") ? `[${address}]` : address;
  return { origin: `http://${host}:${port}`, loopback: !wildcard && isLoopbackName(host), normalisesForwarding };
}

export function registerServedAddress(address: ServedAddress): void {
  store[KEY] = address;
}

/**
 * The registered address; else what `next start` / `next dev` stored when they started listening
 * (__NEXT_PRIVATE_ORIGIN, e.g. http://localhost:4310); else http://localhost:$PORT (3000).
 */
export function servedAddress(): ServedAddress {
  const registered = store[KEY];
  if (registered) return registered;
  const next = process.env.__NEXT_PRIVATE_ORIGIN;
  if (next && URL.canParse(next)) {
    const url = new URL(next);
    // Next writes "localhost" for a wildcard bind too, so only an address literal proves a loopback bind.
    return {
      origin: url.origin,
      loopback: /^(127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname),
      normalisesForwarding: false,
    };
  }
  const port = /^\d{1,5}$/.test(process.env.PORT ?? "") ? process.env.PORT : "3000";
  return { origin: `http://localhost:${port}`, loopback: false, normalisesForwarding: false };
}
