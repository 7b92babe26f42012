import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";

/**
 * A visitor's browser and a hostile client against `npm start`: every answer carries the security headers, pages
 * a CSP that the site itself never violates, the console proxy never serves the API's HTML as a portal page, and
 * odd requests (TRACE, bad percent-encoding) get 405 or 400, never a 500.
 */

/** One request with node:http: Playwright and fetch refuse TRACE. */
function raw(
  url: string,
  method: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const PAGES = [
  "/",
  "/reference",
  "/reference/authentication/login",
  "/guides",
  "/console",
  "/sandbox",
  "/mcp",
  "/sandbox/oauth/google?state=nope",
  "/sandbox/checkout/cs_nope",
  "/reference/authentication/login.md",
  "/llms.txt",
  "/openapi.json",
  "/api/health",
  "/sandbox/demo",
  "/sandbox/v1/auth/me",
];

test("every answer carries the security headers; pages a CSP without third-party scripts", async ({ request }) => {
  for (const path of PAGES) {
    const res = await request.get(path);
    expect(res.status(), path).toBeLessThan(500);
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    const csp = h["content-security-policy"] ?? "";
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "default-src 'self'"])
      expect(csp, path).toContain(directive);
    const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(
      script.split(" ").filter((s) => !s.startsWith("'")),
      `${path}: script-src ${script}`,
    ).toEqual([]);
    expect(csp, path).toMatch(/form-action 'self'/);
  }
  const mcp = await request.post("/api/mcp", {
    headers: { accept: "application/json, text/event-stream" },
    data: { jsonrpc: "2.0", id: 1, method: "ping" },
  });
  expect(mcp.headers()["x-content-type-options"]).toBe("nosniff");
  expect(mcp.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("no HSTS over plain http, nor for a client's own X-Forwarded-Proto (this server trusts no proxy)", async ({
  request,
}) => {
  // HSTS behind a trusted TLS-terminating proxy (TRUST_PROXY) is proved in lib/server/portal-hardening.test.ts.
  expect((await request.get("/")).headers()["strict-transport-security"]).toBeUndefined();
  const spoofed = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(spoofed.headers()["strict-transport-security"]).toBeUndefined();
});

test("the console proxy serves an HTML answer from the API sandboxed, never as a portal page", async ({
  request,
  baseURL,
}) => {
  // SAAS_API_URL is this server's own /sandbox (playwright.config.ts); its consent page is an HTML answer.
  const res = await request.get(
    `/api/console/proxy?url=${encodeURIComponent(`${baseURL}/sandbox/oauth/google?state=nope`)}`,
    { headers: { "sec-fetch-site": "same-origin" } },
  );
  expect(res.headers()["content-type"]).toContain("text/html");
  expect((res.headers()["content-security-policy"] ?? "").split(/;\s*/)).toContain("sandbox");
});

test("TRACE and other unknown methods: 405 with Allow on every kind of route", async ({ baseURL }) => {
  for (const path of [
    "/",
    "/reference/authentication",
    "/api/health",
    "/api/mcp",
    "/sandbox/v1/auth/me",
    "/sandbox/tenants",
    `/api/console/proxy?url=${encodeURIComponent(`${baseURL}/sandbox/v1/auth/me`)}`,
  ]) {
    for (const method of ["TRACE", "PROPFIND"]) {
      const res = await raw(`${baseURL}${path}`, method);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow, `${method} ${path}`).toContain("POST");
      expect(JSON.parse(res.body), `${method} ${path}`).toHaveProperty("detail");
    }
  }
});

test("bad percent-encoding in a path: 400 or 404, never 500", async ({ baseURL }) => {
  for (const path of [
    "/reference/%ff",
    "/md/%ff",
    "/guides/%ff.md",
    "/md/%",
    "/reference/authentication/%c3%28",
    "/sandbox/v1/auth/%ff",
  ]) {
    const res = await raw(`${baseURL}${path}`, "GET");
    expect([400, 404], path).toContain(res.status);
  }
});

test("the site works under its CSP: no violation on the main pages, Try it opened and a request sent", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const fromConsole: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(`${page.url()}: ${m.text()}`);
  });
  const violations = async () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  for (const path of ["/", "/console", "/sandbox", "/mcp", "/guides/quick-start"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(), path).toEqual([]);
  }
  await page.goto("/reference/authentication/providers");
  await page.getByRole("button", { name: "Try it" }).click();
  const panel = page.getByTestId("console-panel");
  await panel.getByRole("button", { name: "Get sandbox keys" }).click();
  await expect(panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
  await panel.getByLabel("API key sent").press("Control+Enter");
  await expect(panel.getByTestId("response-status")).toContainText(/^Response 200 OK/);
  expect(await violations()).toEqual([]);
  expect(fromConsole).toEqual([]);
});
