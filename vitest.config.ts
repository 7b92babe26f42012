import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["{lib,components,app,bench}/**/*.test.ts", "{lib,components,app}/**/*.test.tsx"],
    environment: "node",
  },
});
