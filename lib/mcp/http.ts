import { readCappedBytes } from "@/lib/http/read-capped";
import { portalUrl, requestOrigin } from "./config";
import { createPooledMcpHandler } from "./pool";

/** Largest JSON-RPC request body accepted (bytes); MCP_MAX_BODY_BYTES overrides. */
const maxBodyBytes = () => Number(process.env.MCP_MAX_BODY_BYTES) || 256 * 1024;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return "";
  }
}

/** Hosts the endpoint answers for: loopback, the portal's own host, MCP_ALLOWED_HOSTS. Guards against DNS rebinding. */
function hostAllowed(host: string | null): boolean {
  if (!host) return false;
  const name = hostnameOf(host);
  if (LOCAL_HOSTS.has(name)) return true;
  if (name === hostnameOf(new URL(portalUrl()).host)) return true;
  return list(process.env.MCP_ALLOWED_HOSTS).some((h) => hostnameOf(h) === name);
}

/** The request's own origin, from its Host header (checked by hostAllowed) and scheme. */
export function originOf(req: Request): string {
  const scheme = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return `${scheme}://${req.headers.get("host")}`;
}

/** Browsers send Origin: only the portal's own origin and MCP_ALLOWED_ORIGINS may call. CLI and IDE clients send none. */
function originAllowed(origin: string | null, req: Request): boolean {
  if (origin === null) return true;
  const own = new Set([new URL(process.env.PORTAL_URL ?? "http://localhost:3000").origin, originOf(req), ...list(process.env.MCP_ALLOWED_ORIGINS)]);
  return own.has(origin);
}

const rpcError = (status: number, code: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ jsonrpc: "2.0", id: null, error: { code, message } }, { status, headers });

/** Reads the body up to the cap as UTF-8; null when it is larger. */
async function readCapped(req: Request, cap: number): Promise<string | null> {
  const bytes = await readCappedBytes(req, cap);
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

const mcpHandler = createPooledMcpHandler();

/**
 * The checks before the MCP handler: Host (DNS rebinding) and Origin, then the body, read by `readBody` up to the
 * cap (null when it is larger). The body, or the refusal to send (403, 413).
 */
export async function checkedMcpBody(req: Request, readBody: (cap: number) => Promise<string | null>): Promise<string | Response> {
  if (!hostAllowed(req.headers.get("host"))) return rpcError(403, -32000, "Forbidden: host not allowed");
  if (!originAllowed(req.headers.get("origin"), req)) return rpcError(403, -32000, "Forbidden: origin not allowed");
  const body = await readBody(maxBodyBytes());
  return body ?? rpcError(413, -32600, `Request body larger than ${maxBodyBytes()} bytes`);
}

/** The JSON-RPC body of a failure inside the server (HTTP 500). */
export const INTERNAL_ERROR_BODY = JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32603, message: "Internal error" } });

/** A body already read within the cap: JSON parse errors, then the MCP handler; `origin` as for answerMcpPost. */
export async function answerMcpBody(req: Request, body: string, origin: string | undefined): Promise<Response> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return rpcError(400, -32700, "Parse error: the body is not valid JSON");
  }
  return origin === undefined ? mcpHandler(req, parsed) : requestOrigin.run(origin, () => mcpHandler(req, parsed));
}

/**
 * Host/origin checks, body cap, JSON parse errors, then the MCP handler. `readBody` reads the body up to
 * `cap` bytes (null when it is larger); `origin` is where answers link to (the portal's origin), else PORTAL_URL.
 */
export async function answerMcpPost(req: Request, readBody: (cap: number) => Promise<string | null>, origin: string | undefined): Promise<Response> {
  const body = await checkedMcpBody(req, readBody);
  return typeof body === "string" ? answerMcpBody(req, body, origin) : body;
}

/** POST /api/mcp: Streamable HTTP, stateless, behind host/origin checks and a body cap; answers link to the portal it was asked at. */
export function handleMcpPost(req: Request): Promise<Response> {
  return answerMcpPost(req, (cap) => readCapped(req, cap), originOf(req));
}

/** GET and DELETE: no sessions or server-initiated streams in stateless mode. */
export function handleMcpMethodNotAllowed(): Response {
  return rpcError(405, -32000, "Method not allowed: this MCP endpoint is stateless; use POST", { Allow: "POST" });
}
