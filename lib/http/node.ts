import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * node:http ⇄ web Request/Response, for the handlers the portal server answers without Next (lib/server) and
 * the standalone MCP server (lib/mcp/node-server.ts). The web side is what the App Router's route handlers get,
 * so one handler serves both.
 */

/**
 * Reads a Node request body up to `cap` bytes; null when it is larger, the rest left unread and the request paused
 * (not destroyed: destroying it would close the socket before the 413 is written).
 */
export function readNodeBody(req: IncomingMessage, cap: number): Promise<string | null> {
  if (Number(req.headers["content-length"]) > cap) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: string | null, error?: Error) => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
      if (error) reject(error);
      else resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= cap) return void chunks.push(chunk);
      req.pause();
      finish(null);
    };
    const onEnd = () => finish(Buffer.concat(chunks).toString("utf8"));
    const onError = (e: Error) => finish(null, e);
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

/**
 * A Node request body as a web stream. Unlike Readable.toWeb, cancelling it (a reader that stops at a byte cap)
 * only pauses the request: Readable.toWeb destroys it, and with it the socket, so the client never got the 413.
 */
export function nodeBodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  const stop = () => {
    open = false;
    req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
  };
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const onData = (chunk: Buffer) => {
    if (!open) return;
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  const onEnd = () => {
    if (open) controller.close();
    stop();
  };
  const onError = (e: Error) => {
    if (open) controller.error(e);
    stop();
  };
  // The client went away before the body ended.
  const onClose = () => {
    if (open && !req.complete) onError(new Error("The client closed the connection"));
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        stop();
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
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
    if (raw[i]!.length === name.length && raw[i]!.toLowerCase() === name)
      value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
  }
  return value;
}

/** Whether a request declares a body (Content-Length above 0, or chunked). One answered unread must close its connection. */
export const declaresBody = (req: IncomingMessage) =>
  Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;

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
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress)
    headers.set("x-forwarded-for", req.socket.remoteAddress);
  const method = req.method ?? "GET";
  const withBody = body && method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    signal,
    ...(withBody ? { body: nodeBodyStream(req), duplex: "half" } : {}),
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
