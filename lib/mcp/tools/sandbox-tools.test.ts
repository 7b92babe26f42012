import { describe, expect, it } from "vitest";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { mcpClient } from "../client-address";
import { MAX_ANSWER_CHARS } from "../config";
import { callSandbox, createSandboxTenant, readSandboxOutbox } from "./sandbox-tools";

setupTempDatabase();

type Tenant = { tenant_id: string; public_key: string; secret_key: string; sandbox_base_url: string };
type Answer = {
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
  events?: string[];
  download?: { size: number; first_bytes_text: string | null };
};

let clients = 0;
/** Each test is its own MCP client address, so the per-client tenant limit never spills between tests. */
const asClient = <T>(fn: () => Promise<T>, address = `192.0.2.${++clients}`) => mcpClient.run(address, fn);

const call = async (args: Record<string, unknown>) => {
  const a = await callSandbox.run(callSandbox.input.parse(args));
  return { ...a, data: a.structured as Answer };
};
const tenant = async (email_verification = false) =>
  (await createSandboxTenant.run({ email_verification })).structured as Tenant;

/** A user with a token on a fresh tenant. */
async function signedIn(t: Tenant, email = "ada@example.com") {
  const reg = await call({
    method: "POST",
    path: "/v1/auth/register",
    api_key: t.public_key,
    body: { email, password: "SecurePass123" },
  });
  expect(reg.data.status, reg.text).toBe(201);
  return String(reg.data.body?.access_token);
}

