import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Server modules say `import "server-only"`; outside React's server build that import throws, so tests get the no-op.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,components,app,bench}/**/*.test.ts", "{lib,components,app}/**/*.test.tsx"],
    environment: "node",
  },
});
