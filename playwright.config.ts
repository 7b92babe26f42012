import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/setup/chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// `next start` beside it (e2e/next-routes.spec.ts compares the two); on process.env so the tests read the same port.
const nextPort = Number((process.env.E2E_NEXT_PORT ??= "3211"));
const nextURL = `http://127.0.0.1:${nextPort}`;

// One fresh sandbox database per run, so runs never see each other's tenants or rate limits; both servers share it.
// On process.env, like the settings below, so the servers the tests start themselves get them too.
const sandboxDbPath = (process.env.SANDBOX_DB_PATH ??= join(tmpdir(), `portal-e2e-${process.pid}-${Date.now()}.db`));
// One run is one client (127.0.0.1) making a few dozen tenants, more than the 20 an hour a person gets.
const tenantsPerHour = (process.env.SANDBOX_TENANTS_PER_HOUR ??= "500");
// A low scrypt cost for the users the suite registers (production: 14, proved by lib/sandbox/auth/passwords.test.ts).
const passwordHashCost = (process.env.SANDBOX_PASSWORD_HASH_COST ??= "10");
const sandboxEnv = {
  SANDBOX_DB_PATH: sandboxDbPath,
  SANDBOX_TENANTS_PER_HOUR: tenantsPerHour,
  SANDBOX_PASSWORD_HASH_COST: passwordHashCost,
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /mobile\.spec\.ts/ },
    { name: "mobile", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: [
    {
      // The production server, as `npm start` runs it (bin/portal.mjs); `npm test` builds first (`next build`).
      command: `npm start --silent -- -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      // SAAS_API_URL: the console's "Live API" is this server's own sandbox, a real upstream behind the proxy.
      env: { ...sandboxEnv, SAAS_API_URL: `${baseURL}/sandbox` },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Next's own server on the same build and sandbox database: /api/mcp and /sandbox/v1 through the App Router routes.
      command: `npx --no-install next start -p ${nextPort} -H 127.0.0.1`,
      url: `${nextURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: { ...sandboxEnv, NEXT_TELEMETRY_DISABLED: "1" },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
