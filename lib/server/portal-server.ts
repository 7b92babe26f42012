import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { normaliseForwarding } from "@/lib/http/forwarded";
import { clientGone, declaresBody, sendWebResponse, toWebRequest } from "@/lib/http/node";
import { MCP_PATH, serveMcpNode } from "@/lib/mcp/node-server";
import { createMcpWorkerPool } from "@/lib/mcp/worker-pool";
import { handleSandboxRequest } from "@/lib/sandbox/engine";
import { registerServedAddress, servedAddressOf } from "@/lib/site/served-address";

/**
 * The portal's production server (`npm start`): Next renders the site, and the two machine-facing APIs, the MCP
 * endpoint and the sandbox API, are answered by the same handlers their App Router routes call
 * (app/api/mcp/route.ts, app/sandbox/v1/[...path]/route.ts), without Next's router in front. Next costs about
 * 1 ms of CPU per request before a route handler runs; these are the paths that take many small requests from
 * assistants, SDKs and load. `next dev` and `next start` still serve both through the routes.
 */

/** Who answers a request: one of the direct handlers, or Next. */
export type Route = "mcp" | "sandbox" | "next";

const SANDBOX_API = "/sandbox/v1/";
/** What app/api/mcp/route.ts exports (POST; GET and DELETE answer 405); OPTIONS and HEAD get Next's automatic answers. */
const MCP_METHODS = new Set(["POST", "GET", "DELETE"]);
/** The methods app/sandbox/v1/[...path]/route.ts exports; HEAD and OPTIONS get Next's automatic answers. */
const SANDBOX_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

export function routeOf(method: string | undefined, url: string | undefined): Route {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  const path = q === -1 ? raw : raw.slice(0, q);
  if (path === MCP_PATH && MCP_METHODS.has(method ?? "GET")) return "mcp";
  if (path.startsWith(SANDBOX_API) && SANDBOX_METHODS.has(method ?? "GET")) return "sandbox";
  return "next";
}

function serveSandbox(req: IncomingMessage, res: ServerResponse): void {
  const request = toWebRequest(req, { signal: clientGone(res), body: true });
  handleSandboxRequest(request)
    // A body the handler did not read to the end (it answered 401, 413, ... first) would stall the next request on
    // this connection: the connection closes after the answer instead.
    .then((response) => sendWebResponse(res, response, declaresBody(req) && !(request.bodyUsed && req.complete)))
    .catch((error: unknown) => {
      // handleSandboxRequest answers its own errors; this is a failure to write the answer.
      console.error("Sandbox request failed:", error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ detail: "Internal server error" }));
      else res.destroy();
    });
}

/**
 * The portal server; `next` answers everything that is not the MCP endpoint or the sandbox API. With
 * `mcpWorkers` > 0, concurrent MCP requests are answered on that many worker threads (lib/mcp/worker-pool.ts),
 * closed with the server; `mcpWorkersEvenAlone` sends them every request (tests).
 */
export function createPortalServer(
  next: (req: IncomingMessage, res: ServerResponse) => unknown,
  { mcpWorkers = 0, mcpWorkersEvenAlone = false }: { mcpWorkers?: number; mcpWorkersEvenAlone?: boolean } = {},
): Server {
  const workers = mcpWorkers > 0 ? { pool: createMcpWorkerPool(mcpWorkers), evenAlone: mcpWorkersEvenAlone } : undefined;
  const server = createServer((req, res) => {
    // First, before anyone reads them: X-Forwarded-* say only what TRUST_PROXY allows (rate limits, links).
    normaliseForwarding(req);
    switch (routeOf(req.method, req.url)) {
      case "mcp":
        return serveMcpNode(req, res, true, workers);
      case "sandbox":
        return serveSandbox(req, res);
      default:
        return void next(req, res);
    }
  });
  // Longer than the usual proxies' 60 s idle timeout, as Next's own server does.
  server.keepAliveTimeout = 65_000;
  server.on("close", () => void workers?.pool.close());
  // Links fall back to the address actually listened on (lib/site/origin.ts), not a guess from the build.
  server.on("listening", () => {
    const { address, port } = server.address() as AddressInfo;
    registerServedAddress(servedAddressOf(address, port, true));
  });
  return server;
}
