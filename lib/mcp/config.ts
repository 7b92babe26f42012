import { AsyncLocalStorage } from "node:async_hooks";

/** Name and version the MCP server reports; the API version it documents. */
export const MCP_SERVER_INFO = { name: "saas-api-portal", version: "2.2.0" } as const;

/** The origin an HTTP request reached the portal at, so answers link back to the same portal. */
export const requestOrigin = new AsyncLocalStorage<string>();

/** Base URL of the portal for links in tool answers: the request's origin, else PORTAL_URL. */
export function portalUrl(): string {
  return (requestOrigin.getStore() ?? process.env.PORTAL_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** Answers above this many characters are paged. */
export const MAX_ANSWER_CHARS = 12_000;
