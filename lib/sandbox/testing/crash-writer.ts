/**
 * A child process for the durability test (durability.test.ts): opens the sandbox store at SANDBOX_DB_PATH, makes a
 * tenant, user, organization and entity schema, prints `ready <tenant id> <schema id>`, then creates records through
 * the engine (POST /v1/entity/records) without end, printing `ack <record id>` once each 201 has come back. The test
 * kills it with SIGKILL mid-stream. Run: node --conditions=react-server --import tsx lib/sandbox/testing/crash-writer.ts
 */
import { insertOrganization } from "../resources/organization";
import { getStore } from "../store";
import { sandboxClient } from "./client";
import { newTenant, newUser } from "./fixtures";

const write = (line: string) => new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()));

async function main(): Promise<void> {
  const tenant = await newTenant();
  const { user, tokens } = await newUser(tenant);
  const org = (
    await insertOrganization(await getStore(), tenant.id, user.id, { name: "Crash", slug: "crash" }, new Date())
  ).id;
  const client = sandboxClient(tenant);
  const opts = { key: "secret" as const, token: tokens.access_token, org };
  const res = await client.call("POST", "/v1/entity/schemas", {
    ...opts,
    body: {
      name: "Writes",
      slug: "writes",
      fields_definition: { n: { type: "integer", required: true }, note: { type: "string" } },
    },
  });
  if (res.status !== 201) throw new Error(`schema: HTTP ${res.status} ${await res.text()}`);
  const schema = (await res.json()) as { id: string };
  await write(`ready ${tenant.id} ${schema.id}`);
  for (let n = 0; ; n++) {
    const created = await client.call("POST", "/v1/entity/records", {
      ...opts,
      body: { schema_id: schema.id, data: { n, note: "x".repeat(n % 500) } },
    });
    if (created.status !== 201) throw new Error(`record ${n}: HTTP ${created.status} ${await created.text()}`);
    const record = (await created.json()) as { id: string };
    await write(`ack ${record.id}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
