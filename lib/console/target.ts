import type { ConsoleEnvironment } from "./types";

/** The URL the browser fetches for `pathAndQuery` (e.g. "/v1/auth/me?x=1") in `env`. */
export function requestUrl(env: ConsoleEnvironment, pathAndQuery: string): string {
  if (env.via === "proxy") return `/api/console/proxy?url=${encodeURIComponent(env.baseUrl + pathAndQuery)}`;
  return env.baseUrl + pathAndQuery;
}

/** The URL to show / put in "copy as curl": the real API URL (absolute for live; for sandbox, origin + "/sandbox" + path). */
export function displayUrl(env: ConsoleEnvironment, pathAndQuery: string, origin: string): string {
  const base = /^https?:\/\//i.test(env.baseUrl) ? env.baseUrl : origin + env.baseUrl;
  return base + pathAndQuery;
}
