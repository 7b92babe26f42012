import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { normaliseForwarding } from "@/lib/http/forwarded";
import { clientGone, declaresBody, encrypted, sendWebResponse, toWebRequest } from "@/lib/http/node";
import { HSTS, redirectsForms, securityHeadersFor } from "@/lib/http/security-headers";
import { timedServerOptions, type ServerTimeouts } from "@/lib/http/timeouts";
import { MCP_PATH, serveMcpNode } from "@/lib/mcp/node-server";
import { handleSandboxRequest } from "@/lib/sandbox/engine";
import { registerServedAddress, servedAddressOf } from "@/lib/site/served-address";

/**
 * The portal's production server (`npm start`): Next renders the site, and the two machine-facing APIs, the MCP
 * endpoint and the sandbox API, are answered by the same handlers their App Router routes call
 * (app/api/mcp/route.ts, app/sandbox/v1/[...path]/route.ts), without Next's router in front. Next's router costs
 * CPU on every request before a route handler runs (bench/run.mjs compares both servers); these are the paths that take many small requests from
 * assistants, SDKs and load. `next dev` and `next start` still serve both through the routes.
 */

/** Who answers a request: one of the direct handlers, or Next; or the server itself refuses it (405, 400). */
export type Route = "mcp" | "sandbox" | "next" | "bad-method" | "bad-path";

const SANDBOX_API = "/sandbox/v1/";
/** What app/api/mcp/route.ts exports (POST; GET and DELETE answer 405); OPTIONS and HEAD get Next's automatic answers. */
const MCP_METHODS = new Set(["POST", "GET", "DELETE"]);
/** The methods app/sandbox/v1/[...path]/route.ts exports; HEAD and OPTIONS get Next's automatic answers. */
const SANDBOX_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every method some route of the portal answers. Next answers others with a 500 (it cannot build a web Request
 * for TRACE, TRACK or CONNECT), so the server answers them 405 itself.
 */
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Whether a path's percent-encoding is valid UTF-8; Next answers 500 to one that is not (/reference/%ff). */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const pathOf = (url: string | undefined) => {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  return q === -1 ? raw : raw.slice(0, q);
};

export function routeOf(method: string | undefined, url: string | undefined): Route {
  const path = pathOf(url);
  if (!KNOWN_METHODS.has(method ?? "GET")) return "bad-method";
  if (!decodable(path)) return "bad-path";
  if (path === MCP_PATH && MCP_METHODS.has(method ?? "GET")) return "mcp";
  if (path.startsWith(SANDBOX_API) && SANDBOX_METHODS.has(method ?? "GET")) return "sandbox";
  return "next";
}

const refuse = (res: ServerResponse, status: number, detail: string, headers: Record<string, string> = {}) => {
  const body = JSON.stringify({ detail });
  // The body (if any) is not read: the connection closes after the answer.
  res
    .writeHead(status, {
      ...headers,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(body)),
      connection: "close",
    })
    .end(body);
};

function serveSandbox(req: IncomingMessage, res: ServerResponse): void {
  const request = toWebRequest(req, { signal: clientGone(res), body: true });
  handleSandboxRequest(request)
    // A body the handler did not read to the end (it answered 401, 413, ... first) would stall the next request on
    // this connection: the connection closes after the answer instead.
    .then((response) => sendWebResponse(res, response, declaresBody(req) && !(request.bodyUsed && req.complete)))
    .catch((error: unknown) => {
      // handleSandboxRequest answers its own errors; this is a failure to write the answer.
      console.error("Sandbox request failed:", error instanceof Error ? error.message : error);
      if (!res.headersSent)
        res
          .writeHead(500, { "content-type": "application/json" })
          .end(JSON.stringify({ detail: "Internal server error" }));
      else res.destroy();
    });
}

/** The portal server; `next` answers everything that is not the MCP endpoint or the sandbox API. */
export function createPortalServer(
  next: (req: IncomingMessage, res: ServerResponse) => unknown,
  { timeouts }: { /** Default: from the environment (lib/http/timeouts.ts). */ timeouts?: ServerTimeouts } = {},
): Server {
  // The headers next.config.ts gives what Next serves, set here for every answer (Next sets its own on top).
  const headers = { page: securityHeadersFor("/"), form: securityHeadersFor("/sandbox/checkout") };
  const server = createServer(timedServerOptions(timeouts), (req, res) => {
    // First, before anyone reads them: X-Forwarded-* say only what TRUST_PROXY allows (rate limits, links, HSTS).
    normaliseForwarding(req);
    const path = pathOf(req.url);
    const own = redirectsForms(path) ? headers.form : headers.page;
    for (const name in own) res.setHeader(name, own[name]!);
    if (encrypted(req) || req.headers["x-forwarded-proto"] === "https")
      res.setHeader("Strict-Transport-Security", HSTS);
    switch (routeOf(req.method, req.url)) {
      case "bad-method":
        return refuse(res, 405, `Method ${req.method ?? ""} not allowed`, {
          Allow: path === MCP_PATH ? "POST" : [...KNOWN_METHODS].join(", "),
        });
      case "bad-path":
        return refuse(res, 400, "The URL path is not valid percent-encoded UTF-8");
      case "mcp":
        return serveMcpNode(req, res, true);
      case "sandbox":
        return serveSandbox(req, res);
      default:
        return void next(req, res);
    }
  });
  // Links fall back to the address actually listened on (lib/site/origin.ts), not a guess from the build.
  server.on("listening", () => {
    const { address, port } = server.address() as AddressInfo;
    registerServedAddress(servedAddressOf(address, port, true));
  });
  return server;
}
