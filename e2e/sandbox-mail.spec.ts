import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Sandbox mail as a developer meets it in the browser: the outbox page read with the tenant's secret key (never in the
 * URL, a public key refused), and the portal pages the mails link to, which do what the tenant's app would.
 */

interface Keys {
  public_key: string;
  secret_key: string;
}

const PASSWORD = "SecurePass123";

async function newTenant(request: APIRequestContext, emailVerification: boolean): Promise<Keys> {
  const res = await request.post("/sandbox/tenants", { data: { email_verification: emailVerification } });
  expect(res.status()).toBe(201);
  return res.json();
}

const call = (request: APIRequestContext, key: string, method: string, path: string, data?: unknown, token?: string) =>
  request.fetch(`/sandbox${path}`, {
    method,
    headers: { "X-API-Key": key, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    ...(data !== undefined ? { data } : {}),
  });

async function mails(request: APIRequestContext, keys: Keys) {
  const res = await request.get("/sandbox/outbox", {
    headers: { Accept: "application/json", "X-API-Key": keys.secret_key },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).messages as { to: string; kind: string; token: string; link: string }[];
}

test("a javascript: return_to is refused; the outbox page needs the secret key, keeps it out of the URL and links to the portal", async ({
  page,
  request,
  baseURL,
}) => {
  const keys = await newTenant(request, true);
  for (const returnTo of ["javascript:alert(document.domain)//", "data:text/html,<script>alert(1)</script>"]) {
    const bad = await call(request, keys.public_key, "POST", "/v1/auth/register", {
      email: "eve@example.com",
      password: PASSWORD,
      return_to: returnTo,
    });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).detail).toEqual([
      { loc: ["body", "return_to"], msg: "URL scheme should be 'http' or 'https'", type: "url_scheme" },
    ]);
  }
  // The catalog's own example names https://myapp.com/verify-email: not this portal, so the mail links to the portal's page.
  const reg = await call(request, keys.public_key, "POST", "/v1/auth/register", {
    email: "ada@example.com",
    password: PASSWORD,
    return_to: "https://myapp.com/verify-email",
  });
  expect(reg.status()).toBe(201);

  // The JSON twin: secret key in the header only.
  const inUrl = await request.get(`/sandbox/outbox?key=${keys.secret_key}`, {
    headers: { Accept: "application/json" },
  });
  expect(inUrl.status()).toBe(401);
  const pub = await request.get("/sandbox/outbox", {
    headers: { Accept: "application/json", "X-API-Key": keys.public_key },
  });
  expect(pub.status()).toBe(403);
  expect((await pub.json()).detail).toMatch(/needs the tenant's secret key/);

  // A key in the URL shows nothing on the page.
  await page.goto(`/sandbox/outbox?key=${keys.secret_key}`);
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox outbox" })).toBeVisible();
  await expect(page.getByText("ada@example.com")).toHaveCount(0);

  await page.goto("/sandbox/outbox");
  const field = page.getByLabel("Your tenant's secret key");
  await field.fill(keys.public_key);
  await page.getByRole("button", { name: "Show mail" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That is a public key");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("needs the tenant's secret key");

  await field.fill(keys.secret_key);
  await page.getByRole("button", { name: "Show mail" }).click();
  const mail = page.getByRole("listitem").filter({ hasText: "ada@example.com" });
  await expect(mail.getByRole("heading", { name: "Verify your email address" })).toBeVisible();
  await expect(mail.getByText("Verification", { exact: true })).toBeVisible();
  await expect(mail.getByTestId("outbox-token")).not.toBeEmpty();
  await expect(mail.getByRole("button", { name: "Copy token" })).toBeVisible();
  const link = mail.getByRole("link", { name: /\/sandbox\/verify-email\?token=/ });
  expect(await link.getAttribute("href")).toMatch(new RegExp(`^${baseURL}/sandbox/verify-email\\?token=`));
  expect(page.url()).toBe(`${baseURL}/sandbox/outbox`);

  // Kept for the tab: a reload shows the mail again, still without the key in the URL.
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "ada@example.com" })).toBeVisible();
  expect(page.url()).toBe(`${baseURL}/sandbox/outbox`);

  // Opening the link verifies the user.
  await page.getByRole("listitem").filter({ hasText: "ada@example.com" }).getByRole("link").click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Email verified");
  expect(
    (
      await call(request, keys.public_key, "POST", "/v1/auth/login", { email: "ada@example.com", password: PASSWORD })
    ).status(),
  ).toBe(200);
  // A second opening says the link is spent.
  await page.reload();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Not verified");
});

