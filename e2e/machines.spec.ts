import { categories, endpoints } from "@/lib/catalog";
import { GUIDES } from "@/lib/content/guides";
import { expect, test } from "./fixtures";

/** The twin paths /llms.txt links (absolute URLs to the portal's public origin, lib/site/origin.ts). */
async function twinsOfLlmsTxt(get: (url: string) => Promise<{ text(): Promise<string> }>): Promise<string[]> {
  const text = await (await get("/llms.txt")).text();
  return [...text.matchAll(/\]\((https?:\/\/[^)\s]+\.md)\)/g)].map((m) => new URL(m[1] ?? "").pathname);
}

test.describe("pages for machines", () => {
  test("/llms.txt and /llms-full.txt answer 200 with the index and the whole documentation", async ({ request }) => {
    const index = await request.get("/llms.txt");
    expect(index.status()).toBe(200);
    expect(index.headers()["content-type"]).toMatch(/^text\/plain; charset=utf-8/);
    const text = await index.text();
    expect(text.startsWith("# Multi-tenant SaaS API\n\n> ")).toBe(true);
    for (const h of ["## Guides", "## API reference", "## Tools", "## Optional"]) expect(text).toContain(`\n${h}\n`);

    const full = await request.get("/llms-full.txt");
    expect(full.status()).toBe(200);
    const all = await full.text();
    expect(all).toContain("\n# POST /v1/auth/login\n");
    expect(all).toContain("\n# Common patterns\n");
  });

  test("every .md twin linked from /llms.txt answers Markdown starting with a title", async ({ request }) => {
    const twins = await twinsOfLlmsTxt((u) => request.get(u));
    expect(twins).toHaveLength(endpoints.length + categories.length + GUIDES.length + 7);
    expect(twins).toContain("/reference/authentication/login.md");
    // A few at a time: the server answers prerendered files, but the test should not flood it.
    for (let i = 0; i < twins.length; i += 8) {
      await Promise.all(
        twins.slice(i, i + 8).map(async (path) => {
          const res = await request.get(path);
          expect(res.status(), path).toBe(200);
          expect(res.headers()["content-type"], path).toBe("text/markdown; charset=utf-8");
          const body = await res.text();
          expect(body, path).toMatch(/^# \S/);
          expect(body.length, path).toBeGreaterThan(100);
        }),
      );
    }
  });

  test("/openapi.json is the document prerendered at build time: cacheable by proxies, the same bytes on every request", async ({
    request,
  }) => {
    const first = await request.get("/openapi.json");
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toMatch(/^application\/json/);
    expect(first.headers()["cache-control"]).toBe("s-maxage=31536000");
    const body = await first.text();
    expect((JSON.parse(body) as { openapi: string }).openapi).toBe("3.1.0");
    expect(await (await request.get("/openapi.json")).text()).toBe(body);
  });

  test("a twin that does not exist is a 404", async ({ request }) => {
    expect((await request.get("/reference/authentication/no-such-endpoint.md")).status()).toBe(404);
  });
});

test.describe("page actions", () => {
  test("Copy page as Markdown copies the endpoint's twin", async ({ page, context, request, consoleErrors }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/reference/authentication/login");
    const actions = page.getByRole("group", { name: "Page actions" });
    await actions.getByRole("button", { name: "Copy page as Markdown" }).click();
    await expect(actions.getByRole("button", { name: "Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const twin = await (await request.get("/reference/authentication/login.md")).text();
    expect(copied).toBe(twin);
    expect(copied.startsWith("# POST /v1/auth/login\n")).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test("Open in Claude and Open in ChatGPT ask to read the twin", async ({ page, consoleErrors }) => {
    await page.goto("/reference/authentication/login");
    const origin = new URL(page.url()).origin;
    const prompt = encodeURIComponent(
      `Read ${origin}/reference/authentication/login.md and help me use this API endpoint`,
    );
    const actions = page.getByRole("group", { name: "Page actions" });
    await expect(actions.getByRole("link", { name: "Open in Claude" })).toHaveAttribute(
      "href",
      `https://claude.ai/new?q=${prompt}`,
    );
    await expect(actions.getByRole("link", { name: "Open in ChatGPT" })).toHaveAttribute(
      "href",
      `https://chatgpt.com/?hints=search&q=${prompt}`,
    );
    expect(consoleErrors).toEqual([]);
  });

  test("the reference index and category pages have the actions for their own twins", async ({
    page,
    request,
    consoleErrors,
  }) => {
    for (const [url, twin] of [
      ["/reference", "/reference.md"],
      ["/reference/agents", "/reference/agents.md"],
    ] as const) {
      await page.goto(url);
      const actions = page.getByRole("group", { name: "Page actions" });
      await expect(actions.getByRole("link", { name: "Open in Claude" })).toHaveAttribute(
        "href",
        new RegExp(encodeURIComponent(twin).replace(/\./g, "\\.")),
      );
      await expect(actions.getByRole("link", { name: "View as Markdown" })).toHaveAttribute("href", twin);
      expect((await request.get(twin)).status()).toBe(200);
    }
    expect(consoleErrors).toEqual([]);
  });
});

test.describe("the SDK page", () => {
  test("is in the header, counts the namespaces and links the download", async ({ page, request, consoleErrors }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SDK" }).click();
    await expect(page).toHaveURL(/\/sdk$/);
    await expect(page.getByRole("heading", { level: 1, name: "TypeScript SDK" })).toBeVisible();
    const rows = page.getByRole("table", { name: "SDK namespaces and their method counts" }).getByRole("row");
    await expect(rows).toHaveCount(categories.length + 1);
    await expect(rows.filter({ hasText: "client.authentication" })).toContainText(
      String(endpoints.filter((e) => e.category === "authentication").length),
    );

    const download = page.getByRole("link", { name: "Download api-client.ts" });
    const href = await download.getAttribute("href");
    expect(href).toBe("/sdk/api-client.ts");
    const res = await request.get(href ?? "");
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("class ApiClient");
    expect(consoleErrors).toEqual([]);
  });
});
