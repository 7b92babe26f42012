import "server-only";
import { liveApi } from "./config";
import type { ConsoleEnvironment } from "./types";

export type { ConsoleEnvironment, ConsoleEnvironmentId } from "./types";

const SANDBOX: ConsoleEnvironment = { id: "sandbox", label: "Sandbox", baseUrl: "/sandbox", via: "direct" };

/** Sandbox always first; "Live API" only when SAAS_API_URL is set and valid. Serialisable: pages pass it to the client console. */
export function consoleEnvironments(): ConsoleEnvironment[] {
  const live = liveApi();
  return live
    ? [{ ...SANDBOX }, { id: "live", label: "Live API", baseUrl: live.baseUrl, via: live.via }]
    : [{ ...SANDBOX }];
}
