#!/usr/bin/env node
/**
 * The seed's original MCP server (lib/catalog/testdata/seed-mcp-server-2.2.0.js, @modelcontextprotocol/sdk 1.x)
 * served over Streamable HTTP on plain node:http, stateless: one transport (sessionIdGenerator: undefined,
 * enableJsonResponse: true) and one Server per request, as the SDK's stateless example does.
 *
 * The seed builds its `server` at top level and then calls main(), which prints a banner and connects stdio.
 * We cut everything from `async function main()` on, export `server`, write that to bench/.cache/ and import it,
 * then copy its tools/list and tools/call handlers into a fresh Server per request (a 1.x Server holds one transport).
 *
 * Usage: node bench/seed-http-server.mjs [port]   (or SEED_PORT=...; 0 or none picks a free port)
 * Prints "listening on http://127.0.0.1:<port>" once ready.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

const here = dirname(fileURLToPath(import.meta.url));
const SEED = join(here, "..", "lib", "catalog", "testdata", "seed-mcp-server-2.2.0.js");

/** The seed's source without the shebang, main() and its call, plus `export { server }`. */
function patchSeed(src) {
  const body = src.replace(/^#!.*\n/, "");
  const cut = body.lastIndexOf("async function main()");
  if (cut < 0 || !/\nmain\(\)\.catch\(/.test(body.slice(cut)))
    throw new Error("seed layout changed: no trailing main() to cut");
  if (!/\nconst server = new Server\(/.test(body.slice(0, cut)))
    throw new Error("seed layout changed: no top-level `const server = new Server(`");
  return `${body.slice(0, cut)}\nexport { server };\n`;
}

async function loadSeedServer() {
  const src = readFileSync(SEED, "utf8");
  const patched = patchSeed(src);
  const dir = join(here, ".cache");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `seed-server-${createHash("sha256").update(patched).digest("hex").slice(0, 12)}.mjs`);
  writeFileSync(file, patched);
  const { server } = await import(pathToFileURL(file).href);
  if (!server?._requestHandlers?.has("tools/call")) throw new Error("seed server has no tools/call handler");
  return server;
}

const seed = await loadSeedServer();
const serverInfo = seed._serverInfo ?? { name: "saas-multi-agent-api", version: "2.2.0" };
const options = {
  capabilities: seed._capabilities ?? { tools: {} },
  ...(seed._instructions ? { instructions: seed._instructions } : {}),
};
// Only the seed's own handlers (tools/list, tools/call); initialize and ping stay bound to each fresh Server.
const fresh = new Server(serverInfo, options);
const seedHandlers = [...seed._requestHandlers].filter(([method]) => !fresh._requestHandlers.has(method));

function newServer() {
  const s = new Server(serverInfo, options);
  for (const [method, handler] of seedHandlers) s._requestHandlers.set(method, handler);
  return s;
}

const rpcError = (res, status, code, message) => {
  res
    .writeHead(status, { "content-type": "application/json" })
    .end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code, message } }));
};

const httpServer = http.createServer(async (req, res) => {
  const url = req.url ?? "/";
  if (!(url === "/mcp" || url.startsWith("/mcp?") || url === "/" || url === "/api/mcp"))
    return rpcError(res, 404, -32000, "Not found");
  if (req.method !== "POST") return rpcError(res, 405, -32000, "Method not allowed: stateless; use POST");
  const chunks = [];
  for await (const c of req) chunks.push(c);
  let parsed;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return rpcError(res, 400, -32700, "Parse error");
  }
  const server = newServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on("close", () => {
    transport.close();
    server.close();
  });
  try {
    await server.connect(transport);
    await transport.handleRequest(req, res, parsed);
  } catch (e) {
    if (!res.headersSent) rpcError(res, 500, -32603, `Internal error: ${e instanceof Error ? e.message : e}`);
  }
});
httpServer.keepAliveTimeout = 65_000;

const port = Number(process.argv[2] ?? process.env.SEED_PORT ?? 0);
httpServer.listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${httpServer.address().port}`);
});
const stop = () => httpServer.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
