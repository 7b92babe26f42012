#!/usr/bin/env node
/**
 * `npm run build`, after `next build`: bundles the TypeScript that bin/portal.mjs, bin/mcp-http.mjs and
 * bin/mcp-stdio.mjs run into plain ESM in .next/portal-server/ (Next's build empties .next first, so this runs
 * after it). Packages stay imports of node_modules; our own modules (the `@/` alias) are bundled, and
 * `server-only` becomes the no-op it is in Next's server build.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, ".next", "portal-server");

/** `import "server-only"` throws outside React's server build; in this bundle it is empty, as on Next's server. */
const serverOnly = {
  name: "server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: {
    "portal-server": "lib/server/portal-server.ts",
    "mcp-node-server": "lib/mcp/node-server.ts",
    "mcp-http": "lib/mcp/http.ts",
    "mcp-stdio": "lib/mcp/stdio.ts",
  },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  tsconfig: join(root, "tsconfig.json"),
  plugins: [serverOnly],
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`Server code built into ${outdir.slice(root.length + 1)}/ in ${Date.now() - started} ms`);
