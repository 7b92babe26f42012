import { McpServer } from "@modelcontextprotocol/server";
import { MCP_SERVER_INFO } from "./config";
import { registerPortal } from "./register";

/** What every portal MCP server tells a client at initialize, whichever way it is reached. */
export const MCP_INSTRUCTIONS =
  "Documentation of the Multi-tenant SaaS API for building end-user frontends. Start with get_api_overview; find endpoints with search_endpoints; get everything about one with get_endpoint_details. To try a request, create_sandbox_tenant, then call_sandbox (read_sandbox_outbox for mailed tokens).";

/**
 * The one way a portal MCP server is put together: /api/mcp (pooled, lib/mcp/pool.ts), the node:http endpoint (which
 * uses the same pool) and the stdio entry all build it here, so they cannot drift apart.
 */
export function createPortalMcpServer(): McpServer {
  const server = new McpServer(MCP_SERVER_INFO, { instructions: MCP_INSTRUCTIONS });
  registerPortal(server);
  return server;
}
