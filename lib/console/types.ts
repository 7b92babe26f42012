export type ConsoleEnvironmentId = "sandbox" | "live";

export interface ConsoleEnvironment {
  id: ConsoleEnvironmentId;
  /** "Sandbox" | "Live API" */
  label: string;
  /**
   * What a path like /v1/auth/me is appended to, as shown to the user:
   * sandbox: "/sandbox" (same origin); live: SAAS_API_URL without trailing slash.
   */
  baseUrl: string;
  /** sandbox: "direct"; live: "proxy" by default. */
  via: "direct" | "proxy";
}
