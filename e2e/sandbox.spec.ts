import { expect, test, type APIRequestContext } from "@playwright/test";

/** The sandbox over HTTP against the portal server (`npm start`), as a developer's first hour with the API goes. */

interface Tenant {
  tenant_id: string;
  public_key: string;
  secret_key: string;
  expires_at: string;
}

async function newTenant(request: APIRequestContext, emailVerification: boolean): Promise<Tenant> {
  const res = await request.post("/sandbox/tenants", { data: { email_verification: emailVerification } });
  expect(res.status()).toBe(201);
  return res.json();
}

async function outbox(request: APIRequestContext, t: Tenant) {
  const res = await request.get("/sandbox/outbox", {
    headers: { "X-API-Key": t.secret_key, Accept: "application/json" },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).messages as Array<{
    to: string;
    kind: string;
    subject: string;
    token: string;
    link: string;
    created_at: string;
  }>;
}

const api = (request: APIRequestContext, key: string) => ({
  call: (
    method: string,
    path: string,
    opts: {
      token?: string;
      org?: string;
      data?: unknown;
      multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }>;
    } = {},
  ) =>
    request.fetch(`/sandbox${path}`, {
      method,
      headers: {
        "X-API-Key": key,
        ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.org ? { "X-Organization-Id": opts.org } : {}),
      },
      ...(opts.data !== undefined ? { data: opts.data } : {}),
      ...(opts.multipart ? { multipart: opts.multipart } : {}),
    }),
});

test("a new developer's story: register, verify, log in, organization, invitation, entities, files, chat, usage", async ({
  request,
}) => {
  test.setTimeout(120_000);
  const t = await newTenant(request, true);
  expect(t.public_key).toMatch(/^pk_live_/);
  expect(t.secret_key).toMatch(/^sk_live_/);
  const pub = api(request, t.public_key);
  const sec = api(request, t.secret_key);

  // Register: verification is on, so no tokens.
  const reg = await pub.call("POST", "/v1/auth/register", {
    data: { email: "ada@example.com", password: "SecurePass123", display_name: "Ada" },
  });
  expect(reg.status()).toBe(201);
  expect(await reg.json()).toEqual({ message: expect.any(String), verification_required: true });
  expect(
    (
      await pub.call("POST", "/v1/auth/login", { data: { email: "ada@example.com", password: "SecurePass123" } })
    ).status(),
  ).toBe(403);

  // Verify through the outbox.
  const mail = (await outbox(request, t)).find((m) => m.to === "ada@example.com" && m.kind === "verification");
  expect(mail?.token).toBeTruthy();
  expect((await pub.call("POST", "/v1/auth/verify-email", { data: { token: mail!.token } })).status()).toBe(200);

  // Log in and use the token.
  const login = await pub.call("POST", "/v1/auth/login", {
    data: { email: "ada@example.com", password: "SecurePass123" },
  });
  expect(login.status()).toBe(200);
  const { access_token: token, user } = await login.json();
  const me = await pub.call("GET", "/v1/auth/me", { token });
  expect((await me.json()).email).toBe("ada@example.com");

  // Organization, invitation of a second user, acceptance.
  const orgRes = await pub.call("POST", "/v1/organizations", { token, data: { name: "Ada Labs", slug: "ada-labs" } });
  expect(orgRes.status()).toBe(201);
  const org = await orgRes.json();
  expect(
    (
      await pub.call("POST", `/v1/organizations/${org.id}/invite`, {
        token,
        data: { email: "bob@example.com", role: "member" },
      })
    ).status(),
  ).toBe(201);
  const invite = (await outbox(request, t)).find((m) => m.to === "bob@example.com" && m.kind === "invitation");
  expect(invite?.token).toBeTruthy();
  await pub.call("POST", "/v1/auth/register", { data: { email: "bob@example.com", password: "SecurePass456" } });
  const bobMail = (await outbox(request, t)).find((m) => m.to === "bob@example.com" && m.kind === "verification");
  await pub.call("POST", "/v1/auth/verify-email", { data: { token: bobMail!.token } });
  const bob = await (
    await pub.call("POST", "/v1/auth/login", { data: { email: "bob@example.com", password: "SecurePass456" } })
  ).json();
  expect(
    (
      await pub.call("POST", "/v1/organizations/accept-invitation", {
        token: bob.access_token,
        data: { token: invite!.token },
      })
    ).status(),
  ).toBe(200);
  const members = await (await pub.call("GET", `/v1/organizations/${org.id}/members`, { token })).json();
  expect(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort()).toEqual([
    "ada@example.com:owner",
    "bob@example.com:member",
  ]);

  // Custom entities: a schema (secret key), records (public key), search with operators.
  const schemaRes = await sec.call("POST", "/v1/entity/schemas", {
    token,
    org: org.id,
    data: {
      name: "Product",
      slug: "product",
      fields_definition: {
        title: { type: "string", required: true, max_length: 100 },
        price: { type: "float", required: true, minimum: 0 },
        category: { type: "enum", values: ["books", "games"] },
      },
    },
  });
  expect(schemaRes.status()).toBe(201);
  const schema = await schemaRes.json();
  for (const [title, price, category] of [
    ["Dune", 12.5, "books"],
    ["Chess", 40, "games"],
    ["Go", 55, "games"],
  ] as const) {
    const r = await pub.call("POST", "/v1/entity/records", {
      token,
      org: org.id,
      data: { schema_id: schema.id, data: { title, price, category } },
    });
    expect(r.status()).toBe(201);
  }
  const bad = await pub.call("POST", "/v1/entity/records", {
    token,
    org: org.id,
    data: { schema_id: schema.id, data: { title: "Free", price: -1 } },
  });
  expect(bad.status()).toBe(422);
  const search = await sec.call("POST", "/v1/entity/records/search", {
    token,
    org: org.id,
    data: { schema_id: schema.id, query: { price: { operator: "gt", value: 20 }, category: "games" } },
  });
  expect(search.status()).toBe(200);
  const found = await search.json();
  expect(found.total).toBe(2);
  expect(found.items.map((r: { data: { title: string } }) => r.data.title).sort()).toEqual(["Chess", "Go"]);

  // Files: upload and download the same bytes.
  const bytes = Buffer.from("hello sandbox drive\n");
  const up = await pub.call("POST", "/v1/user/files?description=notes", {
    token,
    multipart: { file: { name: "notes.txt", mimeType: "text/plain", buffer: bytes } },
  });
  expect(up.status()).toBe(201);
  const file = (await up.json()).file;
  const down = await pub.call("GET", `/v1/user/files/${file.id}/download`, { token });
  expect(down.status()).toBe(200);
  expect(down.headers()["content-disposition"]).toContain("notes.txt");
  expect(Buffer.from(await down.body()).equals(bytes)).toBe(true);

  // Chat with an agent; usage reflects the chat.
  const before = await (await pub.call("GET", `/v1/api/usage/current?organization_id=${org.id}`, { token })).json();
  const agents = await (await pub.call("GET", "/v1/user/agents/available", { token })).json();
  const chat = await pub.call("POST", `/v1/user/agents/${agents[0].id}/chat`, {
    token,
    data: { input: "Hello there" },
  });
  expect(chat.status()).toBe(200);
  const execution = await chat.json();
  expect(execution.status).toBe("SUCCESS");
  expect(execution.output_text.length).toBeGreaterThan(0);
  const after = await (await pub.call("GET", `/v1/api/usage/current?organization_id=${org.id}`, { token })).json();
  expect(after.usage.messages.current).toBe(before.usage.messages.current + 1);
  expect(after.usage.tokens.total).toBeGreaterThan(before.usage.tokens.total);
  expect(user.email).toBe("ada@example.com");
});

