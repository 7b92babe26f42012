#!/usr/bin/env node
// stdio entry of the portal's MCP server: `npm run mcp:stdio`, or the `saas-api-mcp` bin, after `npm run build`.
// stdout carries JSON-RPC only, so nothing else may print there.
import { join } from "node:path";
import { loadBuilt, root } from "./server-build.mjs";

process.env.PORTAL_ROOT ??= root;
// The sandbox tools use the portal's database file (data/sandbox.db in the checkout) unless SANDBOX_DB_PATH names another.
process.env.SANDBOX_DB_PATH ||= join(root, "data", "sandbox.db");
const { serveStdio } = await loadBuilt("mcp-stdio");
await serveStdio();
