#!/usr/bin/env node
// The portal's production server, `npm start` (after `npm run build`): Next serves the site, and the MCP endpoint
// and the sandbox API are answered by their handlers directly (lib/server/portal-server.ts, built into
// .next/portal-server/ by `npm run build`). Takes next start's options: -p/--port (or PORT; default 3000) and
// -H/--hostname (default: every interface).
import { parseArgs } from "node:util";
import { loadBuilt, root } from "./server-build.mjs";

process.env.NODE_ENV = "production";

let values;
try {
  ({ values } = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  }));
} catch (e) {
  console.error(`${e.message}\nusage: npm start -- [-p port] [-H hostname]`);
  process.exit(2);
}
const portText = values.port ?? process.env.PORT ?? "3000";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) {
  console.error(`The port must be a number from 0 to 65535, not "${portText}"`);
  process.exit(2);
}
const hostname = values.hostname;

const { createPortalServer } = await loadBuilt("portal-server");
const { primeMcp } = await loadBuilt("mcp-http");
const { default: next } = await import("next");

const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
const server = createPortalServer(handle);
await Promise.all([app.prepare(), primeMcp()]);
server.on("error", (e) => {
  console.error(`Portal server: ${e.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const { port: bound } = server.address();
  const shown =
    !hostname || hostname === "0.0.0.0" || hostname === "::"
      ? "localhost"
      : hostname.includes(":")
        ? `[${hostname}]`
        : hostname;
  console.log(`Portal ready on http://${shown}:${bound} (MCP at /api/mcp, sandbox API at /sandbox/v1)`);
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
