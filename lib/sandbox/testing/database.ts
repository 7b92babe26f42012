import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeStore, getStore } from "../store";

/**
 * Points the sandbox at a fresh SQLite file for this test file (SANDBOX_DB_PATH) and removes it
 * afterwards. Call at the top of a test file; use getStore() inside tests.
 */
export function setupTempDatabase(): { readonly path: string } {
  const state = { path: "" };
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sandbox-test-"));
    state.path = join(dir, "sandbox.db");
    process.env.SANDBOX_DB_PATH = state.path;
    await getStore();
  });
  afterAll(async () => {
    await closeStore();
    rmSync(dir, { recursive: true, force: true });
  });
  return state;
}
