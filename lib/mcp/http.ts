import {
  localhostAllowedHostnames,
  readRequestBody,
  validateHostHeader,
  validateOriginHeader,
} from "@modelcontextprotocol/server";
import { endpoints } from "@/lib/catalog";
import { clientAddressOf, mcpClient } from "./client-address";
import { allowedHostList, publicOrigin, requestOrigin } from "@/lib/site/origin";
import { createPooledMcpHandler, isJsonAnswer, type McpAnswer, type McpHttp } from "./pool";

/** Largest JSON-RPC request body accepted (bytes); MCP_MAX_BODY_BYTES overrides. */
const maxBodyBytes = () => Number(process.env.MCP_MAX_BODY_BYTES) || 256 * 1024;

const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The host name of `host[:port]` or of an origin URL, as the SDK's checks compare them ("[::1]" in brackets); "" when neither. */
function hostnameOf(hostOrOrigin: string): string {
  try {
    return new URL(hostOrOrigin.includes("://") ? hostOrOrigin : `http://${hostOrOrigin}`).hostname;
  } catch {
    return "";
  }
}

/** The allowed host names, rebuilt only when what they come from changes (checked on every request). */
let hosts: { key: string; names: string[] } | undefined;

/** Host names the endpoint answers for: loopback, the portal's own host, ALLOWED_HOSTS, MCP_ALLOWED_HOSTS (any port). */
function allowedHostnames(): string[] {
  const portal = publicOrigin();
  const key = `${portal} ${process.env.ALLOWED_HOSTS ?? ""} ${process.env.MCP_ALLOWED_HOSTS ?? ""}`;
  if (hosts?.key !== key) {
    const extra = [
      hostnameOf(portal),
      ...allowedHostList().map(hostnameOf),
      ...list(process.env.MCP_ALLOWED_HOSTS).map(hostnameOf),
    ];
    hosts = { key, names: [...new Set([...localhostAllowedHostnames(), ...extra.filter(Boolean)])] };
  }
  return hosts.names;
}

/** What the checks before the handler read of a request: from a web Request (the route) or node:http's headers (no web Request built). */
export interface McpRequestHead {
  host: string | null;
  origin: string | null;
}

export function mcpHeadOf(header: (name: string) => string | null): McpRequestHead {
  return { host: header("host"), origin: header("origin") };
}

const rpcError = (status: number, code: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ jsonrpc: "2.0", id: null, error: { code, message } }, { status, headers });

/**
 * Host (DNS rebinding) and Origin, with the SDK's own checks; null when the request may go on. Browsers send Origin:
 * the host the request was made at (already allowed), the portal's and MCP_ALLOWED_ORIGINS' may call; CLI and IDE
 * clients send none. Like Host, an origin is matched by host name, at any port or scheme: the SDK's convention.
 */
function refusal({ host, origin }: McpRequestHead): Response | null {
  const hostCheck = validateHostHeader(host, allowedHostnames());
  if (!hostCheck.ok) return rpcError(403, -32000, `Forbidden: ${hostCheck.message}`);
  if (!origin) return null;
  const origins = [
    hostCheck.hostname,
    hostnameOf(publicOrigin()),
    ...list(process.env.MCP_ALLOWED_ORIGINS).map(hostnameOf),
  ];
  const originCheck = validateOriginHeader(origin, origins);
  return originCheck.ok ? null : rpcError(403, -32000, `Forbidden: ${originCheck.message}`);
}

const mcpHandler = createPooledMcpHandler();

/**
 * The checks before the MCP handler: Host (DNS rebinding) and Origin, then the body, read by `readBody` up to the
 * cap (null when it is larger). The body, or the refusal to send (403, 413).
 */
export async function checkedMcpBody(
  head: McpRequestHead,
  readBody: (cap: number) => Promise<string | null>,
): Promise<string | Response> {
  const refused = refusal(head);
  if (refused) return refused;
  const body = await readBody(maxBodyBytes());
  return body ?? rpcError(413, -32600, `Request body larger than ${maxBodyBytes()} bytes`);
}

/** The JSON-RPC body of a failure inside the server (HTTP 500). */
export const INTERNAL_ERROR_BODY = JSON.stringify({
  jsonrpc: "2.0",
  id: null,
  error: { code: -32603, message: "Internal error" },
});

/** A body already read within the cap, as JSON: the parsed message, or the 400 JSON-RPC parse error to answer. */
export function parseMcpBody(body: string): { message: unknown } | Response {
  try {
    return { message: JSON.parse(body) as unknown };
  } catch {
    return rpcError(400, -32700, "Parse error: the body is not valid JSON");
  }
}

/**
 * A parsed JSON-RPC message (or batch) through the MCP handler. Answers link to `origin` (the portal's own), else
 * to publicOrigin(); `client` is the caller's address, which the sandbox tools' limits count.
 */
export function answerMcpMessage(
  http: McpHttp,
  message: unknown,
  origin: string | undefined,
  client?: string,
): Promise<McpAnswer> {
  const answer = () =>
    origin === undefined ? mcpHandler(http, message) : requestOrigin.run(origin, () => mcpHandler(http, message));
  return client === undefined ? answer() : mcpClient.run(client, answer);
}

/** A body already read within the cap: JSON parse errors, then the MCP handler (answerMcpMessage). */
export async function answerMcpBody(
  http: McpHttp,
  body: string,
  origin: string | undefined,
  client?: string,
): Promise<McpAnswer> {
  const parsed = parseMcpBody(body);
  return parsed instanceof Response ? parsed : answerMcpMessage(http, parsed.message, origin, client);
}

/**
 * Builds what the first calls would otherwise build while a client waits (pooled servers and SDK schemas for the
 * first tool call, the index for the first search): one list and two tool calls through the handler, answered and
 * dropped. For a thread that is about to serve.
 */
export async function primeMcp(): Promise<void> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": "2025-06-18",
  };
  const http: McpHttp = {
    header: (name) => headers[name] ?? null,
    request: () => new Request("http://localhost/api/mcp", { method: "POST", headers }),
  };
  const call = (method: string, params: Record<string, unknown>) =>
    answerMcpBody(http, JSON.stringify({ jsonrpc: "2.0", id: 0, method, params }), undefined);
  await call("tools/list", {});
  await call("tools/call", { name: "search_endpoints", arguments: { query: "prime the search index" } });
  const sample = endpoints.at(-1);
  if (sample)
    await call("tools/call", { name: "get_endpoint_details", arguments: { path: sample.path, method: sample.method } });
}

/** POST /api/mcp: Streamable HTTP, stateless, behind host/origin checks and a body cap; answers link to the portal it was asked at. */
export async function handleMcpPost(req: Request): Promise<Response> {
  const http: McpHttp = { header: (name) => req.headers.get(name), request: () => req };
  const body = await checkedMcpBody(mcpHeadOf(http.header), async (cap) => {
    const read = await readRequestBody(req, cap);
    return read.tooLarge ? null : read.text;
  });
  if (typeof body !== "string") return body;
  const answer = await answerMcpBody(http, body, publicOrigin(req), clientAddressOf(http.header));
  return isJsonAnswer(answer)
    ? new Response(answer.json, { status: 200, headers: { "content-type": "application/json" } })
    : answer;
}

/** GET and DELETE: no sessions or server-initiated streams in stateless mode. */
export function handleMcpMethodNotAllowed(): Response {
  return rpcError(405, -32000, "Method not allowed: this MCP endpoint is stateless; use POST", { Allow: "POST" });
}
