import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { setupTempDatabase } from "./testing/database";

/**
 * The crash test of durability.test.ts on PostgreSQL (the "sandbox-postgres" project): a child process writes records
 * through the engine into this file's database, reporting each after its 201, and is killed with SIGKILL mid-write.
 * Every acknowledged record must be there: the server committed it before the answer left.
 */
const db = setupTempDatabase();

describe("a crash mid-write on PostgreSQL", () => {
  it("loses no acknowledged record", { timeout: 120_000 }, async () => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/sandbox/testing/crash-writer.ts"],
      {
        env: { ...process.env, SANDBOX_DATABASE_URL: db.path },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on("exit", (code, signal) => resolve(signal ?? code)),
    );

    let schemaId: string | undefined;
    const acked: string[] = [];
    const killAfter = 150 + Math.floor(Math.random() * 100);
    for await (const line of createInterface({ input: child.stdout })) {
      const [kind, a, b] = line.split(" ");
      if (kind === "ready") schemaId = b;
      if (kind === "ack") acked.push(a!);
      if (acked.length === killAfter) {
        child.kill("SIGKILL");
        break;
      }
    }
    expect(await exited, `the writer stopped on its own:\n${stderr}`).toBe("SIGKILL");
    expect(schemaId).toBeDefined();
    expect(acked).toHaveLength(killAfter);

    const client = new pg.Client({ connectionString: db.path });
    await client.connect();
    try {
      const rows = await client.query<{ id: string }>(`SELECT id FROM entity_records WHERE schema_id = $1`, [schemaId]);
      const present = new Set(rows.rows.map((r) => r.id));
      expect(acked.filter((id) => !present.has(id))).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
