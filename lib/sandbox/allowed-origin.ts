import "server-only";
import { isAllowedHost } from "@/lib/site/origin";
import { servedAddress, type ServedAddress } from "@/lib/site/served-address";

/**
 * Where the sandbox may send a browser without asking (links in its mails, the Google callback's and the checkout's
 * redirects): an http(s) URL on a host lib/site/origin.ts allows, so there is one rule for allowed hosts: PORTAL_URL's
 * host, the served host, ALLOWED_HOSTS (a host without port at any port, host:port at that port only), and loopback
 * names when the portal is bound to a loopback address.
 */
export function isAllowedTarget(target: string, served: ServedAddress = servedAddress()): boolean {
  if (!URL.canParse(target)) return false;
  const url = new URL(target);
  // url.host is already normalised (lower case, default port dropped, IPv6 in brackets), as isAllowedHost expects.
  return (url.protocol === "http:" || url.protocol === "https:") && url.host !== "" && isAllowedHost(url.host, served);
}
