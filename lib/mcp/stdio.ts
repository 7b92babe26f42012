import { Transform } from "node:stream";
import { deserializeMessage, ProtocolErrorCode } from "@modelcontextprotocol/server";
import { StdioServerTransport } from "@modelcontextprotocol/server/stdio";
import { createPortalMcpServer } from "./server";

/** Serves the very same tools, resources and prompts as /api/mcp over stdio, for clients configured the seed's way. */
export async function serveStdio(): Promise<void> {
  const server = createPortalMcpServer();
  await server.connect(new StdioServerTransport(process.stdin.pipe(refuseMalformed(process.stdout)), process.stdout));
}

/** The JSON-RPC error for a line the SDK cannot read as a message, or null when it is one (or carries no id). */
export function malformedLineError(line: string): string | null {
  try {
    deserializeMessage(line);
    return null;
  } catch {
    // Answered below.
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return JSON.stringify({
      jsonrpc: "2.0",
      id: null,
      error: { code: ProtocolErrorCode.ParseError, message: "Parse error: the line is not valid JSON" },
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return JSON.stringify({
      jsonrpc: "2.0",
      id: null,
      error: { code: ProtocolErrorCode.InvalidRequest, message: "Invalid Request: a JSON-RPC message is an object" },
    });
  }
  const message = parsed as Record<string, unknown>;
  const id = message.id;
  // A notification (or an answer from the client) that cannot be read gets no reply: there is no id to give one.
  if ((typeof id !== "string" && typeof id !== "number") || typeof message.method !== "string") return null;
  const badParams =
    "params" in message &&
    (typeof message.params !== "object" || message.params === null || Array.isArray(message.params));
  const error = badParams
    ? { code: ProtocolErrorCode.InvalidParams, message: "Invalid params: params must be an object" }
    : { code: ProtocolErrorCode.InvalidRequest, message: "Invalid Request: not a JSON-RPC 2.0 request" };
  return JSON.stringify({ jsonrpc: "2.0", id, error });
}

/**
 * The SDK's stdio transport drops a line it cannot read as a JSON-RPC message (`"params":"x"`, bad JSON) after
 * reporting it to onerror, and the client waits for its own timeout. This answers such a line itself and
 * passes every other line through unchanged.
 */
function refuseMalformed(out: NodeJS.WritableStream): Transform {
  let pending = "";
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      const passed: string[] = [];
      for (const raw of lines) {
        const line = raw.replace(/\r$/, "");
        if (line.trim() === "") continue;
        const error = malformedLineError(line);
        if (error === null) passed.push(line);
        else out.write(`${error}\n`);
      }
      done(null, passed.length ? `${passed.join("\n")}\n` : undefined);
    },
    flush(done) {
      done(null, pending.trim() ? `${pending}\n` : undefined);
    },
  });
}
