import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { clientGone, declaresBody, rawHeaderOf, readNodeBody, sendWebResponse, toWebRequest } from "@/lib/http/node";
import { clientAddressOf } from "./client-address";
import { publicOrigin } from "@/lib/site/origin";
import { timedServerOptions } from "@/lib/http/timeouts";
import {
  answerMcpMessage,
  checkedMcpBody,
  handleMcpMethodNotAllowed,
  INTERNAL_ERROR_BODY,
  mcpHeadOf,
  parseMcpBody,
} from "./http";
import { isJsonAnswer } from "./pool";

/** Where the standalone server answers MCP: the same path as the portal's, so client configs differ only by origin. */
export const MCP_PATH = "/api/mcp";

const notFound = (res: ServerResponse) =>
  res
    .writeHead(404, { "content-type": "application/json" })
    .end(JSON.stringify({ detail: `Not found: this server answers MCP at ${MCP_PATH}` }));

/**
 * Answers one request for MCP_PATH on node:http with the handler, host/origin checks and body cap of /api/mcp.
 * Answers link to the portal's public origin for the request when `linkToRequestOrigin` (the portal server: an
 * allowed Host), else to PORTAL_URL (the standalone server, which is not the portal).
 */
export function serveMcpNode(req: IncomingMessage, res: ServerResponse, linkToRequestOrigin: boolean): void {
  if (req.method !== "POST") return void sendWebResponse(res, handleMcpMethodNotAllowed(), declaresBody(req));
  answerNode(req, res, linkToRequestOrigin).catch((error: unknown) => {
    console.error("MCP request failed:", error instanceof Error ? error.message : error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(INTERNAL_ERROR_BODY);
    else res.destroy();
  });
}

async function answerNode(req: IncomingMessage, res: ServerResponse, linkToRequestOrigin: boolean): Promise<void> {
  // The checks read node:http's headers: a resident exchange (lib/mcp/pool.ts) then needs no web Request at all.
  const header = (name: string) => rawHeaderOf(req.rawHeaders, name);
  const head = mcpHeadOf(header);
  let read = false;
  const body = await checkedMcpBody(head, async (cap) => {
    // Not the SDK's readRequestBody (the route's): it reads a web Request, and building one from node:http for every
    // call costs several times what reading the body does. readNodeBody keeps its rule: a declared length over the
    // cap is refused unread, and reading stops at the first byte over.
    const text = await readNodeBody(req, cap);
    read = text !== null;
    return text;
  });
  // A refusal before the body was read (403), or an oversized body left unread (413): the connection closes after it.
  if (typeof body !== "string") return sendWebResponse(res, body, declaresBody(req) && !read);
  const parsed = parseMcpBody(body);
  if (parsed instanceof Response) return sendWebResponse(res, parsed);
  const origin = linkToRequestOrigin ? publicOrigin({ headers: { get: header } }) : undefined;
  const answer = await answerMcpMessage(
    {
      header,
      // The signal lets the handler see a client that goes away (it ends open streams on abort).
      request: () => toWebRequest(req, { signal: clientGone(res), body: false }),
    },
    parsed.message,
    origin,
    clientAddressOf(header, req.socket.remoteAddress),
  );
  return isJsonAnswer(answer) ? sendJson(res, 200, answer.json) : sendWebResponse(res, answer);
}

/** A JSON body written with its headers in one piece. */
function sendJson(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) }).end(json);
}

/**
 * The portal's MCP endpoint on plain node:http, for running it without the portal: the same handler,
 * host/origin checks and body cap as /api/mcp; answers link to PORTAL_URL.
 */
export function createMcpNodeServer(): Server {
  return createServer(timedServerOptions(), (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== MCP_PATH) return notFound(res);
    serveMcpNode(req, res, false);
  });
}
