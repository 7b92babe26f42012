import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { clientGone, readNodeBody, sendWebResponse, toWebRequest } from "@/lib/http/node";
import { answerMcpPost, handleMcpMethodNotAllowed, originOf } from "./http";

/** Where the standalone server answers MCP: the same path as the portal's, so client configs differ only by origin. */
export const MCP_PATH = "/api/mcp";

const notFound = (res: ServerResponse) =>
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ detail: `Not found: this server answers MCP at ${MCP_PATH}` }));

/**
 * Answers one request for MCP_PATH on node:http with the handler, host/origin checks and body cap of /api/mcp.
 * Answers link to the origin the request was made at when `linkToRequestOrigin` (the portal server), else to
 * PORTAL_URL (the standalone server, which is not the portal).
 */
export function serveMcpNode(req: IncomingMessage, res: ServerResponse, linkToRequestOrigin: boolean): void {
  if (req.method !== "POST") return void sendWebResponse(res, handleMcpMethodNotAllowed());
  let tooLarge = false;
  const readBody = async (cap: number) => {
    const body = await readNodeBody(req, cap);
    tooLarge = body === null;
    return body;
  };
  // The signal lets the handler see a client that goes away (it ends open streams on abort).
  const request = toWebRequest(req, { signal: clientGone(res), body: false });
  answerMcpPost(request, readBody, linkToRequestOrigin ? originOf(request) : undefined)
    // An unread oversized body is not drained: the connection closes after the 413.
    .then((response) => sendWebResponse(res, response, tooLarge))
    .catch((error: unknown) => {
      console.error("MCP request failed:", error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32603, message: "Internal error" } }));
      else res.destroy();
    });
}

/**
 * The portal's MCP endpoint on plain node:http, for running it without the portal: the same handler,
 * host/origin checks and body cap as /api/mcp; answers link to PORTAL_URL.
 */
export function createMcpNodeServer(): Server {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== MCP_PATH) return notFound(res);
    serveMcpNode(req, res, false);
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
