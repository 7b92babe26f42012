import "server-only";
import type { ConsoleEnvironment } from "./types";

export type { ConsoleEnvironment, ConsoleEnvironmentId } from "./types";

/** The live API's base URL from SAAS_API_URL, when it is a valid http(s) URL; trailing slashes dropped. */
function liveBaseUrl(): string | null {
  const raw = process.env.SAAS_API_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.href.replace(/\/+$/, "");
  } catch {
    return null;
  }
}

/** Where the console can send requests: the sandbox always (first), the live API when SAAS_API_URL is set. */
export function consoleEnvironments(): ConsoleEnvironment[] {
  const envs: ConsoleEnvironment[] = [{ id: "sandbox", label: "Sandbox", baseUrl: "/sandbox", via: "direct" }];
  const live = liveBaseUrl();
  if (live) envs.push({ id: "live", label: "Live API", baseUrl: live, via: "proxy" });
  return envs;
}
