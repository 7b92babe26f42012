import type { ConsoleEnvironment } from "./types";

/** The URL the browser fetches for `pathAndQuery` (e.g. "/v1/auth/me?x=1") in `env`. */
export function requestUrl(env: ConsoleEnvironment, pathAndQuery: string): string {
  const url = env.baseUrl + pathAndQuery;
  return env.via === "proxy" ? `/api/console/proxy?url=${encodeURIComponent(url)}` : url;
}

/** The URL to show / put in "copy as curl": the real API URL (absolute for live; for sandbox, origin + "/sandbox" + path). */
export function displayUrl(env: ConsoleEnvironment, pathAndQuery: string, origin: string): string {
  const url = env.baseUrl + pathAndQuery;
  // A same-origin base ("/sandbox") is made absolute with the page's origin; an absolute base already is.
  return env.baseUrl.startsWith("/") ? origin.replace(/\/+$/, "") + url : url;
}
