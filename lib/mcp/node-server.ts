import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { clientGone, declaresBody, rawHeaderOf, readNodeBody, sendWebResponse, toWebRequest, urlOf } from "@/lib/http/node";
import { clientAddressOf } from "./client-address";
import { publicOrigin } from "@/lib/site/origin";
import { timedServerOptions } from "@/lib/http/timeouts";
import { answerMcpMessage, checkedMcpBody, handleMcpMethodNotAllowed, INTERNAL_ERROR_BODY, mcpHeadOf, parseMcpBody } from "./http";
import { isJsonAnswer } from "./pool";
import type { McpWorkerPool } from "./worker-pool";

/** Where the standalone server answers MCP: the same path as the portal's, so client configs differ only by origin. */
export const MCP_PATH = "/api/mcp";

const notFound = (res: ServerResponse) =>
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ detail: `Not found: this server answers MCP at ${MCP_PATH}` }));

/**
 * Answers one request for MCP_PATH on node:http with the handler, host/origin checks and body cap of /api/mcp.
 * Answers link to the portal's public origin for the request when `linkToRequestOrigin` (the portal server: an
 * allowed Host), else to PORTAL_URL (the standalone server, which is not the portal). With a worker pool, a worker answers once the
 * checks pass and the body is read.
 */
export function serveMcpNode(req: IncomingMessage, res: ServerResponse, linkToRequestOrigin: boolean, workers?: McpWorkerPool): void {
  if (req.method !== "POST") return void sendWebResponse(res, handleMcpMethodNotAllowed(), declaresBody(req));
  inFlight += 1;
  let counted = true;
  const done = () => {
    if (counted) inFlight -= 1;
    counted = false;
  };
  res.once("finish", done).once("close", done);
  answerNode(req, res, linkToRequestOrigin, workers).catch((error: unknown) => {
    console.error("MCP request failed:", error instanceof Error ? error.message : error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(INTERNAL_ERROR_BODY);
    else res.destroy();
  });
}


/** MCP requests this server has received and not yet answered. */
let inFlight = 0;

/**
 * Whether a worker answers: yes when other requests are in flight. A request alone is answered on this thread,
 * saving the hop between threads; under load this thread has HTTP to serve and the workers answer.
 * Reading a body that has already arrived never gives other connections a turn, so the caller first lets the
 * event loop take in what else has arrived (one setImmediate) and then looks at inFlight.
 */
function toWorker(workers: McpWorkerPool | undefined, message: unknown): workers is McpWorkerPool {
  return workers !== undefined && inFlight > 1 && workers.leastPending() !== null && !mayStream(message);
}

/**
 * Whether the answer to a parsed JSON-RPC message (or batch) may be a stream (server-sent events) rather than one
 * JSON body: a 2026-era subscriptions/listen request stays open. A worker answers in one piece, so such a request
 * is answered on this thread.
 */
export function mayStream(message: unknown): boolean {
  const messages: unknown[] = Array.isArray(message) ? message : [message];
  return messages.some((m) => typeof m === "object" && m !== null && (m as { method?: unknown }).method === "subscriptions/listen");
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function answerNode(req: IncomingMessage, res: ServerResponse, linkToRequestOrigin: boolean, workers: McpWorkerPool | undefined): Promise<void> {
  // The checks read node:http's headers: a call a worker answers costs this thread no web Request.
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
  if (workers) await nextTurn();
  const client = clientAddressOf(header, req.socket.remoteAddress);
  const pending = toWorker(workers, parsed.message) ? workers.answer({ url: urlOf(req).url, headers: req.rawHeaders, body, origin, client }) : null;
  if (!pending) {
    const answer = await answerMcpMessage(
      {
        header,
        // The signal lets the handler see a client that goes away (it ends open streams on abort).
        request: () => toWebRequest(req, { signal: clientGone(res), body: false }),
      },
      parsed.message,
      origin,
      client,
    );
    return isJsonAnswer(answer) ? sendJson(res, 200, answer.json) : sendWebResponse(res, answer);
  }
  const answer = await pending;
  const payload = Buffer.from(answer.body);
  const headers: Record<string, string> = Object.fromEntries(answer.headers);
  if (answer.status !== 204) headers["content-length"] = String(payload.byteLength);
  res.writeHead(answer.status, headers).end(payload);
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