test("the password-reset link opens a form that sets the new password", async ({ page, request }) => {
  const keys = await newTenant(request, false);
  expect(
    (
      await call(request, keys.public_key, "POST", "/v1/auth/register", {
        email: "grace@example.com",
        password: PASSWORD,
      })
    ).status(),
  ).toBe(201);
  expect(
    (await call(request, keys.public_key, "POST", "/v1/auth/forgot-password", { email: "grace@example.com" })).status(),
  ).toBe(200);
  const mail = (await mails(request, keys)).find((m) => m.kind === "password_reset")!;
  await page.goto(mail.link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("new_password");
  await page.getByLabel("New password").fill("BrandNew456");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Password changed");
  expect(
    (
      await call(request, keys.public_key, "POST", "/v1/auth/login", {
        email: "grace@example.com",
        password: "BrandNew456",
      })
    ).status(),
  ).toBe(200);
});

test("the invitation link shows the invitation and accepts it after the invitee's login", async ({ page, request }) => {
  const keys = await newTenant(request, false);
  const owner = await (
    await call(request, keys.public_key, "POST", "/v1/auth/register", {
      email: "owner@example.com",
      password: PASSWORD,
    })
  ).json();
  const org = await (
    await call(
      request,
      keys.public_key,
      "POST",
      "/v1/organizations",
      { name: "Acme Labs", slug: "acme-labs" },
      owner.access_token,
    )
  ).json();
  const bob = await (
    await call(request, keys.public_key, "POST", "/v1/auth/register", { email: "bob@example.com", password: PASSWORD })
  ).json();
  const invite = await call(
    request,
    keys.public_key,
    "POST",
    `/v1/organizations/${org.id}/invite`,
    { email: "bob@example.com", role: "member" },
    owner.access_token,
  );
  expect(invite.status()).toBe(201);
  const mail = (await mails(request, keys)).find((m) => m.kind === "invitation")!;
  expect(mail.link).toContain("/sandbox/accept-invitation?token=");

  await page.goto(mail.link);
  await expect(page.getByText("Acme Labs")).toBeVisible();
  await page.getByLabel(/Password of bob@example.com/).fill(PASSWORD);
  await page.getByRole("button", { name: "Log in and accept" }).click();
  await expect(page.getByRole("main").getByRole("status")).toBeVisible();
  const members = await (
    await call(request, keys.public_key, "GET", `/v1/organizations/${org.id}/members`, undefined, owner.access_token)
  ).json();
  expect(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort()).toEqual([
    "bob@example.com:member",
    "owner@example.com:owner",
  ]);
  expect(bob.access_token).toBeTruthy();
});

test.describe("the outbox page in both themes and widths", () => {
  for (const theme of ["light", "dark"] as const) {
    for (const width of [1280, 390]) {
      test(`axe finds no violations and nothing is wider than the screen (${theme}, ${width} px)`, async ({
        page,
        request,
      }) => {
        const keys = await newTenant(request, true);
        await call(request, keys.public_key, "POST", "/v1/auth/register", {
          email: "a.rather.long.address.for.wrapping@example.com",
          password: PASSWORD,
        });
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: theme });
        await page.goto("/sandbox/outbox");
        await page.getByLabel("Your tenant's secret key").fill(keys.secret_key);
        await page.getByRole("button", { name: "Show mail" }).click();
        await expect(page.getByRole("main").getByRole("status")).toHaveText("1 mail, newest first.");
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(theme === "dark");
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
        const results = await new AxeBuilder({ page }).include("main").analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
          [],
        );
      });
    }
  }
});
