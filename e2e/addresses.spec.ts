import { request as httpRequest } from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { mcpSetups } from "@/lib/site/mcp-setup";
import { expect, test } from "./fixtures";

/**
 * Addresses that work (issue 12 item 5, issue 15 items 3, 8, 9): the suite's server runs on a port of its own
 * (E2E_PORT) with no PORTAL_URL, so every address it prints must be that one, and no header a client sends may
 * move a link, a redirect or a rate limit.
 */

interface Tenant {
  public_key: string;
  secret_key: string;
}

async function newTenant(request: APIRequestContext): Promise<Tenant> {
  const res = await request.post("/sandbox/tenants", { data: {} });
  expect(res.status()).toBe(201);
  return (await res.json()) as Tenant;
}

/** node:http, because fetch-style clients will not send a Host header of our choosing. */
function raw(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = "",
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res
          .setEncoding("utf8")
          .on("data", (c: string) => (text += c))
          .on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject).end(body);
  });
}

const absoluteUrls = (text: string) => [...text.matchAll(/https?:\/\/[^\s)"'`<>\]]+/g)].map((m) => m[0]);

test.describe("addresses on a port of the server's own, with no PORTAL_URL", () => {
  test("/mcp shows commands for this very address, and the MCP URL they name answers", async ({
    page,
    request,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    expect(new URL(origin).port, "the suite runs on a non-default port").not.toBe("3000");
    await page.goto("/mcp");
    const blocks = await page.locator("pre").allInnerTexts();
    for (const client of mcpSetups(origin).clients) {
      expect(
        blocks.map((b) => b.trim()),
        client.id,
      ).toContain(client.code.trim());
    }
    const pageText = await page.locator("main").innerText();
    expect(pageText).toContain(`${origin}/api/mcp`);
    expect(pageText).not.toContain("localhost:3000");

    // Copied as shown: the URL in the Claude Code command is a working MCP endpoint.
    const claude = blocks.find((b) => b.includes("claude mcp add"))!;
    const mcpUrl = absoluteUrls(claude).find((u) => u.endsWith("/api/mcp"))!;
    const init = await request.post(mcpUrl, {
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      data: {
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: {
          protocolVersion: "2025-06-18",
          capabilities: {},
          clientInfo: { name: "addresses-e2e", version: "1" },
        },
      },
    });
    expect(init.status()).toBe(200);
  });

  test("every link in /llms.txt, /llms-full.txt, the .md twins and /sdk points at this address", async ({
    page,
    request,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const index = await (await request.get("/llms.txt")).text();
    const links = absoluteUrls(index);
    expect(links.length).toBeGreaterThan(100);
    expect(links.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    for (const link of links.slice(0, 6)) expect((await request.get(link)).status(), link).toBe(200);

    const full = await (await request.get("/llms-full.txt")).text();
    // Links to portal pages (example apps in the guides, such as http://localhost:5173, are not the portal).
    const portalPage = /^\/(reference|guides|sdk|mcp|console|sandbox|api\/mcp)([/.]|$)/;
    const own = absoluteUrls(full).filter((u) => portalPage.test(new URL(u).pathname));
    expect(own.length).toBeGreaterThan(100);
    // Not this portal, on purpose: the standalone MCP server's default address (the /mcp twin), and the quick-start
    // guide's written placeholder for "your portal" (content/guides, not generated).
    const elsewhere = ["http://127.0.0.1:3001/", "https://your-portal.example.com/"];
    expect(own.filter((u) => !u.startsWith(`${origin}/`) && !elsewhere.some((e) => u.startsWith(e)))).toEqual([]);

    for (const twin of ["/mcp.md", "/reference/authentication/login.md", "/sandbox.md"]) {
      const text = await (await request.get(twin)).text();
      expect(text, twin).not.toContain("localhost:3000");
    }
    expect(await (await request.get("/mcp.md")).text()).toContain(`${origin}/api/mcp`);

    await page.goto("/sdk");
    expect(await page.locator("main").innerText()).toContain(`curl -o src/api-client.ts ${origin}/sdk/api-client.ts`);
  });

  test("a forgot-password request with Host: evil.example mails a link to this portal, and the link works", async ({
    request,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const tenant = await newTenant(request);
    const email = "host-header@example.com";
    const register = await request.post("/sandbox/v1/auth/register", {
      headers: { "X-API-Key": tenant.public_key },
      data: { email, password: "SecurePass123" },
    });
    expect(register.status()).toBe(201);

    const forgot = await raw(
      origin,
      "POST",
      "/sandbox/v1/auth/forgot-password",
      {
        Host: "evil.example",
        "X-Forwarded-Host": "evil.example",
        "X-Forwarded-Proto": "https",
        "Content-Type": "application/json",
        "X-API-Key": tenant.public_key,
      },
      JSON.stringify({ email }),
    );
    expect(forgot.status).toBe(200);

    const outbox = await request.get("/sandbox/outbox", {
      headers: { Accept: "application/json", "X-API-Key": tenant.secret_key },
    });
    expect(outbox.status()).toBe(200);
    const { messages } = (await outbox.json()) as { messages: { kind: string; link: string | null }[] };
    const link = messages.find((m) => m.kind === "password_reset")?.link ?? "";
    expect(link).not.toContain("evil.example");
    expect(link.startsWith(`${origin}/`), link).toBe(true);
    expect((await request.get(link)).status()).toBe(200);
  });

  test("behind Host: portal.example.com with forwarded headers, the consent and checkout redirects do not go to localhost", async ({
    request,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const tenant = await newTenant(request);
    const start = await request.get(
      "/sandbox/v1/auth/google/url?redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback",
      { headers: { "X-API-Key": tenant.public_key } },
    );
    expect(start.status()).toBe(200);
    const { authorization_url } = (await start.json()) as { authorization_url: string };
    expect(authorization_url.startsWith(`${origin}/sandbox/oauth/google?`), authorization_url).toBe(true);
    const state = new URL(authorization_url).searchParams.get("state")!;

    const proxied = {
      Host: "portal.example.com",
      "X-Forwarded-Host": "portal.example.com",
      "X-Forwarded-Proto": "https",
      "X-Forwarded-For": "203.0.113.9",
    };
    const form = { ...proxied, "Content-Type": "application/x-www-form-urlencoded" };
    const consent = await raw(
      origin,
      "POST",
      "/sandbox/oauth/google/continue",
      form,
      new URLSearchParams({ state, email: "oauth@example.com", name: "O" }).toString(),
    );
    const checkout = await raw(origin, "POST", "/sandbox/checkout/cs_sandbox_unknown/complete", form, "action=");
    for (const [name, res] of [
      ["consent", consent],
      ["checkout", checkout],
    ] as const) {
      expect(res.status, name).toBe(303);
      const location = String(res.headers.location);
      expect(location, name).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/);
      // Relative: the browser stays on https://portal.example.com.
      expect(new URL(location, "https://portal.example.com").origin, name).toBe("https://portal.example.com");
    }
    expect(String(consent.headers.location)).toMatch(/^\/sandbox\/v1\/auth\/google\/callback\?/);
  });

  test("30 wrong logins from rotating X-Forwarded-For addresses hit 429, and then so does the right password", async ({
    request,
  }) => {
    test.setTimeout(120_000);
    const tenant = await newTenant(request);
    const email = "rate-limit@example.com";
    const password = "SecurePass123";
    expect(
      (
        await request.post("/sandbox/v1/auth/register", {
          headers: { "X-API-Key": tenant.public_key },
          data: { email, password },
        })
      ).status(),
    ).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const xff = `198.51.100.${i + 1}`;
      const res = await request.post("/sandbox/v1/auth/login", {
        headers: { "X-API-Key": tenant.public_key, "X-Forwarded-For": xff, "X-Real-IP": xff },
        data: { email, password: "wrong-password" },
      });
      statuses.push(res.status());
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(-10)).toEqual(Array(10).fill(429));
    const right = await request.post("/sandbox/v1/auth/login", {
      headers: { "X-API-Key": tenant.public_key, "X-Forwarded-For": "192.0.2.77" },
      data: { email, password },
    });
    expect(right.status()).toBe(429);
  });
});
