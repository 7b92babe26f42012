import "server-only";

/**
 * What the sandbox tools use of lib/sandbox, loaded on their first call (sandbox-tools.ts): the engine, its
 * handlers and the database driver take several times longer to load than the rest of the MCP server, and
 * servers that only ever answer the catalog tools (the stdio entry) should not wait for them.
 */
export { createTenantFor } from "@/lib/sandbox-pages/admin";
export { requireApiKey } from "@/lib/sandbox/auth/api-keys";
export { handleSandboxRequest } from "@/lib/sandbox/engine";
export { ApiError } from "@/lib/sandbox/errors";
export { listMail, shownMail } from "@/lib/sandbox/outbox";
export { getStore } from "@/lib/sandbox/store";
