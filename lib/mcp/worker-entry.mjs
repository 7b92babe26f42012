// Entry of an MCP worker thread when the pool runs from the TypeScript sources (the tests): loads worker.ts through
// tsx (loader hooks are per thread). The built server (`npm run build`) starts .next/portal-server/mcp-worker.mjs.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// tsconfig.server.json turns `server-only` into the no-op it is on Next's server.
register({ tsconfig: join(root, "tsconfig.server.json") });
await import("./worker.ts");
