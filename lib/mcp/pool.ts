import {
  createMcpHandler,
  isLegacyRequest,
  McpServer,
  WebStandardStreamableHTTPServerTransport,
} from "@modelcontextprotocol/server";
import { MCP_SERVER_INFO } from "./config";
import { registerPortal } from "./register";

const INSTRUCTIONS =
  "Documentation of the Multi-tenant SaaS API for building end-user frontends. Start with get_api_overview; find endpoints with search_endpoints; get everything about one with get_endpoint_details.";

/** Servers idle in the pool at most; more are built under load and dropped afterwards. */
const MAX_IDLE = 64;

/**
 * Registered McpServers, reused across requests. Registering the tools, resources and prompts
 * on a fresh server for every request cost more than answering (measured: ~1 ms per call with a
 * fresh server, ~0.25 ms pooled). A server serves one request at a time and returns on close.
 */
const idle: McpServer[] = [];
const pooled = new WeakSet<McpServer>();

function release(server: McpServer) {
  if (pooled.has(server) || idle.length >= MAX_IDLE) return;
  pooled.add(server);
  idle.push(server);
}

function acquire(): McpServer {
  const server = idle.pop();
  if (server) {
    pooled.delete(server);
    return server;
  }
  const fresh = new McpServer(MCP_SERVER_INFO, { instructions: INSTRUCTIONS });
  registerPortal(fresh);
  fresh.server.onclose = () => release(fresh);
  return fresh;
}

/**
 * Streamable HTTP, stateless: 2026-era requests through the SDK's handler; 2025-era requests
 * (2025-06-18, 2025-11-25) on a per-request transport answering plain JSON, not a one-event SSE stream.
 */
export function createPooledMcpHandler(): (req: Request, parsedBody: unknown) => Promise<Response> {
  const modern = createMcpHandler(() => acquire(), { legacy: "reject", responseMode: "json" });
  return async (req, parsedBody) => {
    if (!(await isLegacyRequest(req, parsedBody))) return modern.fetch(req, { parsedBody });
    const server = acquire();
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    try {
      await server.connect(transport);
      return await transport.handleRequest(req, { parsedBody });
    } finally {
      await transport.close().catch(() => {});
      await server.close().catch(() => {});
    }
  };
}
