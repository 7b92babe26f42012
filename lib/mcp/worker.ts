import { parentPort } from "node:worker_threads";
import { rawHeaderOf, webHeaders } from "@/lib/http/node";
import { answerMcpBody, primeMcp } from "./http";
import { isJsonAnswer, type McpHttp } from "./pool";
import { internalErrorAnswer, type McpWorkerAnswer, type McpWorkerCall } from "./worker-pool";

/**
 * A worker thread of the portal server's MCP pool (lib/mcp/worker-pool.ts): answers checked, already-read
 * requests with the same handler as /api/mcp, so tool calls run beside the thread that serves HTTP.
 */
if (!parentPort) throw new Error("lib/mcp/worker.ts runs as a worker thread");
const port = parentPort;

/** The handler's view of a call: headers looked up in node:http's rawHeaders; a web Request only if the SDK's transport needs one. */
function httpOf(call: McpWorkerCall): McpHttp {
  return {
    header: (name) => rawHeaderOf(call.headers, name),
    request: () => new Request(call.url, { method: "POST", headers: webHeaders(call.headers) }),
  };
}

// UTF-8 bytes in an ArrayBuffer of their own, which can be transferred.
const encoder = new TextEncoder();

/** A Response read whole; a stream (which the main thread keeps for itself, lib/mcp/node-server.ts) is cancelled and answered 500. */
async function inOnePiece(id: number, response: Response): Promise<McpWorkerAnswer> {
  if (response.headers.get("content-type")?.includes("text/event-stream")) {
    await response.body?.cancel();
    throw new Error("a streamed answer reached an MCP worker");
  }
  return { id, status: response.status, headers: [...response.headers], body: await response.arrayBuffer() };
}

function answer(call: McpWorkerCall): Promise<McpWorkerAnswer> {
  return answerMcpBody(httpOf(call), call.body, call.origin, call.client)
    .then(async (answer): Promise<McpWorkerAnswer> =>
      isJsonAnswer(answer)
        ? { id: call.id, status: 200, headers: [["content-type", "application/json"]], body: encoder.encode(answer.json).buffer }
        : await inOnePiece(call.id, answer),
    )
    .catch((error: unknown): McpWorkerAnswer => {
      console.error("MCP request failed:", error instanceof Error ? error.message : error);
      return internalErrorAnswer(call.id);
    });
}

// Calls that arrive meanwhile wait their turn behind it. Then the sandbox tools' modules and database connection,
// which they otherwise load on their first call (lib/mcp/sandbox/runtime.ts): concurrent first calls on a cold
// worker would all wait for that load.
void primeMcp()
  .then(async () => (await import("./sandbox/runtime")).getStore())
  .catch((error: unknown) => console.error("MCP worker warm-up failed:", error instanceof Error ? error.message : error));

port.on("message", (call: McpWorkerCall) => {
  void answer(call).then((a) => port.postMessage(a, [a.body]));
});
