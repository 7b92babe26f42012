#!/usr/bin/env node
// The portal's MCP endpoint on its own, over Streamable HTTP on plain node:http: `npm run mcp:http`, or the
// `saas-api-mcp-http` bin, after `npm run build`. Listens on MCP_HTTP_HOST:MCP_HTTP_PORT (default 127.0.0.1:3001)
// at /api/mcp; answers link to PORTAL_URL.
import { join } from "node:path";
import { loadBuilt, root } from "./server-build.mjs";

process.env.PORTAL_ROOT ??= root;
// The sandbox tools use the portal's database file (data/sandbox.db in the checkout) unless SANDBOX_DB_PATH names another.
process.env.SANDBOX_DB_PATH ||= join(root, "data", "sandbox.db");

const port = Number(process.env.MCP_HTTP_PORT ?? 3001);
const host = process.env.MCP_HTTP_HOST || "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`MCP_HTTP_PORT must be a port number (0-65535), not "${process.env.MCP_HTTP_PORT}"`);
  process.exit(2);
}
const { createMcpNodeServer, MCP_PATH } = await loadBuilt("mcp-node-server");
const { primeMcp } = await loadBuilt("mcp-http");
await primeMcp();

const server = createMcpNodeServer();
server.on("error", (e) => {
  console.error(`MCP HTTP server: ${e.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const { port: bound } = server.address();
  console.log(`MCP endpoint listening on http://${host.includes(":") ? `[${host}]` : host}:${bound}${MCP_PATH}`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
