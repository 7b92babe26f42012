import { parentPort } from "node:worker_threads";
import { answerMcpBody } from "./http";
import { internalErrorAnswer, type McpWorkerAnswer, type McpWorkerCall } from "./worker-pool";

/**
 * A worker thread of the portal server's MCP pool (lib/mcp/worker-pool.ts): answers checked, already-read
 * requests with the same handler as /api/mcp, so tool calls run beside the thread that serves HTTP.
 */
if (!parentPort) throw new Error("lib/mcp/worker.ts runs as a worker thread");
const port = parentPort;

port.on("message", (call: McpWorkerCall) => {
  const request = new Request(call.url, { method: "POST", headers: call.headers });
  answerMcpBody(request, call.body, call.origin)
    .then(async (response): Promise<McpWorkerAnswer> => ({ id: call.id, status: response.status, headers: [...response.headers], body: await response.text() }))
    .catch((error: unknown): McpWorkerAnswer => {
      console.error("MCP request failed:", error instanceof Error ? error.message : error);
      return internalErrorAnswer(call.id);
    })
    .then((answer) => port.postMessage(answer));
});
