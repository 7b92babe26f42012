import { McpServer } from "@modelcontextprotocol/server";
import { StdioServerTransport } from "@modelcontextprotocol/server/stdio";
import { MCP_SERVER_INFO } from "./config";
import { registerPortal } from "./register";

/** Serves the very same tools, resources and prompts as /api/mcp over stdio, for clients configured the seed's way. */
export async function serveStdio(): Promise<void> {
  const server = new McpServer(MCP_SERVER_INFO, {
    instructions: "Documentation of the Multi-tenant SaaS API for building end-user frontends. Start with get_api_overview.",
  });
  registerPortal(server);
  await server.connect(new StdioServerTransport());
}
