import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { INTERNAL_ERROR_BODY } from "./http";

/**
 * Worker threads answering MCP requests for the portal server (lib/server/portal-server.ts). The tools are pure
 * functions of the catalog, so any thread can answer; the SDK's per-request work (JSON-RPC parsing, zod
 * validation, serialisation) then runs beside the thread that parses HTTP and serves the site, and a 2-core
 * machine answers with both cores. The main thread still checks Host and Origin and reads the body under the
 * cap; a worker answers the rest exactly as /api/mcp does (lib/mcp/http.ts answerMcpBody).
 */

/** A request for a worker: checked, its body read. `origin`: where answers link to. */
export interface McpWorkerCall {
  id: number;
  url: string;
  /** node:http's rawHeaders: names and values in turn. */
  headers: string[];
  body: string;
  origin: string | undefined;
  /** The client's address, for the sandbox tools' per-client limits. */
  client: string;
}

/** A worker's answer; its body's bytes are transferred to the main thread, not copied. */
export interface McpWorkerAnswer {
  id: number;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** MCP_WORKERS: how many threads answer MCP; 0 answers on the main thread. Default: 1 when there are 2 or more cores. */
export function mcpWorkerCount(env: Record<string, string | undefined> = process.env): number {
  const raw = env.MCP_WORKERS?.trim();
  if (raw) {
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 0 && n <= 64) return n;
    console.warn(`MCP_WORKERS must be a whole number from 0 to 64, not "${raw}"; using the default`);
  }
  return availableParallelism() >= 2 ? 1 : 0;
}

/** The answer to a request that failed inside a worker, or whose worker died: JSON-RPC -32603, HTTP 500. */
export const internalErrorAnswer = (id: number): McpWorkerAnswer => ({
  id,
  status: 500,
  headers: [["content-type", "application/json"]],
  body: new TextEncoder().encode(INTERNAL_ERROR_BODY).buffer,
});

interface Slot {
  worker: Worker;
  pending: Map<number, (answer: McpWorkerAnswer) => void>;
  answered: boolean;
}

/** Workers that die this many times in a row before answering anything are given up on. */
const MAX_FAILED_STARTS = 3;

export interface McpWorkerPool {
  /** Requests waiting on the least busy worker; null when the pool has given up. */
  leastPending(): number | null;
  /** The worker's answer; a 500 JSON-RPC error when the worker dies first. Null when the pool has given up (answer in-thread). */
  answer(call: Omit<McpWorkerCall, "id">): Promise<McpWorkerAnswer> | null;
  close(): Promise<void>;
}

/**
 * A worker's entry: built by `npm run build` (scripts/build-server.mjs) beside the chunk this code is bundled in;
 * run from the TypeScript source (the tests), worker-entry.mjs, which loads worker.ts through tsx.
 */
const workerEntry = () => new URL(import.meta.url.endsWith(".ts") ? "./worker-entry.mjs" : "./mcp-worker.mjs", import.meta.url);

export function createMcpWorkerPool(size: number, entry = workerEntry()): McpWorkerPool {
  const slots: Slot[] = [];
  let nextId = 1;
  let failedStarts = 0;
  let closing = false;

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(entry), pending: new Map(), answered: false };
    slot.worker.on("message", (answer: McpWorkerAnswer) => {
      slot.answered = true;
      failedStarts = 0;
      const resolve = slot.pending.get(answer.id);
      slot.pending.delete(answer.id);
      resolve?.(answer);
    });
    slot.worker.on("error", (error) => console.error("MCP worker failed:", error.message));
    slot.worker.on("exit", (code) => {
      for (const [id, resolve] of slot.pending) resolve(internalErrorAnswer(id));
      slot.pending.clear();
      const at = slots.indexOf(slot);
      if (at !== -1) slots.splice(at, 1);
      if (closing) return;
      if (!slot.answered) failedStarts += 1;
      if (failedStarts >= MAX_FAILED_STARTS) {
        console.error(`MCP workers exited ${failedStarts} times before answering (last code ${code}); answering MCP on the main thread`);
        return;
      }
      slots.push(spawn());
    });
    return slot;
  }

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    leastPending() {
      return slots.length ? Math.min(...slots.map((s) => s.pending.size)) : null;
    },
    answer(call) {
      // The least busy worker; none left when they kept dying.
      let slot: Slot | undefined;
      for (const s of slots) if (!slot || s.pending.size < slot.pending.size) slot = s;
      if (!slot) return null;
      const id = nextId++;
      const chosen = slot;
      return new Promise((resolve) => {
        chosen.pending.set(id, resolve);
        chosen.worker.postMessage({ ...call, id } satisfies McpWorkerCall);
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
