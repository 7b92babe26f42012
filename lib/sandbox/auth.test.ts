import { beforeAll, describe, expect, it } from "vitest";
import type { TokenResponse } from "@/lib/catalog/schemas/auth";
import { listMail } from "./outbox";
import { closeStore, getStore } from "./store";
import type { TenantRow } from "./tenants";
import { expectMatchesCatalog } from "./testing/catalog";
import { sandboxClient, type SandboxClient } from "./testing/client";
import { setupTempDatabase } from "./testing/database";
import { newTenant, newUser, TEST_PASSWORD } from "./testing/fixtures";

setupTempDatabase();

type Detail = { detail: string };
type Message = { message: string };

let ips = 0;
/** Registers from a fresh IP: registration allows 3 per hour per IP. */
function register(client: SandboxClient, email: string, password = TEST_PASSWORD, extra: Record<string, unknown> = {}) {
  ips += 1;
  return client.call("POST", "/v1/auth/register", { body: { email, password, ...extra }, ip: `192.0.2.${ips}` });
}

const lastMail = async (tenant: TenantRow, kind: string) =>
  (await listMail(await getStore(), tenant.id)).find((m) => m.kind === kind);

describe("the email-verification story", () => {
  let tenant: TenantRow;
  let client: SandboxClient;
  beforeAll(async () => {
    tenant = await newTenant({ emailVerification: true });
    client = sandboxClient(tenant);
  });

  it("register → verify → login → me → refresh → logout → refresh fails", async () => {
    const registered = await register(client, "Ada@Example.com", TEST_PASSWORD, {
      display_name: "Ada",
      return_to: "https://app.example.com/verify",
    });
    expect(registered.status).toBe(201);
    expect(await expectMatchesCatalog("authentication.register", registered)).toEqual({
      message: "Registration successful. Please check your email to verify your account.",
      verification_required: true,
    });

    const early = await client.call("POST", "/v1/auth/login", {
      body: { email: "ada@example.com", password: TEST_PASSWORD },
    });
    expect([early.status, (await expectMatchesCatalog<Detail>("authentication.login", early)).detail]).toEqual([
      403,
      "Email not verified",
    ]);

    const mail = await lastMail(tenant, "verification");
    expect(mail).toMatchObject({ to: "ada@example.com", subject: "Verify your email address" });
    // return_to on another origin than the portal's: the sandbox links to its own page instead, and says why.
    expect(mail!.link).toBe(`http://sandbox.test/sandbox/verify-email?token=${mail!.token}`);
    expect(mail!.body).toContain("did not use return_to https://app.example.com/verify");

    const verified = await client.call("POST", "/v1/auth/verify-email", { body: { token: mail!.token } });
    expect(await expectMatchesCatalog<Message>("authentication.verify-email", verified)).toEqual({
      message: "Email verified successfully",
    });
    const again = await client.call("POST", "/v1/auth/verify-email", { body: { token: mail!.token } });
    expect([again.status, (await expectMatchesCatalog<Detail>("authentication.verify-email", again)).detail]).toEqual([
      400,
      "Invalid or expired verification token",
    ]);

    const login = await client.call("POST", "/v1/auth/login", {
      body: { email: "ADA@example.com", password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    const session = await expectMatchesCatalog<TokenResponse>("authentication.login", login);
    expect(session).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      user: { email: "ada@example.com", display_name: "Ada", is_active: true },
    });

    const me = await client.call("GET", "/v1/auth/me", { token: session.access_token });
    expect(await expectMatchesCatalog("authentication.me", me)).toEqual(session.user);

    const refreshed = await client.call("POST", "/v1/auth/refresh", { body: { refresh_token: session.refresh_token } });
    const renewed = await expectMatchesCatalog<TokenResponse>("authentication.refresh", refreshed);
    expect(renewed.refresh_token).toBe(session.refresh_token);
    expect(renewed.access_token).not.toBe(session.access_token);

    const logout = await client.call("POST", "/v1/auth/logout", { token: renewed.access_token });
    expect(await expectMatchesCatalog("authentication.logout", logout)).toEqual({ message: "Successfully logged out" });

    const dead = await client.call("POST", "/v1/auth/refresh", { body: { refresh_token: session.refresh_token } });
    expect([dead.status, (await expectMatchesCatalog<Detail>("authentication.refresh", dead)).detail]).toEqual([
      401,
      "Invalid refresh token",
    ]);
    const gone = await client.call("GET", "/v1/auth/me", { token: session.access_token });
    expect([gone.status, (await expectMatchesCatalog<Detail>("authentication.me", gone)).detail]).toEqual([
      401,
      "Could not validate credentials",
    ]);
  });

  it("verify-email-with-token needs no API key: the token names the tenant", async () => {
    await register(client, "grace@example.com");
    const token = (await lastMail(tenant, "verification"))!.token!;
    expect((await lastMail(tenant, "verification"))!.link).toBe(
      `http://sandbox.test/sandbox/verify-email?token=${token}`,
    );
    const res = await client.call("POST", "/v1/auth/verify-email-with-token", { key: null, body: { token } });
    expect(await expectMatchesCatalog("authentication.verify-email-with-token", res)).toEqual({
      message: "Email verified successfully",
    });
    const login = await client.call("POST", "/v1/auth/login", {
      body: { email: "grace@example.com", password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
  });

  it("resend-verification mails a new token, and answers the same for unknown emails", async () => {
    await register(client, "linus@example.com");
    const first = (await lastMail(tenant, "verification"))!.token;
    const res = await client.call("POST", "/v1/auth/resend-verification", { body: { email: "linus@example.com" } });
    expect(await expectMatchesCatalog("authentication.resend-verification", res)).toEqual({
      message: "Verification email sent",
    });
    const second = (await lastMail(tenant, "verification"))!;
    expect([second.to, second.token === first]).toEqual(["linus@example.com", false]);
    const unknown = await client.call("POST", "/v1/auth/resend-verification", {
      body: { email: "nobody@example.com" },
    });
    expect([unknown.status, (await lastMail(tenant, "verification"))!.id]).toEqual([200, second.id]);
  });
});

describe("URLs taken from input", () => {
  let tenant: TenantRow;
  let client: SandboxClient;
  beforeAll(async () => {
    tenant = await newTenant({ emailVerification: true });
    client = sandboxClient(tenant);
  });

  it.each([
    "javascript:alert(document.domain)//",
    "data:text/html,<script>alert(1)</script>",
    "JavaScript:alert(1)",
    "vbscript:msgbox(1)",
  ])("register refuses return_to %s with 422 naming return_to, and mails nothing", async (returnTo) => {
    const res = await register(client, "mallory@example.com", TEST_PASSWORD, { return_to: returnTo });
    expect(res.status).toBe(422);
    expect(await expectMatchesCatalog("authentication.register", res)).toEqual({
      detail: [{ loc: ["body", "return_to"], msg: "URL scheme should be 'http' or 'https'", type: "url_scheme" }],
    });
    expect(await listMail(await getStore(), tenant.id)).toEqual([]);
  });

  it("a return_to on the portal's own origin is the link; any other origin gets the portal's page", async () => {
    await register(client, "own@example.com", TEST_PASSWORD, { return_to: "http://sandbox.test/my-app/verify?x=1" });
    const own = (await lastMail(tenant, "verification"))!;
    expect(own.link).toBe(`http://sandbox.test/my-app/verify?x=1&token=${own.token}`);
    await register(client, "other@example.com", TEST_PASSWORD, { return_to: "https://evil.example/verify" });
    const other = (await lastMail(tenant, "verification"))!;
    expect([other.to, other.link]).toEqual([
      "other@example.com",
      `http://sandbox.test/sandbox/verify-email?token=${other.token}`,
    ]);
  });

  it("avatar, checkout and OAuth redirect URLs are http(s) only (422 naming the field)", async () => {
    const { user, tokens } = await newUser(tenant, { email: "urls@example.com" });
    const issues = async (res: Response) =>
      ((await res.json()) as { detail: { loc: string[]; type: string }[] }).detail.map((i) => [
        i.loc.join("."),
        i.type,
      ]);
    const put = await client.call("PUT", `/v1/users/${user.id}`, {
      token: tokens.access_token,
      body: { avatar_url: "javascript:alert(1)" },
    });
    expect([put.status, await issues(put)]).toEqual([422, [["body.avatar_url", "url_scheme"]]]);
    const create = await client.call("POST", "/v1/users", {
      key: "secret",
      token: tokens.access_token,
      body: { sub: "x-1", avatar_url: "data:image/svg+xml,<svg onload=alert(1)>" },
    });
    expect([create.status, await issues(create)]).toEqual([422, [["body.avatar_url", "url_scheme"]]]);
    const checkout = await client.call("POST", "/v1/subscriptions/checkout", {
      token: tokens.access_token,
      body: {
        plan_id: "660e8400-e29b-41d4-a716-446655440001",
        success_url: "https://ok.example/",
        cancel_url: "javascript:history.back()",
      },
    });
    expect([checkout.status, await issues(checkout)]).toEqual([422, [["body.cancel_url", "url_scheme"]]]);
    const google = await client.call("GET", "/v1/auth/google/url", { query: { redirect_uri: "javascript:alert(1)" } });
    expect([google.status, await issues(google)]).toEqual([422, [["query.redirect_uri", "url_scheme"]]]);
  });
});

describe("registration", () => {
  let tenant: TenantRow;
  let client: SandboxClient;
  beforeAll(async () => {
    tenant = await newTenant();
    client = sandboxClient(tenant);
  });

  it("without verification signs the user in at once", async () => {
    const res = await register(client, "alan@example.com", TEST_PASSWORD, { display_name: "Alan" });
    expect(res.status).toBe(201);
    const body = await expectMatchesCatalog<TokenResponse>("authentication.register", res);
    expect(body.user).toMatchObject({
      email: "alan@example.com",
      display_name: "Alan",
      avatar_url: null,
      is_active: true,
    });
    const me = await client.call("GET", "/v1/auth/me", { token: body.access_token });
    expect(me.status).toBe(200);
    expect(await listMail(await getStore(), tenant.id)).toEqual([]);
  });

  it("enforces the password rule with loc body.password", async () => {
    for (const password of ["short1A", "alllowercase1", "NoDigitsHere"]) {
      const res = await register(client, "weak@example.com", password);
      expect(res.status).toBe(422);
      const body = await expectMatchesCatalog<{ detail: Array<{ loc: unknown[] }> }>("authentication.register", res);
      expect(body.detail.length).toBeGreaterThan(0);
      for (const issue of body.detail) expect(issue.loc).toEqual(["body", "password"]);
    }
  });

  it("refuses a second account with the same email, whatever its case (409)", async () => {
    await register(client, "dup@example.com");
    const res = await register(client, "DUP@example.com");
    expect([res.status, (await expectMatchesCatalog<Detail>("authentication.register", res)).detail]).toEqual([
      409,
      "User already exists",
    ]);
  });

  it("allows 3 registrations per hour per IP, then 429 for 30 minutes", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < 3; i++) {
      const ok = await client.call("POST", "/v1/auth/register", {
        ip,
        body: { email: `burst${i}@example.com`, password: TEST_PASSWORD },
      });
      expect(ok.status).toBe(201);
    }
    const res = await client.call("POST", "/v1/auth/register", {
      ip,
      body: { email: "burst3@example.com", password: TEST_PASSWORD },
    });
    expect(res.status).toBe(429);
    expect(await expectMatchesCatalog("authentication.register", res)).toEqual({ detail: "Too many requests" });
    expect(res.headers.get("retry-after")).toBe("1800");
  });
});

describe("login", () => {
  let tenant: TenantRow;
  let client: SandboxClient;
  beforeAll(async () => {
    tenant = await newTenant();
    client = sandboxClient(tenant);
    await newUser(tenant, { email: "login@example.com" });
  });

  it("401 for an unknown email or a wrong password, with one message", async () => {
    for (const body of [
      { email: "nobody@example.com", password: TEST_PASSWORD },
      { email: "login@example.com", password: "WrongPass123" },
    ]) {
      const res = await client.call("POST", "/v1/auth/login", { body, ip: "203.0.113.1" });
      expect([res.status, (await expectMatchesCatalog<Detail>("authentication.login", res)).detail]).toEqual([
        401,
        "Invalid email or password",
      ]);
    }
  });

  it("403 for a deactivated user", async () => {
    const { user } = await newUser(tenant, { email: "inactive@example.com" });
    await (await getStore()).run(`UPDATE users SET is_active = 0 WHERE id = ?`, [user.id]);
    const res = await client.call("POST", "/v1/auth/login", {
      body: { email: "inactive@example.com", password: TEST_PASSWORD },
    });
    expect([res.status, (await expectMatchesCatalog<Detail>("authentication.login", res)).detail]).toEqual([
      403,
      "User account is inactive",
    ]);
  });

  it("the 11th attempt in 15 minutes from one IP answers 429 with Retry-After 900", async () => {
    const ip = "203.0.113.99";
    for (let i = 0; i < 10; i++) {
      const res = await client.call("POST", "/v1/auth/login", {
        ip,
        body: { email: "login@example.com", password: "WrongPass123" },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await client.call("POST", "/v1/auth/login", {
      ip,
      body: { email: "login@example.com", password: TEST_PASSWORD },
    });
    expect(blocked.status).toBe(429);
    await expectMatchesCatalog("authentication.login", blocked);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(899);
    expect(Number(blocked.headers.get("retry-after"))).toBeLessThanOrEqual(900);
    const otherIp = await client.call("POST", "/v1/auth/login", {
      ip: "203.0.113.100",
      body: { email: "login@example.com", password: TEST_PASSWORD },
    });
    expect(otherIp.status).toBe(200);
    const later = sandboxClient(tenant, { now: () => new Date(Date.now() + 901_000) });
    const after = await later.call("POST", "/v1/auth/login", {
      ip,
      body: { email: "login@example.com", password: TEST_PASSWORD },
    });
    expect(after.status).toBe(200);
  });

  it("tenant B's key cannot log in tenant A's user", async () => {
    const b = sandboxClient(await newTenant());
    const res = await b.call("POST", "/v1/auth/login", {
      body: { email: "login@example.com", password: TEST_PASSWORD },
    });
    expect([res.status, (await expectMatchesCatalog<Detail>("authentication.login", res)).detail]).toEqual([
      401,
      "Invalid email or password",
    ]);
    const { tokens } = await newUser(tenant);
    const foreignRefresh = await b.call("POST", "/v1/auth/refresh", { body: { refresh_token: tokens.refresh_token } });
    expect(foreignRefresh.status).toBe(401);
  });

  it("users and sessions survive a restart of the store", async () => {
    const res = await client.call("POST", "/v1/auth/login", {
      body: { email: "login@example.com", password: TEST_PASSWORD },
    });
    const { access_token } = await expectMatchesCatalog<TokenResponse>("authentication.login", res);
    await closeStore();
    const me = await client.call("GET", "/v1/auth/me", { token: access_token });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: "login@example.com" });
  });
});

describe("passwords", () => {
  let tenant: TenantRow;
  let client: SandboxClient;
  beforeAll(async () => {
    tenant = await newTenant();
    client = sandboxClient(tenant);
  });
  const login = (email: string, password: string) =>
    client.call("POST", "/v1/auth/login", { body: { email, password } });

  it("forgot → reset mail with link and token → reset → old password fails, sessions end", async () => {
    const { tokens } = await newUser(tenant, { email: "forgot@example.com" });
    const res = await client.call("POST", "/v1/auth/forgot-password", { body: { email: "forgot@example.com" } });
    expect(await expectMatchesCatalog("authentication.forgot-password", res)).toEqual({
      message: "Password reset email sent",
    });
    const mail = (await lastMail(tenant, "password_reset"))!;
    expect(mail.link).toBe(`http://sandbox.test/sandbox/reset-password?token=${mail.token}`);

    const reset = await client.call("POST", "/v1/auth/reset-password", {
      body: { token: mail.token, new_password: "BrandNew456" },
    });
    expect(await expectMatchesCatalog("authentication.reset-password", reset)).toEqual({
      message: "Password reset successfully",
    });
    expect((await login("forgot@example.com", TEST_PASSWORD)).status).toBe(401);
    expect((await login("forgot@example.com", "BrandNew456")).status).toBe(200);
    expect((await client.call("GET", "/v1/auth/me", { token: tokens.access_token })).status).toBe(401);

    const reused = await client.call("POST", "/v1/auth/reset-password", {
      body: { token: mail.token, new_password: "Another789" },
    });
    expect([
      reused.status,
      (await expectMatchesCatalog<Detail>("authentication.reset-password", reused)).detail,
    ]).toEqual([400, "Invalid or expired reset token"]);
  });

  it("forgot-password answers the same for unknown emails and sends nothing", async () => {
    const before = (await listMail(await getStore(), tenant.id)).length;
    const res = await client.call("POST", "/v1/auth/forgot-password", { body: { email: "ghost@example.com" } });
    expect(await expectMatchesCatalog("authentication.forgot-password", res)).toEqual({
      message: "Password reset email sent",
    });
    expect((await listMail(await getStore(), tenant.id)).length).toBe(before);
  });

  it("change-password checks the current password", async () => {
    const { tokens } = await newUser(tenant, { email: "change@example.com" });
    const wrong = await client.call("POST", "/v1/auth/change-password", {
      token: tokens.access_token,
      body: { current_password: "Nope12345", new_password: "Changed123" },
    });
    expect([
      wrong.status,
      (await expectMatchesCatalog<Detail>("authentication.change-password", wrong)).detail,
    ]).toEqual([400, "Current password is incorrect"]);
    const right = await client.call("POST", "/v1/auth/change-password", {
      token: tokens.access_token,
      body: { current_password: TEST_PASSWORD, new_password: "Changed123" },
    });
    expect(await expectMatchesCatalog("authentication.change-password", right)).toEqual({
      message: "Password changed successfully",
    });
    expect((await login("change@example.com", "Changed123")).status).toBe(200);
  });
});