describe("sandbox tools, on a real sandbox database", () => {
  it("runs the whole chain: tenant, register, mailed token, verify, login, me, organization, upload, download, stream", () =>
    asClient(async () => {
      const t = await tenant(true);
      expect(t.sandbox_base_url).toMatch(/\/sandbox$/);
      const reg = await call({
        method: "POST",
        path: "/v1/auth/register",
        api_key: t.public_key,
        body: { email: "ada@example.com", password: "SecurePass123" },
      });
      expect(reg.data.body).toMatchObject({ verification_required: true });
      const mail = await readSandboxOutbox.run({ secret_key: t.secret_key, kind: "verification" });
      const token = (mail.structured as { messages: Array<{ token: string | null }> }).messages[0]?.token;
      expect(token).toBeTruthy();
      expect(
        (await call({ method: "POST", path: "/v1/auth/verify-email", api_key: t.public_key, body: { token } })).data
          .status,
      ).toBe(200);
      const login = await call({
        method: "post",
        path: "/v1/auth/login",
        api_key: t.public_key,
        body: JSON.stringify({ email: "ada@example.com", password: "SecurePass123" }),
      });
      expect(login.data.status).toBe(200);
      const access = String(login.data.body?.access_token);
      const me = await call({ method: "GET", path: "/v1/auth/me", api_key: t.public_key, access_token: access });
      expect([me.data.status, me.data.body?.email]).toEqual([200, "ada@example.com"]);
      const org = await call({
        method: "POST",
        path: "/v1/organizations",
        api_key: t.public_key,
        access_token: access,
        body: { name: "Acme", slug: "acme" },
      });
      expect(org.data.status, org.text).toBe(201);
      const text = "hello sandbox\nsecond line é\n";
      const up = await call({
        method: "POST",
        path: "/v1/user/files",
        api_key: t.public_key,
        access_token: access,
        file: { filename: "notes.txt", content_type: "text/plain", text },
      });
      expect(up.data.status, up.text).toBe(201);
      const fileId = String((up.data.body?.file as { id: string }).id);
      const down = await call({
        method: "GET",
        path: `/v1/user/files/${fileId}/download`,
        api_key: t.public_key,
        access_token: access,
      });
      expect(down.data.status).toBe(200);
      expect(down.data.download).toMatchObject({ size: Buffer.byteLength(text), first_bytes_text: text });
      expect(down.data.headers["content-disposition"]).toContain("notes.txt");
      const stream = await call({
        method: "POST",
        path: "/v1/ai/completions",
        api_key: t.public_key,
        access_token: access,
        organization_id: String(org.data.body?.id),
        body: { model: "gpt-4", messages: [{ role: "user", content: "Say hi" }], stream: true },
      });
      expect(stream.data.status, stream.text).toBe(200);
      expect(stream.data.events?.at(-1)).toBe("[DONE]");
      expect(stream.text).toMatch(/Streamed text: .*Say hi/);
    }));

  it("answers a 4xx as an ordinary answer with the API's body and headers", () =>
    asClient(async () => {
      const t = await tenant();
      const me = await call({ method: "GET", path: "/v1/auth/me", api_key: t.public_key });
      expect(me.isError).toBeFalsy();
      expect([me.data.status, me.data.body, me.data.headers["www-authenticate"]]).toEqual([
        401,
        { detail: "Not authenticated" },
        "Bearer",
      ]);
      const bad = await call({
        method: "POST",
        path: "/v1/auth/login",
        api_key: "pk_live_nope",
        body: { email: "a@example.com", password: "x" },
      });
      expect([bad.data.status, bad.data.body]).toEqual([401, { detail: "Invalid API key" }]);
    }));

  it("keeps tenants apart: tenant A's keys and token cannot read tenant B's file or organization", () =>
    asClient(async () => {
      const [a, b] = [await tenant(), await tenant()];
      const tokenA = await signedIn(a);
      const tokenB = await signedIn(b);
      const up = await call({
        method: "POST",
        path: "/v1/user/files",
        api_key: b.public_key,
        access_token: tokenB,
        file: { filename: "b.txt", content_type: "text/plain", text: "tenant B only" },
      });
      const fileId = String((up.data.body?.file as { id: string }).id);
      const org = await call({
        method: "POST",
        path: "/v1/organizations",
        api_key: b.public_key,
        access_token: tokenB,
        body: { name: "B", slug: "b-org" },
      });
      const orgId = String(org.data.body?.id);
      expect(
        (
          await call({
            method: "GET",
            path: `/v1/user/files/${fileId}/download`,
            api_key: a.public_key,
            access_token: tokenA,
          })
        ).data.status,
      ).toBe(404);
      expect(
        (await call({ method: "GET", path: `/v1/organizations/${orgId}`, api_key: a.public_key, access_token: tokenA }))
          .data.status,
      ).toBe(404);
      // B's token with A's key: the token belongs to another tenant.
      expect(
        (await call({ method: "GET", path: "/v1/auth/me", api_key: a.public_key, access_token: tokenB })).data.status,
      ).toBe(401);
      expect((await readSandboxOutbox.run({ secret_key: a.public_key })).isError).toBe(true);
    }));

  it.each([
    "http://evil.example/v1/auth/me",
    "https://localhost:3000/sandbox/v1/auth/me",
    "//evil.example/v1/auth/me",
    "/v1/../../api/mcp",
    "/v1/auth/%2e%2e/me",
    "/v1\\..\\x",
    "/api/mcp",
    "javascript:alert(1)",
  ])("refuses %s as a tool error naming the nearest endpoint", async (path) => {
    const a = await callSandbox.run(callSandbox.input.parse({ method: "GET", path, api_key: "pk_live_x" }));
    expect(a.isError).toBe(true);
    expect(a.text).toMatch(/not (a sandbox|an API) path/);
  });

  it("says what to fix for requests it cannot make", async () => {
    const run = async (args: Record<string, unknown>) =>
      callSandbox.run(callSandbox.input.parse({ api_key: "pk_live_x", ...args }));
    expect((await run({ method: "GET", path: "/v1/auth/signin" })).text).toMatch(
      /No endpoint matches[\s\S]*Nearest endpoints: .*\/v1\/auth\//,
    );
    expect((await run({ method: "DELETE", path: "/v1/auth/login" })).text).toContain("POST /v1/auth/login");
    expect((await run({ method: "POST", path: "/v1/auth/login", body: "{not json" })).text).toContain("not JSON");
    expect(
      (await run({ method: "POST", path: "/v1/auth/login", file: { filename: "a.txt", text: "x" } })).text,
    ).toContain("takes no file");
    expect((await run({ method: "GET", path: "/v1/organizations/{organization_id}" })).text).toContain(
      "pass organization_id",
    );
    expect((await run({ method: "GET", path: "/v1/user/files/{file_id}/download" })).text).toContain("{file_id}");
    expect(
      (await run({ method: "POST", path: "/v1/user/files", file: { filename: "a.bin", base64: "***" } })).text,
    ).toContain("not valid base64");
    expect(
      callSandbox.input.safeParse({
        method: "GET",
        path: "/v1/auth/me",
        api_key: "k",
        file: { filename: "a", text: "x", base64: "eA==" },
      }).success,
    ).toBe(false);
    for (const args of [
      { method: "GET", path: "/v1/auth/signin" },
      { method: "DELETE", path: "/v1/auth/login" },
    ])
      expect((await run(args)).isError).toBe(true);
  });

  it("fills {organization_id} from organization_id and keeps long answers within the budget, saying so", () =>
    asClient(async () => {
      const t = await tenant();
      const token = await signedIn(t);
      const ids: string[] = [];
      for (const slug of ["big-1", "big-2"]) {
        const org = await call({
          method: "POST",
          path: "/v1/organizations",
          api_key: t.public_key,
          access_token: token,
          body: { name: slug, slug, description: "d".repeat(8_000) },
        });
        expect([org.data.status, org.structured]).toEqual([201, expect.objectContaining({ truncated: false })]);
        ids.push(String(org.data.body?.id));
      }
      const got = await call({
        method: "GET",
        path: "/v1/organizations/{organization_id}",
        organization_id: ids[1],
        api_key: t.public_key,
        access_token: token,
      });
      expect([got.data.status, got.data.body?.slug]).toEqual([200, "big-2"]);
      const all = await call({
        method: "GET",
        path: "/v1/organizations/my-organizations",
        api_key: t.public_key,
        access_token: token,
      });
      expect(all.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
      expect(all.text).toContain("Answer cut");
      expect(all.structured).toMatchObject({ status: 200, truncated: true });
    }));

  it("counts new tenants per MCP client address, as POST /sandbox/tenants counts per IP", async () => {
    const address = "198.51.100.7";
    for (let i = 0; i < 20; i++)
      expect(
        (await asClient(() => createSandboxTenant.run({ email_verification: false }), address)).isError,
      ).toBeFalsy();
    const refused = await asClient(() => createSandboxTenant.run({ email_verification: false }), address);
    expect([refused.isError, refused.text]).toEqual([
      true,
      expect.stringMatching(/429 Too many requests \(retry after \d+ s\)/),
    ]);
    expect(
      (await asClient(() => createSandboxTenant.run({ email_verification: false }), "198.51.100.8")).isError,
    ).toBeFalsy();
  });

  it("reads the outbox only with a live tenant's secret key, filtered by address and kind", () =>
    asClient(async () => {
      const t = await tenant(true);
      for (const email of ["a@example.com", "b@example.com"])
        await call({
          method: "POST",
          path: "/v1/auth/register",
          api_key: t.public_key,
          body: { email, password: "SecurePass123" },
        });
      const all = (await readSandboxOutbox.run({ secret_key: t.secret_key })).structured as {
        messages: Array<{ to: string }>;
      };
      expect(all.messages.map((m) => m.to)).toEqual(["b@example.com", "a@example.com"]);
      const one = (await readSandboxOutbox.run({ secret_key: t.secret_key, to: "A@example.com" })).structured as {
        messages: Array<{ to: string }>;
      };
      expect(one.messages.map((m) => m.to)).toEqual(["a@example.com"]);
      expect((await readSandboxOutbox.run({ secret_key: t.secret_key, kind: "invitation" })).text).toMatch(/^No mails/);
      const wrong = await readSandboxOutbox.run({ secret_key: "sk_live_unknown" });
      expect([wrong.isError, wrong.text]).toEqual([true, expect.stringContaining("Invalid API key")]);
    }));
});
