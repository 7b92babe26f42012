#!/usr/bin/env node
// stdio entry of the portal's MCP server: `npm run mcp:stdio`, or the `saas-api-mcp` bin.
// Runs the TypeScript sources through tsx; stdout carries JSON-RPC only, so nothing else may print there.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.env.PORTAL_ROOT ??= root;
// The sandbox tools use the portal's database file (data/sandbox.db in the checkout) unless SANDBOX_DB_PATH names another.
process.env.SANDBOX_DB_PATH ||= join(root, "data", "sandbox.db");
// tsconfig.server.json turns `server-only` (sandbox modules, lib/site/origin.ts) into the no-op it is on Next's server.
register({ tsconfig: join(root, "tsconfig.server.json") });
const { serveStdio } = await import("../lib/mcp/stdio.ts");
await serveStdio();
