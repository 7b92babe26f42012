import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleSandboxRequest } from "@/lib/sandbox/engine";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { newTenant, TEST_PASSWORD } from "@/lib/sandbox/testing/fixtures";
import type { TenantRow } from "@/lib/sandbox/tenants";
import { generateSdk } from "./generate";

/**
 * The generated SDK, compiled and imported, against the real sandbox engine behind a real HTTP
 * server: the two sides are built from the same catalog and must agree on the wire.
 */

setupTempDatabase();

async function toWebRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD" && chunks.length > 0;
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : null,
  });
}

async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string[]> = {};
  response.headers.forEach((value, name) => {
    (headers[name] ??= []).push(value);
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length > 0) headers["set-cookie"] = setCookies;
  res.writeHead(response.status, headers);
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  }
  res.end();
}

function startSandbox(): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const port = (server.address() as AddressInfo).port;
      toWebRequest(req, `http://127.0.0.1:${port}`)
        .then((request) => handleSandboxRequest(request))
        .then((response) => sendWebResponse(response, res))
        .catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
    });
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

describe("generated SDK against the real sandbox", () => {
  let dir: string;
  let server: Server;
  let baseUrl: string;
  let sdk: SdkModule;
  let tenant: TenantRow;
  let client: Client;
  const tokenEvents: Array<Tokens | null> = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "sdk-sandbox-"));
    const js = ts.transpileModule(generateSdk(), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    const file = join(dir, "api-client.mjs");
    await writeFile(file, js);
    sdk = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as SdkModule;
    const started = await startSandbox();
    server = started.server;
    baseUrl = `${started.url}/sandbox`;
    tenant = await newTenant({ emailVerification: false });
    client = new sdk.ApiClient({ apiKey: tenant.public_key, baseUrl, onTokens: (t) => tokenEvents.push(t) });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it("register without verification stores the tokens; me answers the new user", async () => {
    const answer = (await client.authentication.register({
      email: "sdk@example.com",
      password: TEST_PASSWORD,
      display_name: "SDK User",
    })) as {
      access_token: string;
      refresh_token: string;
      user: { email: string };
    };
    expect(answer).toMatchObject({ token_type: "Bearer", user: { email: "sdk@example.com" } });
    expect(client.tokens).toEqual({ accessToken: answer.access_token, refreshToken: answer.refresh_token });
    expect(tokenEvents).toEqual([{ accessToken: answer.access_token, refreshToken: answer.refresh_token }]);
    await expect(client.authentication.me()).resolves.toMatchObject({
      email: "sdk@example.com",
      display_name: "SDK User",
    });
  });

  it("creates an organization and lists it among mine", async () => {
    const org = (await client.organizations.create({ name: "SDK Org", slug: "sdk-org" })) as { id: string };
    expect(org).toMatchObject({ name: "SDK Org", slug: "sdk-org" });
    const mine = (await client.organizations.myOrganizations()) as {
      organizations: Array<{ id: string; role: string }>;
    };
    expect(mine.organizations).toContainEqual(expect.objectContaining({ id: org.id, role: "owner" }));
  });

  it("uploads a file (multipart), downloads the same bytes, deletes it (204 → undefined)", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13, 104, 105]);
    const file = new File([bytes], "data.bin", { type: "application/octet-stream" });
    const uploaded = (await client.files.uploadFile({ description: "binary" }, { file })) as { file: { id: string } };
    expect(uploaded).toMatchObject({ file: { id: expect.any(String) } });
    const blob = (await client.files.downloadFile({ file_id: uploaded.file.id })) as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    await expect(client.files.deleteFile({ file_id: uploaded.file.id })).resolves.toBeUndefined();
    await expect(client.files.downloadFile({ file_id: uploaded.file.id })).rejects.toMatchObject({ status: 404 });
  });

  it("chats with a seeded agent", async () => {
    const agents = (await client.agents.listAvailable()) as Array<{ id: string }>;
    expect(agents.length).toBeGreaterThan(0);
    const agent = agents[0];
    if (!agent) throw new Error("no agent");
    const execution = await client.agents.chat({ agent_id: agent.id }, { input: "Hello agent" });
    expect(execution).toMatchObject({
      agent_id: agent.id,
      input_text: "Hello agent",
      output_text: expect.any(String),
      status: "SUCCESS",
    });
  });

  it("streams a completion: chunks, then the end", async () => {
    const chunks: Array<{ object: string; choices: Array<{ delta: { content?: string } }> }> = [];
    for await (const chunk of client.ai.streamCompletion({
      model: "gpt-4",
      messages: [{ role: "user", content: "Say hi" }],
    })) {
      chunks.push(chunk as (typeof chunks)[number]);
    }
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(c.object).toBe("chat.completion.chunk");
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).not.toBe("");
  });

  it("a 422 (weak password) is an ApiError with the field errors", async () => {
    const other = new sdk.ApiClient({ apiKey: tenant.public_key, baseUrl });
    const error = await other.authentication
      .register({ email: "weak@example.com", password: "short" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.ApiError);
    const apiError = error as { status: number; detail: unknown };
    expect(apiError.status).toBe(422);
    expect(Array.isArray(apiError.detail)).toBe(true);
    expect(apiError.detail).toContainEqual(
      expect.objectContaining({ loc: expect.arrayContaining(["body", "password"]), msg: expect.any(String) }),
    );
    expect(other.tokens).toBeNull();
  });

  it("a secret-only call with the public key is refused (by the SDK, and by the sandbox)", async () => {
    await expect(client.billing.listAvailablePlans()).rejects.toThrow(/secret key/);
    const raw = await fetch(`${baseUrl}/v1/billing/available-plans`, { headers: { "X-API-Key": tenant.public_key } });
    expect(raw.status).toBe(403);
  });

  it("register on a tenant with email verification stores no tokens", async () => {
    const verifying = await newTenant({ emailVerification: true });
    const events: Array<Tokens | null> = [];
    const other = new sdk.ApiClient({ apiKey: verifying.public_key, baseUrl, onTokens: (t) => events.push(t) });
    const answer = await other.authentication.register({ email: "verify@example.com", password: TEST_PASSWORD });
    expect(answer).toMatchObject({ verification_required: true });
    expect(other.tokens).toBeNull();
    expect(events).toEqual([]);
  });
});

// The generated module is imported at run time; these are the parts of its surface the tests use.
interface Tokens {
  accessToken: string;
  refreshToken?: string;
}
type Method = (...args: never[]) => Promise<unknown>;
interface Client {
  readonly tokens: Tokens | null;
  authentication: {
    register(body: { email: string; password: string; display_name?: string }): Promise<unknown>;
    me(): Promise<unknown>;
  };
  organizations: { create(body: { name: string; slug: string }): Promise<unknown>; myOrganizations: Method };
  files: {
    uploadFile(query: { description?: string }, body: { file: Blob }): Promise<unknown>;
    downloadFile(params: { file_id: string }): Promise<unknown>;
    deleteFile(params: { file_id: string }): Promise<unknown>;
  };
  agents: { listAvailable: Method; chat(params: { agent_id: string }, body: { input: string }): Promise<unknown> };
  billing: { listAvailablePlans: Method };
  ai: {
    streamCompletion(body: {
      model: string;
      messages: Array<{ role: string; content: string }>;
    }): AsyncGenerator<unknown>;
  };
}
interface SdkModule {
  ApiClient: new (options: { apiKey: string; baseUrl: string; onTokens?: (tokens: Tokens | null) => void }) => Client;
  ApiError: new (...args: never[]) => Error;
}
