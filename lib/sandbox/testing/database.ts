import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeStore, getStore } from "../store";
import { databaseUrlOn } from "./postgres-cluster.mjs";

/** The engine this test run's sandbox uses: the "postgres" vitest project sets SANDBOX_TEST_ENGINE. */
export const testEngine = (): "sqlite" | "postgres" =>
  process.env.SANDBOX_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";

/**
 * Points the sandbox at a fresh database for this test file and removes it afterwards: a SQLite file
 * (SANDBOX_DB_PATH), or under the "postgres" project a new database on the run's throwaway cluster
 * (SANDBOX_DATABASE_URL). Call at the top of a test file; use getStore() inside tests.
 */
export function setupTempDatabase(): { readonly path: string } {
  const state = { path: "" };
  let dir = "";
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (testEngine() === "postgres") {
      const cluster = inject("postgresClusterUrl");
      const name = `sandbox_test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: cluster });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      state.path = databaseUrlOn(cluster, name);
      process.env.SANDBOX_DATABASE_URL = state.path;
      dropDatabase = async () => {
        const c = new pg.Client({ connectionString: cluster });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    } else {
      dir = mkdtempSync(join(tmpdir(), "sandbox-test-"));
      state.path = join(dir, "sandbox.db");
      process.env.SANDBOX_DB_PATH = state.path;
    }
    await getStore();
  });
  afterAll(async () => {
    await closeStore();
    if (dropDatabase) await dropDatabase();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return state;
}
