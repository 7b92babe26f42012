import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { answerMcpPost, handleMcpMethodNotAllowed } from "./http";

/** Where the standalone server answers MCP: the same path as the portal's, so client configs differ only by origin. */
export const MCP_PATH = "/api/mcp";

/** Reads a Node request body up to `cap` bytes; null (and the rest left unread) when it is larger. */
async function readNodeBody(req: IncomingMessage, cap: number): Promise<string | null> {
  if (Number(req.headers["content-length"]) > cap) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > cap) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The web Request the handler reads headers from; the body travels separately, already read and capped. */
function webRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { method: req.method, headers, signal });
}

/** Writes a web Response: JSON in one piece with its length, streams (SSE) as they come until either side closes. */
async function send(res: ServerResponse, response: Response, close: boolean): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  if (close) headers.connection = "close";
  const streamed = response.body !== null && (response.headers.get("content-type") ?? "").includes("text/event-stream");
  if (!streamed) {
    const body = Buffer.from(await response.arrayBuffer());
    headers["content-length"] = String(body.byteLength);
    res.writeHead(response.status, headers).end(body);
    return;
  }
  res.writeHead(response.status, headers);
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done || res.destroyed) break;
    res.write(value);
  }
  res.end();
}

const notFound = (res: ServerResponse) =>
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ detail: `Not found: this server answers MCP at ${MCP_PATH}` }));

/**
 * The portal's MCP endpoint on plain node:http, for running it without the portal: the same handler,
 * host/origin checks and body cap as /api/mcp; answers link to PORTAL_URL.
 */
export function createMcpNodeServer(): Server {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== MCP_PATH) return notFound(res);
    if (req.method !== "POST") return void send(res, handleMcpMethodNotAllowed(), false);
    // Lets the handler see a client that goes away (it ends open streams on abort).
    const aborted = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    let tooLarge = false;
    const readBody = async (cap: number) => {
      const body = await readNodeBody(req, cap);
      tooLarge = body === null;
      return body;
    };
    answerMcpPost(webRequest(req, aborted.signal), readBody, undefined)
      // An unread oversized body is not drained: the connection closes after the 413.
      .then((response) => send(res, response, tooLarge))
      .catch((error: unknown) => {
        console.error("MCP request failed:", error instanceof Error ? error.message : error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32603, message: "Internal error" } }));
        else res.destroy();
      });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
