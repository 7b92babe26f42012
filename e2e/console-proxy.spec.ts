import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * The console's live-API proxy against the portal server (`npm start`), whose SAAS_API_URL is its own sandbox
 * (playwright.config.ts): every "live" call below really crosses HTTP twice, browser → proxy → sandbox.
 */

interface Tenant {
  public_key: string;
  secret_key: string;
}

const newTenant = async (request: APIRequestContext): Promise<Tenant> => {
  const res = await request.post("/sandbox/tenants", { data: { email_verification: false } });
  expect(res.status()).toBe(201);
  return res.json();
};

/** `/api/console/proxy?url=<baseURL>/sandbox<path>`, as the console's requestUrl builds it. */
const via = (baseURL: string, path: string) =>
  `/api/console/proxy?url=${encodeURIComponent(`${baseURL}/sandbox${path}`)}`;

async function registerAndLogIn(
  request: APIRequestContext,
  baseURL: string,
  key: string,
  email: string,
): Promise<string> {
  const reg = await request.post(via(baseURL, "/v1/auth/register"), {
    headers: { "X-API-Key": key },
    data: { email, password: "SecurePass123" },
  });
  expect(reg.status()).toBe(201);
  const login = await request.post(via(baseURL, "/v1/auth/login"), {
    headers: { "X-API-Key": key },
    data: { email, password: "SecurePass123" },
  });
  expect(login.status()).toBe(200);
  return (await login.json()).access_token;
}

test("refuses anything but the configured API, saying where it forwards", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign = await request.get(`/api/console/proxy?url=${encodeURIComponent("https://example.com/v1/plans")}`);
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ detail: `The console proxy only forwards to ${origin}` });
  expect(foreign.headers()["x-console-proxy"]).toBe("1");

  // The portal's own other routes, the proxy itself included, are outside SAAS_API_URL's path.
  for (const target of [
    `${origin}/api/health`,
    `${origin}/sandboxx/v1/plans`,
    `${origin}/sandbox/../api/console/proxy?url=x`,
  ]) {
    const res = await request.get(`/api/console/proxy?url=${encodeURIComponent(target)}`);
    expect(res.status(), target).toBe(403);
    expect((await res.json()).detail).toBe(`The console proxy only forwards to ${origin}/sandbox`);
  }
  const missing = await request.get("/api/console/proxy");
  expect(missing.status()).toBe(400);
  expect((await missing.json()).detail).toContain("url");
});

test("a live round trip: register, log in and read the profile through the proxy", async ({ request, baseURL }) => {
  const tenant = await newTenant(request);
  const token = await registerAndLogIn(request, baseURL!, tenant.public_key, "live@example.com");

  const wrong = await request.post(via(baseURL!, "/v1/auth/login"), {
    headers: { "X-API-Key": tenant.public_key, Cookie: "portal_session=not-for-the-api" },
    data: { email: "live@example.com", password: "WrongPass999" },
  });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).detail).toEqual(expect.any(String));

  const me = await request.get(via(baseURL!, "/v1/auth/me"), {
    headers: { "X-API-Key": tenant.public_key, Authorization: `Bearer ${token}` },
  });
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe("live@example.com");
  const headers = me.headers();
  expect(headers["x-console-proxy"]).toBe("1");
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["set-cookie"]).toBeUndefined();
  expect(headers["content-type"]).toContain("application/json");

  // The same call straight to the sandbox answers the same: the proxy adds nothing to the API's answer.
  const direct = await request.get("/sandbox/v1/auth/me", {
    headers: { "X-API-Key": tenant.public_key, Authorization: `Bearer ${token}` },
  });
  expect(await direct.json()).toEqual(
    await (
      await request.get(via(baseURL!, "/v1/auth/me"), {
        headers: { "X-API-Key": tenant.public_key, Authorization: `Bearer ${token}` },
      })
    ).json(),
  );
});

test("the API's rate limit comes through with its Retry-After", async ({ request, baseURL }) => {
  const tenant = await newTenant(request);
  const login = () =>
    request.post(via(baseURL!, "/v1/auth/login"), {
      headers: { "X-API-Key": tenant.public_key },
      data: { email: "nobody@example.com", password: "WrongPass999" },
    });
  let res = await login();
  for (let i = 0; i < 20 && res.status() !== 429; i++) res = await login();
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  expect(res.headers()["x-console-proxy"]).toBe("1");
});

test("a file goes up as multipart and comes back byte for byte, with its Content-Disposition", async ({
  request,
  baseURL,
}) => {
  const tenant = await newTenant(request);
  const token = await registerAndLogIn(request, baseURL!, tenant.public_key, "files@example.com");
  const auth = { "X-API-Key": tenant.public_key, Authorization: `Bearer ${token}` };
  const bytes = randomBytes(64 * 1024);
  const up = await request.post(via(baseURL!, "/v1/user/files?description=binary"), {
    headers: auth,
    multipart: { file: { name: "random.bin", mimeType: "application/octet-stream", buffer: bytes } },
  });
  expect(up.status()).toBe(201);
  const file = (await up.json()).file;
  const down = await request.get(via(baseURL!, `/v1/user/files/${file.id}/download`), { headers: auth });
  expect(down.status()).toBe(200);
  expect(down.headers()["content-disposition"]).toContain("random.bin");
  expect(Buffer.from(await down.body()).equals(bytes)).toBe(true);
});

test("a streamed completion arrives as server-sent events through the proxy", async ({ request, baseURL }) => {
  const tenant = await newTenant(request);
  const token = await registerAndLogIn(request, baseURL!, tenant.public_key, "stream@example.com");
  const auth = { "X-API-Key": tenant.public_key, Authorization: `Bearer ${token}` };
  // AI usage counts against an organization's plan.
  expect(
    (
      await request.post(via(baseURL!, "/v1/organizations"), {
        headers: auth,
        data: { name: "Stream Labs", slug: "stream-labs" },
      })
    ).status(),
  ).toBe(201);
  const body = { model: "gpt-4", messages: [{ role: "user", content: "Say hello through the proxy." }] };

  const whole = await request.post(via(baseURL!, "/v1/ai/completions"), { headers: auth, data: body });
  expect(whole.status()).toBe(200);
  const content: string = (await whole.json()).choices[0].message.content;

  const res = await request.post(via(baseURL!, "/v1/ai/completions"), {
    headers: { ...auth, Accept: "text/event-stream" },
    data: { ...body, stream: true },
  });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/event-stream");
  expect(res.headers()["x-console-proxy"]).toBe("1");
  const events = (await res.text())
    .split("\n\n")
    .filter(Boolean)
    .map((e) => e.replace(/^data: /, ""));
  expect(events.at(-1)).toBe("[DONE]");
  const chunks = events.slice(0, -1).map((e) => JSON.parse(e) as { choices: Array<{ delta: { content?: string } }> });
  expect(chunks.length).toBeGreaterThan(3);
  expect(chunks.map((c) => c.choices[0]!.delta.content ?? "").join("")).toBe(content);
});
