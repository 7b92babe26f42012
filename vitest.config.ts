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
    environment: "node",
    // A low scrypt cost for the many users tests make (production: 14, lib/sandbox/auth/passwords.test.ts proves it).
    env: { SANDBOX_PASSWORD_HASH_COST: "10" },
    projects: [
      {
        extends: true,
        test: {
          name: "default",
          include: ["{lib,components,app,bench,scripts}/**/*.test.ts", "{lib,components,app}/**/*.test.tsx"],
          exclude: ["**/node_modules/**", "lib/sandbox/db/postgres.test.ts", "lib/sandbox/durability.postgres.test.ts"],
        },
      },
      {
        // The sandbox's contract, isolation and story tests again, on PostgreSQL: a throwaway cluster for the run
        // (lib/sandbox/testing/postgres-global-setup.ts), a new database per test file. SQLite-only tests (query plans,
        // the SQLite crash test) stay in "default".
        extends: true,
        test: {
          name: "sandbox-postgres",
          include: [
            "lib/sandbox/handlers/*.test.ts",
            "lib/sandbox/{engine,auth,tenants}.test.ts",
            "lib/sandbox-pages/{admin,checkout-page,mail-pages,oauth-consent}.test.ts",
            "lib/sandbox/db/postgres.test.ts",
            "lib/sandbox/durability.postgres.test.ts",
          ],
          env: { SANDBOX_TEST_ENGINE: "postgres" },
          globalSetup: ["lib/sandbox/testing/postgres-global-setup.ts"],
        },
      },
    ],
  },
});
