import {
  classifyInboundRequest,
  createMcpHandler,
  isJsonContentType,
  isLegacyRequest,
  type JSONRPCMessage,
  type JSONRPCRequest,
  McpServer,
  parseJSONRPCMessage,
  type Transport,
  WebStandardStreamableHTTPServerTransport,
} from "@modelcontextprotocol/server";
import { createPortalMcpServer } from "./server";

/** What the MCP handler reads of an HTTP request: a header by lowercase name, and the web Request when the SDK's transport serves it. */
export interface McpHttp {
  header(name: string): string | null;
  request(): Request;
}

/** An answer made without a web Response (a resident exchange): HTTP 200, `application/json`, this body. */
export interface McpJsonAnswer {
  json: string;
}

export type McpAnswer = Response | McpJsonAnswer;

export const isJsonAnswer = (answer: McpAnswer): answer is McpJsonAnswer => !(answer instanceof Response);

/** Servers idle in a pool at most; more are built under load and dropped afterwards. */
const MAX_IDLE = 64;

/**
 * Registered McpServers for the SDK's per-request transports, reused across requests. Registering the tools,
 * resources and prompts on a fresh server for every request costs more than answering. A server serves one request at a time and returns on close.
 */
const idle: McpServer[] = [];
const pooled = new WeakSet<McpServer>();

function release(server: McpServer) {
  if (pooled.has(server) || idle.length >= MAX_IDLE) return;
  pooled.add(server);
  idle.push(server);
}

function acquire(): McpServer {
  const server = idle.pop();
  if (server) {
    pooled.delete(server);
    return server;
  }
  const fresh = createPortalMcpServer();
  fresh.server.onclose = () => release(fresh);
  return fresh;
}

/**
 * A transport that stays connected to one server and carries one exchange at a time: a JSON-RPC request in, its
 * response out. The SDK's Streamable HTTP transport, per request in JSON response mode, is built, connected and
 * closed, re-validates the body, and wraps the answer in a web Response that is read back: several times the CPU
 * and the garbage of answering on a resident exchange (bench/run.mjs shows the per-call CPU).
 */
class ResidentTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport["onmessage"];
  /** The server's protocol versions, given on connect. */
  versions: readonly string[] = [];
  private settle: ((message: JSONRPCMessage) => void) | undefined;

  async start(): Promise<void> {}

  async close(): Promise<void> {
    this.onclose?.();
  }

  setSupportedProtocolVersions(versions: string[]): void {
    this.versions = versions;
  }

  /** Only the response leaves: in JSON response mode the SDK's transport drops what a handler sends before it. */
  async send(message: JSONRPCMessage): Promise<void> {
    if (!("result" in message) && !("error" in message)) return;
    const settle = this.settle;
    this.settle = undefined;
    settle?.(message);
  }

  exchange(request: JSONRPCRequest): Promise<JSONRPCMessage> {
    return new Promise((resolve) => {
      this.settle = resolve;
      this.onmessage?.(request);
    });
  }
}

interface Resident {
  server: McpServer;
  transport: ResidentTransport;
}

const residents: Resident[] = [];

function releaseResident(resident: Resident): void {
  if (residents.length < MAX_IDLE) residents.push(resident);
}

async function acquireResident(): Promise<Resident> {
  const ready = residents.pop();
  if (ready) return ready;
  const resident = { server: createPortalMcpServer(), transport: new ResidentTransport() };
  await resident.server.connect(resident.transport);
  return resident;
}

/** The methods a resident exchange answers; everything else (initialize, notifications, batches, logging) goes through the SDK's transport. */
const RESIDENT_METHODS = new Set([
  "tools/call",
  "tools/list",
  "resources/list",
  "resources/templates/list",
  "resources/read",
  "prompts/list",
  "prompts/get",
  "ping",
]);

/**
 * The request a resident exchange may answer: one JSON-RPC request for a method above, of a 2025-era client (the
 * SDK's own classification), whose Accept and Content-Type the SDK's transport would accept. Anything else, null:
 * the SDK's transport answers it, errors included.
 */
function residentRequest(http: McpHttp, parsed: unknown): JSONRPCRequest | null {
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const { method, id } = parsed as { method?: unknown; id?: unknown };
  if (typeof method !== "string" || !RESIDENT_METHODS.has(method) || (typeof id !== "string" && typeof id !== "number"))
    return null;
  const accept = http.header("accept");
  if (!accept?.includes("application/json") || !accept.includes("text/event-stream")) return null;
  if (!isJsonContentType(http.header("content-type"))) return null;
  const head = {
    protocolVersionHeader: http.header("mcp-protocol-version"),
    mcpMethodHeader: http.header("mcp-method"),
    mcpNameHeader: http.header("mcp-name"),
  };
  const outcome = classifyInboundRequest({
    httpMethod: "POST",
    ...(head.protocolVersionHeader !== null && { protocolVersionHeader: head.protocolVersionHeader }),
    ...(head.mcpMethodHeader !== null && { mcpMethodHeader: head.mcpMethodHeader }),
    ...(head.mcpNameHeader !== null && { mcpNameHeader: head.mcpNameHeader }),
    body: parsed,
  });
  if (outcome.kind !== "legacy") return null;
  try {
    // The message exactly as the SDK's transport hands it to the server.
    return parseJSONRPCMessage(parsed) as JSONRPCRequest;
  } catch {
    return null;
  }
}

/** The SDK's per-request transport for a 2025-era request, answering plain JSON rather than a one-event SSE stream. */
export async function answerOnTransport(req: Request, parsedBody: unknown): Promise<Response> {
  const server = acquire();
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  try {
    await server.connect(transport);
    return await transport.handleRequest(req, { parsedBody });
  } finally {
    await transport.close().catch(() => {});
    await server.close().catch(() => {});
  }
}

/**
 * Streamable HTTP, stateless. 2026-era requests go through the SDK's handler. 2025-era requests (2025-06-18,
 * 2025-11-25): a tool call, list, read or ping is answered by a resident exchange on a pooled server (the same
 * server, tools and SDK request handling, the same bytes out; unit-tested against the transport's answers); the
 * rest by the SDK's per-request transport.
 */
export function createPooledMcpHandler(): (http: McpHttp, parsedBody: unknown) => Promise<McpAnswer> {
  const modern = createMcpHandler(() => acquire(), { legacy: "reject", responseMode: "json" });
  return async (http, parsedBody) => {
    const request = residentRequest(http, parsedBody);
    if (request) {
      const resident = await acquireResident();
      const version = http.header("mcp-protocol-version");
      if (version === null || resident.transport.versions.includes(version)) {
        try {
          return { json: JSON.stringify(await resident.transport.exchange(request)) };
        } finally {
          releaseResident(resident);
        }
      }
      releaseResident(resident);
    }
    const req = http.request();
    if (!(await isLegacyRequest(req, parsedBody))) return modern.fetch(req, { parsedBody });
    return answerOnTransport(req, parsedBody);
  };
}