test("tenants are isolated: another tenant's credentials reach nothing", async ({ request }) => {
  const a = await newTenant(request, false);
  const b = await newTenant(request, false);
  const pubA = api(request, a.public_key);
  const pubB = api(request, b.public_key);
  const ra = await (
    await pubA.call("POST", "/v1/auth/register", { data: { email: "x@example.com", password: "SecurePass123" } })
  ).json();
  const org = await (
    await pubA.call("POST", "/v1/organizations", { token: ra.access_token, data: { name: "A", slug: "a-org" } })
  ).json();
  // A's token with B's key, and B's own user, both fail to reach A's organization.
  expect((await pubB.call("GET", `/v1/organizations/${org.id}`, { token: ra.access_token })).status()).toBe(401);
  const rb = await (
    await pubB.call("POST", "/v1/auth/register", { data: { email: "x@example.com", password: "SecurePass123" } })
  ).json();
  expect([403, 404]).toContain(
    (await pubB.call("GET", `/v1/organizations/${org.id}`, { token: rb.access_token })).status(),
  );
  expect(
    (
      await pubB.call("POST", "/v1/auth/login", { data: { email: "x@example.com", password: "WrongPass123" } })
    ).status(),
  ).toBe(401);
});

test("the sandbox answers documented errors: missing key, wrong key kind, validation, unknown path", async ({
  request,
}) => {
  const t = await newTenant(request, false);
  expect((await request.get("/sandbox/v1/auth/me")).status()).toBe(401);
  const wrongKind = await api(request, t.public_key).call("GET", "/v1/billing/available-plans");
  expect(wrongKind.status()).toBe(403);
  const invalid = await api(request, t.public_key).call("POST", "/v1/auth/register", {
    data: { email: "not-an-email", password: "short" },
  });
  expect(invalid.status()).toBe(422);
  const detail = (await invalid.json()).detail as Array<{ loc: string[] }>;
  expect(detail.map((d) => d.loc.join("."))).toEqual(expect.arrayContaining(["body.email", "body.password"]));
  expect((await api(request, t.public_key).call("GET", "/v1/nothing")).status()).toBe(404);
});
