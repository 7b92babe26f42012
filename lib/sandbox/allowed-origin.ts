/**
 * Where the sandbox may send a browser (links in its mails): an http(s) URL on the portal's own origin (as this request
 * reached it), on PORTAL_URL's origin, or on a host listed in ALLOWED_HOSTS (comma-separated host or host:port).
 * Kept small on purpose: the portal-wide origin helpers in lib/site can take its place.
 */
export function isAllowedTarget(
  target: string,
  portalOrigin: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.origin === portalOrigin) return true;
  if (env.PORTAL_URL && originOf(env.PORTAL_URL) === url.origin) return true;
  const hosts = (env.ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return hosts.includes(url.host) || hosts.includes(url.hostname);
}

function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}
