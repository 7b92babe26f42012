/** Name and version the MCP server reports; the API version it documents. */
export const MCP_SERVER_INFO = { name: "saas-api-portal", version: "2.2.0" } as const;

/** Answers above this many characters are paged. */
export const MAX_ANSWER_CHARS = 12_000;
