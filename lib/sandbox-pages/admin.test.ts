import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as resetTenant } from "@/app/sandbox/tenants/reset/route";
import { GET as outbox } from "@/app/sandbox/outbox/messages/route";
import { POST as createTenant } from "@/app/sandbox/tenants/route";
import { getStore } from "@/lib/sandbox/store";
import { OUTBOX_PUBLIC_KEY_REFUSAL } from "./admin";
import { sendMail } from "@/lib/sandbox/outbox";
import { getDemoTenant } from "@/lib/sandbox/tenants";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { sandboxClient } from "@/lib/sandbox/testing/client";

setupTempDatabase();

const url = (path: string) => `http://sandbox.test${path}`;
const post = (path: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
  new Request(url(path), {
    method: "POST",
    body: init.body,
    headers: { "x-forwarded-for": "192.0.2.50", ...init.headers },
  });

describe("POST /sandbox/tenants", () => {
  it("creates a tenant and answers its keys once", async () => {
    const res = await createTenant(post("/sandbox/tenants", { body: JSON.stringify({ email_verification: true }) }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      public_key: expect.stringMatching(/^pk_live_/),
      secret_key: expect.stringMatching(/^sk_live_/),
      email_verification: true,
    });
    const providers = await sandboxClient(null).call("GET", "/v1/auth/providers", { key: body.public_key as string });
    expect(providers.status).toBe(200);
  });

  it("takes an empty body, and validates a given one", async () => {
    const empty = await createTenant(post("/sandbox/tenants"));
    expect(((await empty.json()) as { email_verification: boolean }).email_verification).toBe(false);
    const bad = await createTenant(post("/sandbox/tenants", { body: JSON.stringify({ email_verification: "yes" }) }));
    expect([bad.status, await bad.json()]).toEqual([
      422,
      { detail: [{ loc: ["body", "email_verification"], msg: "Input should be a valid boolean", type: "bool_type" }] },
    ]);
  });
});

describe("POST /sandbox/tenants per client and hour", () => {
  afterEach(() => vi.unstubAllEnvs());
  const from = (ip: string) => createTenant(post("/sandbox/tenants", { headers: { "x-forwarded-for": ip } }));

  it("20 by default, then 429 with Retry-After; other clients are not affected", async () => {
    vi.stubEnv("SANDBOX_TENANTS_PER_HOUR", "");
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await from("192.0.2.60")).status);
    expect(statuses).toEqual([...Array<number>(20).fill(201), 429]);
    expect((await from("192.0.2.60")).headers.get("retry-after")).toBe("3600");
    expect((await from("192.0.2.61")).status).toBe(201);
  });

  it("SANDBOX_TENANTS_PER_HOUR sets the number", async () => {
    vi.stubEnv("SANDBOX_TENANTS_PER_HOUR", "2");
    const statuses = [await from("192.0.2.62"), await from("192.0.2.62"), await from("192.0.2.62")].map(
      (r) => r.status,
    );
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe("POST /sandbox/tenants/reset", () => {
  it("needs the secret key, then resets", async () => {
    const res = await createTenant(post("/sandbox/tenants"));
    const keys = (await res.json()) as { tenant_id: string; public_key: string; secret_key: string };
    const tenant = (await (
      await getStore()
    ).get<{ id: string }>(`SELECT * FROM tenants WHERE id = ?`, [keys.tenant_id]))!;
    expect(tenant).toBeDefined();
    const none = await resetTenant(post("/sandbox/tenants/reset"));
    expect([none.status, await none.json()]).toEqual([401, { detail: "API key required" }]);
    const pub = await resetTenant(post("/sandbox/tenants/reset", { headers: { "x-api-key": keys.public_key } }));
    expect(pub.status).toBe(403);
    const ok = await resetTenant(post("/sandbox/tenants/reset", { headers: { "x-api-key": keys.secret_key } }));
    expect([ok.status, await ok.json()]).toEqual([200, { message: "Tenant reset", tenant_id: keys.tenant_id }]);
  });
});

describe("GET /sandbox/outbox", () => {
  it("JSON needs the secret key and lists the tenant's mail, newest first", async () => {
    const demo = (await getDemoTenant(await getStore()))!;
    await sendMail(
      await getStore(),
      demo.id,
      {
        to: "a@example.com",
        kind: "verification",
        subject: "First",
        body: "1",
        token: "t1",
        link: "https://x.test/?token=t1",
      },
      new Date(1_000),
    );
    await sendMail(
      await getStore(),
      demo.id,
      { to: "b@example.com", kind: "password_reset", subject: "Second <b>", body: "2" },
      new Date(2_000),
    );
    const accept = { accept: "application/json" };
    const res = await outbox(
      new Request(url("/sandbox/outbox"), { headers: { ...accept, "x-api-key": demo.secret_key } }),
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { messages } = (await res.json()) as { messages: Array<Record<string, unknown>> };
    expect(messages.map((m) => m.subject)).toEqual(["Second <b>", "First"]);
    expect(messages[1]).toEqual({
      to: "a@example.com",
      kind: "verification",
      subject: "First",
      body: "1",
      token: "t1",
      link: "https://x.test/?token=t1",
      created_at: new Date(1_000).toISOString(),
    });
  });

  it("refuses a public key with a sentence saying why, and never reads a key from the URL", async () => {
    const t = await createTenant(post("/sandbox/tenants"));
    const keys = (await t.json()) as { public_key: string; secret_key: string };
    const pub = await outbox(
      new Request(url("/sandbox/outbox"), { headers: { accept: "application/json", "x-api-key": keys.public_key } }),
    );
    expect([pub.status, await pub.json()]).toEqual([403, { detail: OUTBOX_PUBLIC_KEY_REFUSAL }]);
    expect(OUTBOX_PUBLIC_KEY_REFUSAL).toMatch(/secret key .*password-reset/);
    for (const key of [keys.public_key, keys.secret_key]) {
      const inUrl = await outbox(
        new Request(url(`/sandbox/outbox?key=${key}`), { headers: { accept: "application/json" } }),
      );
      expect([inUrl.status, await inUrl.json()]).toEqual([401, { detail: "API key required" }]);
    }
    const unknown = await outbox(new Request(url("/sandbox/outbox"), { headers: { "x-api-key": "sk_live_nope" } }));
    expect([unknown.status, await unknown.json()]).toEqual([401, { detail: "Invalid API key" }]);
  });
});
