/** Name and version the MCP server reports; the API version it documents. */
export const MCP_SERVER_INFO = { name: "saas-api-portal", version: "2.2.0" } as const;

/** Base URL of the portal for links in tool answers (reference pages). */
export function portalUrl(): string {
  return (process.env.PORTAL_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** Answers above this many characters are paged. */
export const MAX_ANSWER_CHARS = 12_000;
