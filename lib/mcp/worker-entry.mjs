// Entry of an MCP worker thread (lib/mcp/worker-pool.ts): loads the TypeScript handler through tsx, as the
// portal server's main thread does (loader hooks are per thread).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
register({ tsconfig: join(root, "tsconfig.server.json") });
await import("./worker.ts");
