import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantRow } from "@/lib/sandbox/tenants";
import { expectMatchesCatalog } from "@/lib/sandbox/testing/catalog";
import { sandboxClient, type SandboxClient } from "@/lib/sandbox/testing/client";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { newTenant } from "@/lib/sandbox/testing/fixtures";
import { approveConsent, consentContinueResponse, denyConsent } from "./oauth-consent";

setupTempDatabase();

describe("Google sign-in through the sandbox consent page", () => {
  let tenant: TenantRow;
  let client: SandboxClient;
  beforeAll(async () => {
    tenant = await newTenant();
    client = sandboxClient(tenant);
    // The developer's app is on an allowed host (ALLOWED_HOSTS), so the sandbox may redirect to it by itself.
    vi.stubEnv("ALLOWED_HOSTS", "sandbox.test, app.example.com");
  });
  afterAll(() => vi.unstubAllEnvs());
  const redirectUri = "https://app.example.com/oauth/callback";

  async function authorizationState(uri = redirectUri) {
    const res = await client.call("GET", "/v1/auth/google/url", { query: { redirect_uri: uri } });
    const { authorization_url } = await expectMatchesCatalog<{ authorization_url: string }>(
      "authentication.google-url",
      res,
    );
    const url = new URL(authorization_url);
    expect(`${url.origin}${url.pathname}`).toBe("http://sandbox.test/sandbox/oauth/google");
    return url.searchParams.get("state")!;
  }

  it("lists Google as a provider", async () => {
    const res = await client.call("GET", "/v1/auth/providers");
    expect(await expectMatchesCatalog("authentication.providers", res)).toEqual({
      providers: [{ provider: "google", name: "Google" }],
    });
  });

  it("continue → callback → 302 to redirect_uri with the tokens in the fragment", async () => {
    const state = await authorizationState();
    const callback = new URL(
      (await approveConsent(state, "Oauth.User@example.com", "OAuth User"))!,
      "http://sandbox.test",
    );
    const res = await client.call("GET", callback.pathname.replace(/^\/sandbox/, ""), {
      key: null,
      query: Object.fromEntries(callback.searchParams),
    });
    expect(res.status).toBe(302);
    await expectMatchesCatalog("authentication.google-callback", res);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.origin}${location.pathname}${location.search}`).toBe(redirectUri);
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get("expires_in")).toBe("3600");
    const me = await client.call("GET", "/v1/auth/me", { token: fragment.get("access_token")! });
    expect(await expectMatchesCatalog("authentication.me", me)).toMatchObject({
      email: "oauth.user@example.com",
      display_name: "OAuth User",
    });
    const refresh = await client.call("POST", "/v1/auth/refresh", {
      body: { refresh_token: fragment.get("refresh_token") },
    });
    expect(refresh.status).toBe(200);
  });

  it("a redirect_uri off the allowed hosts: no redirect, a page of the portal that links there with the tokens", async () => {
    const state = await authorizationState("https://evil.example/x?keep=1");
    const callback = new URL((await approveConsent(state, "far.away@example.com", null))!, "http://sandbox.test");
    const res = await client.call("GET", callback.pathname.replace(/^\/sandbox/, ""), {
      key: null,
      query: Object.fromEntries(callback.searchParams),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await res.text();
    expect(html).toContain("You are leaving the portal");
    const href = /<a href="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    const link = new URL(href!);
    expect(`${link.origin}${link.pathname}${link.search}`).toBe("https://evil.example/x?keep=1");
    const me = await client.call("GET", "/v1/auth/me", {
      token: new URLSearchParams(link.hash.slice(1)).get("access_token")!,
    });
    expect(me.status).toBe(200);
    // A failed sign-in does not redirect there either.
    const failed = await client.call("GET", "/v1/auth/google/callback", {
      key: null,
      query: { code: "not-a-code", state },
    });
    expect([failed.status, failed.headers.get("location")]).toEqual([200, null]);
    expect(await failed.text()).toContain("https://evil.example/x?keep=1&amp;error=oauth_failed");
  });

  it("the consent form posts to /sandbox/oauth/google/continue, which sends the browser on to the callback", async () => {
    const state = await authorizationState();
    const form = new FormData();
    form.set("state", state);
    form.set("email", "form.user@example.com");
    form.set("name", "Form User");
    // Behind a proxy, Next's req.url names its own host (https://localhost:4310) while the browser is at portal.example.com:
    // the redirect is relative, so the browser stays where it is.
    const behindProxy = () =>
      new Request("https://localhost:4310/sandbox/oauth/google/continue", {
        method: "POST",
        body: form,
        headers: { host: "portal.example.com", "x-forwarded-host": "portal.example.com", "x-forwarded-proto": "https" },
      });
    const res = await consentContinueResponse(behindProxy());
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/sandbox\/v1\/auth\/google\/callback\?/);
    expect(new URL(location, "https://portal.example.com").searchParams.get("state")).toBe(state);
    form.set("email", "not an email");
    const invalid = await consentContinueResponse(behindProxy());
    expect(invalid.headers.get("location")).toMatch(/^\/sandbox\/oauth\/google\?/);
    expect(new URL(invalid.headers.get("location")!, "https://portal.example.com").searchParams.get("invalid")).toBe(
      "email",
    );
  });

  it("cancel → redirect_uri?error=oauth_failed; a forged state → 422", async () => {
    const state = await authorizationState();
    const denied = new URL((await denyConsent(state))!);
    expect(denied.searchParams.get("error")).toBe("oauth_failed");
    expect(denied.searchParams.get("error_description")).toBeTruthy();
    const forged = await client.call("GET", "/v1/auth/google/callback", {
      key: null,
      query: { code: "x", state: `${state}x` },
    });
    expect(forged.status).toBe(422);
    await expectMatchesCatalog("authentication.google-callback", forged);
  });
});
