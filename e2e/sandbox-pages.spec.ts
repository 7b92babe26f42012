import { expect, test } from "./fixtures";

test.describe("sandbox pages in the browser", () => {
  test("the sandbox page shows the demo tenant's keys and gets fresh keys", async ({ page, consoleErrors }) => {
    await page.goto("/sandbox");
    await expect(page.getByRole("heading", { level: 1, name: "Sandbox" })).toBeVisible();
    await expect(page.getByText(/^pk_live_/).first()).toBeVisible();
    await page.getByRole("button", { name: "Get sandbox keys" }).click();
    const fresh = page.locator("dl[aria-live]");
    await expect(fresh.getByText(/^pk_live_/)).toBeVisible();
    await expect(fresh.getByText(/^sk_live_/)).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test("Google sign-in: the local consent page redirects back with tokens in the URL fragment", async ({
    page,
    request,
    baseURL,
  }) => {
    const keys = await (await request.post("/sandbox/tenants", { data: {} })).json();
    const redirect = `${baseURL}/sandbox`;
    const res = await request.get(`/sandbox/v1/auth/google/url?redirect_uri=${encodeURIComponent(redirect)}`, {
      headers: { "X-API-Key": keys.public_key },
    });
    expect(res.status()).toBe(200);
    const { authorization_url } = await res.json();
    await page.goto(authorization_url);
    await expect(page.getByRole("heading", { name: "Sign in with Google" })).toBeVisible();
    await page.getByRole("button", { name: "Continue as sandbox user" }).click();
    await page.waitForURL(/\/sandbox#/);
    const fragment = new URLSearchParams(new URL(page.url()).hash.slice(1));
    expect(fragment.get("access_token")).toBeTruthy();
    expect(fragment.get("refresh_token")).toBeTruthy();
    expect(fragment.get("expires_in")).toBe("3600");
    const me = await request.get("/sandbox/v1/auth/me", {
      headers: { "X-API-Key": keys.public_key, Authorization: `Bearer ${fragment.get("access_token")}` },
    });
    expect(me.status()).toBe(200);
  });

  test("checkout: the local payment page activates the subscription and returns to success_url", async ({
    page,
    request,
    baseURL,
  }) => {
    const keys = await (await request.post("/sandbox/tenants", { data: {} })).json();
    const h = { "X-API-Key": keys.public_key };
    const { access_token } = await (
      await request.post("/sandbox/v1/auth/register", {
        headers: h,
        data: { email: "payer@example.com", password: "SecurePass123" },
      })
    ).json();
    const auth = { ...h, Authorization: `Bearer ${access_token}` };
    const org = await (
      await request.post("/sandbox/v1/organizations", { headers: auth, data: { name: "Payers", slug: "payers" } })
    ).json();
    const plans = await (await request.get("/sandbox/v1/plans/active", { headers: auth })).json();
    const paid = plans.find((p: { is_free: boolean }) => !p.is_free);
    const checkout = await request.post("/sandbox/v1/subscriptions/checkout", {
      headers: auth,
      data: {
        plan_id: paid.id,
        organization_id: org.id,
        success_url: `${baseURL}/reference?paid=1`,
        cancel_url: `${baseURL}/reference?cancelled=1`,
      },
    });
    expect(checkout.status()).toBe(200);
    const { checkout_url } = await checkout.json();
    await page.goto(checkout_url);
    await page.getByRole("button", { name: /^Pay/ }).click();
    await page.waitForURL(/\/reference\?paid=1/);
    const sub = await (await request.get(`/sandbox/v1/organizations/${org.id}/subscription`, { headers: auth })).json();
    expect(sub.status).toBe("active");
    expect(sub.plan_id).toBe(paid.id);
  });

  test("an app on another site: consent and checkout stop at a 'leaving the portal' page, and its link goes on", async ({
    page,
    request,
    consoleErrors,
  }) => {
    // The other site answers from here: the browser never leaves the machine, and we see what it was sent.
    await page.route(/^https:\/\/(evil\.example|myapp\.com)\//, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<h1>The app</h1>" }),
    );
    const keys = await (await request.post("/sandbox/tenants", { data: {} })).json();
    const h = { "X-API-Key": keys.public_key };
    const start = await request.get(
      `/sandbox/v1/auth/google/url?redirect_uri=${encodeURIComponent("https://evil.example/x")}`,
      { headers: h },
    );
    const { authorization_url } = await start.json();
    const redirects: string[] = [];
    page.on("response", (r) => {
      const location = r.headers()["location"];
      if (r.status() >= 300 && r.status() < 400 && location) redirects.push(new URL(location, r.url()).origin);
    });
    await page.goto(authorization_url);
    await page.getByRole("button", { name: "Continue as sandbox user" }).click();
    await expect(page.getByRole("heading", { name: "You are leaving the portal" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/sandbox/v1/auth/google/callback");
    expect(redirects.filter((o) => o === "https://evil.example")).toEqual([]);
    await expect(page.getByText("https://evil.example/x", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Continue to evil.example" }).click();
    await page.waitForURL(/^https:\/\/evil\.example\/x#/);
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get("access_token")).toBeTruthy();

    // The catalog's own example return URLs (https://myapp.com/...) work the same way in a checkout.
    const { access_token } = await (
      await request.post("/sandbox/v1/auth/register", {
        headers: h,
        data: { email: "away@example.com", password: "SecurePass123" },
      })
    ).json();
    const auth = { ...h, Authorization: `Bearer ${access_token}` };
    const org = await (
      await request.post("/sandbox/v1/organizations", { headers: auth, data: { name: "Away", slug: "away" } })
    ).json();
    const plans = await (await request.get("/sandbox/v1/plans/active", { headers: auth })).json();
    const paid = plans.find((p: { is_free: boolean }) => !p.is_free);
    const checkout = await request.post("/sandbox/v1/subscriptions/checkout", {
      headers: auth,
      data: {
        plan_id: paid.id,
        organization_id: org.id,
        success_url: "https://myapp.com/billing/success",
        cancel_url: "https://myapp.com/billing/cancel",
      },
    });
    await page.goto((await checkout.json()).checkout_url);
    await page.getByRole("button", { name: /^Pay/ }).click();
    await expect(page.getByRole("heading", { name: "You are leaving the portal" })).toBeVisible();
    expect(redirects.filter((o) => o === "https://myapp.com")).toEqual([]);
    await page.getByRole("link", { name: "Continue to myapp.com" }).click();
    await page.waitForURL(/^https:\/\/myapp\.com\/billing\/success\?session_id=/);
    expect(consoleErrors).toEqual([]);
  });
});
