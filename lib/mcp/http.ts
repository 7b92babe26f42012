import { endpoints } from "@/lib/catalog";
import { readCappedBytes } from "@/lib/http/read-capped";
import { clientAddressOf, mcpClient } from "./client-address";
import { allowedHostList, publicOrigin, requestOrigin } from "@/lib/site/origin";
import { createPooledMcpHandler, isJsonAnswer, type McpAnswer, type McpHttp } from "./pool";

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

/** Hostname of a URL, cached for the one URL it is asked about on every request (PORTAL_URL, else the served address). */
let portalHost: { url: string; hostname: string } | undefined;
function portalHostname(): string {
  const url = publicOrigin();
  if (portalHost?.url !== url) portalHost = { url, hostname: hostnameOf(new URL(url).host) };
  return portalHost.hostname;
}

/** Hosts the endpoint answers for: loopback, the portal's own host, ALLOWED_HOSTS, MCP_ALLOWED_HOSTS. Guards against DNS rebinding. */
function hostAllowed(host: string | null): boolean {
  if (!host) return false;
  const name = hostnameOf(host);
  if (LOCAL_HOSTS.has(name)) return true;
  if (name === portalHostname()) return true;
  return [...allowedHostList(), ...list(process.env.MCP_ALLOWED_HOSTS)].some((h) => hostnameOf(h) === name);
}

/**
 * What the checks before the handler read of a request, taken from a web Request (the route) or straight from
 * node:http's headers (the portal server, which then builds no web Request for a call a worker answers).
 */
export interface McpRequestHead {
  host: string | null;
  origin: string | null;
  /** scheme://host the request was made at: X-Forwarded-Proto (else the connection's scheme) and Host. */
  ownOrigin: string;
}

/** The head of a request from its headers and its connection's scheme; its own origin from Host (checked by hostAllowed) and X-Forwarded-Proto. */
export function mcpHeadOf(header: (name: string) => string | null, scheme: string): McpRequestHead {
  const host = header("host");
  return { host, origin: header("origin"), ownOrigin: `${header("x-forwarded-proto") ?? scheme}://${host}` };
}

/** Browsers send Origin: only the portal's own origin and MCP_ALLOWED_ORIGINS may call. CLI and IDE clients send none. */
function originAllowed({ origin, ownOrigin }: McpRequestHead): boolean {
  if (origin === null) return true;
  if (origin === ownOrigin) return true;
  return publicOrigin() === origin || list(process.env.MCP_ALLOWED_ORIGINS).includes(origin);
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
export async function checkedMcpBody(head: McpRequestHead, readBody: (cap: number) => Promise<string | null>): Promise<string | Response> {
  if (!hostAllowed(head.host)) return rpcError(403, -32000, "Forbidden: host not allowed");
  if (!originAllowed(head)) return rpcError(403, -32000, "Forbidden: origin not allowed");
  const body = await readBody(maxBodyBytes());
  return body ?? rpcError(413, -32600, `Request body larger than ${maxBodyBytes()} bytes`);
}

/** The JSON-RPC body of a failure inside the server (HTTP 500). */
export const INTERNAL_ERROR_BODY = JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32603, message: "Internal error" } });

/**
 * A body already read within the cap: JSON parse errors, then the MCP handler. Answers link to `origin` (the
 * portal's own), else to publicOrigin(); `client` is the caller's address, which the sandbox tools' limits count.
 */
export async function answerMcpBody(http: McpHttp, body: string, origin: string | undefined, client?: string): Promise<McpAnswer> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return rpcError(400, -32700, "Parse error: the body is not valid JSON");
  }
  const answer = () => (origin === undefined ? mcpHandler(http, parsed) : requestOrigin.run(origin, () => mcpHandler(http, parsed)));
  return client === undefined ? answer() : mcpClient.run(client, answer);
}

/**
 * Builds what the first calls would otherwise build while a client waits (pooled servers and SDK schemas for the
 * first tool call, the index for the first search): one list and two tool calls through the handler, answered and
 * dropped. For a thread that is about to serve.
 */
export async function primeMcp(): Promise<void> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" };
  const http: McpHttp = { header: (name) => headers[name] ?? null, request: () => new Request("http://localhost/api/mcp", { method: "POST", headers }) };
  const call = (method: string, params: Record<string, unknown>) => answerMcpBody(http, JSON.stringify({ jsonrpc: "2.0", id: 0, method, params }), undefined);
  await call("tools/list", {});
  await call("tools/call", { name: "search_endpoints", arguments: { query: "prime the search index" } });
  const sample = endpoints.at(-1);
  if (sample) await call("tools/call", { name: "get_endpoint_details", arguments: { path: sample.path, method: sample.method } });
}

/** POST /api/mcp: Streamable HTTP, stateless, behind host/origin checks and a body cap; answers link to the portal it was asked at. */
export async function handleMcpPost(req: Request): Promise<Response> {
  const http: McpHttp = { header: (name) => req.headers.get(name), request: () => req };
  const head = mcpHeadOf(http.header, new URL(req.url).protocol.slice(0, -1));
  const body = await checkedMcpBody(head, (cap) => readCapped(req, cap));
  if (typeof body !== "string") return body;
  const answer = await answerMcpBody(http, body, publicOrigin(req), clientAddressOf(http.header));
  return isJsonAnswer(answer) ? new Response(answer.json, { status: 200, headers: { "content-type": "application/json" } }) : answer;
}

/** GET and DELETE: no sessions or server-initiated streams in stateless mode. */
export function handleMcpMethodNotAllowed(): Response {
  return rpcError(405, -32000, "Method not allowed: this MCP endpoint is stateless; use POST", { Allow: "POST" });
}
