import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/**
 * node:http ⇄ web Request/Response, for the handlers the portal server answers without Next (lib/server) and
 * the standalone MCP server (lib/mcp/node-server.ts). The web side is what the App Router's route handlers get,
 * so one handler serves both.
 */

/** Reads a Node request body up to `cap` bytes; null (and the rest left unread) when it is larger. */
export async function readNodeBody(req: IncomingMessage, cap: number): Promise<string | null> {
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

/** Web Headers holding node:http's rawHeaders (names and values in turn). */
export function webHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** A header in node:http's rawHeaders (names and values in turn) as the web Headers' get() gives it: repeated values joined, or null. */
export function rawHeaderOf(raw: readonly string[], name: string): string | null {
  let value: string | null = null;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.length === name.length && raw[i]!.toLowerCase() === name) value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
  }
  return value;
}

/** Whether a request declares a body (Content-Length above 0, or chunked). One answered unread must close its connection. */
export const declaresBody = (req: IncomingMessage) => Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;

/** Whether the request came over TLS. */
export const encrypted = (req: IncomingMessage) => "encrypted" in req.socket && req.socket.encrypted === true;

/** A Node request's absolute URL (scheme from X-Forwarded-Proto when it says https, else the connection's), its scheme and host. */
export function urlOf(req: IncomingMessage): { proto: "http" | "https"; host: string; url: string } {
  const forwarded = req.headers["x-forwarded-proto"];
  const proto = forwarded ? (forwarded === "https" ? "https" : "http") : encrypted(req) ? "https" : "http";
  const host = req.headers.host ?? "localhost";
  return { proto, host, url: `${proto}://${host}${req.url ?? "/"}` };
}

/**
 * The web Request for a Node request, with the `x-forwarded-*` headers Next's server adds when they are
 * missing (host, proto, and the client's address for per-IP rate limits), so a handler sees the same request
 * either way. `body: true` streams the request body into it; otherwise the caller reads the body itself.
 */
export function toWebRequest(req: IncomingMessage, { signal, body }: { signal: AbortSignal; body: boolean }): Request {
  const headers = webHeaders(req.rawHeaders);
  const { proto, host, url } = urlOf(req);
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", host);
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", proto);
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  const method = req.method ?? "GET";
  const withBody = body && method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    signal,
    ...(withBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

/** An AbortSignal that fires when the client goes away before the answer is complete (handlers end open streams on it). */
export function clientGone(res: ServerResponse): AbortSignal {
  const aborted = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborted.abort();
  });
  return aborted.signal;
}

/**
 * Writes a web Response: a body in one piece with its length, or a stream (server-sent events) as it comes
 * until either side closes. `close` asks the client to close the connection (after an unread oversized body).
 */
export async function sendWebResponse(res: ServerResponse, response: Response, close = false): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  if (close) headers.connection = "close";
  const streamed = response.body !== null && (response.headers.get("content-type") ?? "").includes("text/event-stream");
  if (!streamed) {
    const body = response.body === null ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer());
    if (response.status !== 204 && response.status !== 304) headers["content-length"] = String(body.byteLength);
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
