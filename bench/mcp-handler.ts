/**
 * Our MCP handler in-process, without any HTTP server: CPU time per POST /api/mcp answered by
 * lib/mcp/http.ts's handleMcpPost from a web Request, as the Next route hands it over (the Request is built
 * inside the timed loop, as a server would). Run by bench/run.mjs through tsx; prints one JSON line per call.
 *
 * Usage: node --import tsx/esm bench/mcp-handler.ts '<calls JSON>' [iterations per round] [rounds]
 */
import { handleMcpPost } from "@/lib/mcp/http";

type Call = { label: string; body: string };
const calls = JSON.parse(process.argv[2] ?? "[]") as Call[];
const N = Number(process.argv[3] ?? 500);
const ROUNDS = Number(process.argv[4] ?? 7);
const headers = {
  host: "127.0.0.1:3000",
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-06-18",
};

async function once(body: string): Promise<void> {
  const res = await handleMcpPost(new Request("http://127.0.0.1:3000/api/mcp", { method: "POST", headers, body }));
  const text = await res.text();
  if (!res.ok || text.includes('"isError":true'))
    throw new Error(`not a successful answer (HTTP ${res.status}): ${text.slice(0, 300)}`);
}

for (const call of calls) {
  for (let i = 0; i < N; i++) await once(call.body); // warm-up: JIT, pooled servers, answer cache
  const perCall: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < N; i++) await once(call.body);
    const c = process.cpuUsage(c0);
    perCall.push((c.user + c.system) / N / 1000);
  }
  perCall.sort((a, b) => a - b);
  console.log(JSON.stringify({ label: call.label, minMs: perCall[0], medianMs: perCall[perCall.length >> 1] }));
}
