import type { LiveApi } from "@/lib/site/live-api";

/** Where the console proxy may forward: checked from the query parameter alone, against SAAS_API_URL only. */

export type TargetCheck = { ok: true; url: URL } | { ok: false; status: 400 | 403 | 404; detail: string };

const fail = (status: 400 | 403 | 404, detail: string): TargetCheck => ({ ok: false, status, detail });

/** Encoded "/" or "\" in a path: an upstream that decodes before routing would see segments we never checked. */
const ENCODED_SEPARATOR = /%2f|%5c/i;

function under(url: URL, api: LiveApi): boolean {
  if (url.origin !== api.origin) return false;
  // Segment boundary: base "/api" admits "/api" and "/api/..." but not "/apix".
  return api.basePath === "" || url.pathname === api.basePath || url.pathname.startsWith(`${api.basePath}/`);
}

/**
 * Checks the `url` query parameter: absolute http(s), no user info, same origin as SAAS_API_URL and under its
 * path. The URL parser resolves "." and ".." (also as %2e) first, so "/api/../admin" is checked as "/admin";
 * the serialised URL is parsed and checked again so what is fetched is exactly what was checked.
 */
export function checkTarget(raw: string | null, api: LiveApi | null): TargetCheck {
  if (!api) return fail(404, "The console proxy is off: SAAS_API_URL is not set to a valid http(s) URL on this portal");
  if (!raw) return fail(400, "The url query parameter is required (an absolute URL under the live API)");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(400, "The url query parameter is not an absolute URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return fail(400, "The url query parameter must be an http or https URL");
  if (url.username || url.password) return fail(403, "The console proxy does not forward URLs with user info");
  if (url.origin !== api.origin) return fail(403, `The console proxy only forwards to ${api.origin}`);
  if (ENCODED_SEPARATOR.test(url.pathname))
    return fail(400, "The url path must not contain encoded slashes or backslashes");
  if (!under(url, api)) return fail(403, `The console proxy only forwards to ${api.baseUrl}`);
  url.hash = "";
  const again = new URL(url.href);
  if (again.href !== url.href || !under(again, api))
    return fail(400, "The url query parameter does not normalise to a stable URL");
  return { ok: true, url: again };
}
