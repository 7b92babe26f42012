import { categories, endpoints, findCategory } from "@/lib/catalog";
import { expect, test } from "./fixtures";

const endpointUrl = (e: (typeof endpoints)[number]) => `/reference/${findCategory(e.category)!.slug}/${e.slug}`;

test.describe("reference pages", () => {
  test("the overview and the reference index render", async ({ page, consoleErrors }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Two authentication contexts" })).toBeVisible();
    await page.getByRole("link", { name: "Browse the reference" }).click();
    await expect(page).toHaveURL(/\/reference$/);
    await expect(page.getByRole("list", { name: "Categories" }).getByRole("listitem")).toHaveCount(13);
    expect(consoleErrors).toEqual([]);
  });

  for (const c of categories) {
    test(`category ${c.slug} lists its endpoints`, async ({ page, consoleErrors }) => {
      const res = await page.goto(`/reference/${c.slug}`);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: c.title })).toBeVisible();
      const count = endpoints.filter((e) => e.category === c.id).length;
      await expect(page.getByRole("main").getByRole("heading", { name: `${count} endpoints` })).toBeVisible();
      expect(consoleErrors).toEqual([]);
    });
  }

  // Every endpoint page as served: one request each (the pages are static HTML, the same for every visitor).
  test("all endpoint pages answer 200 with their method, path, summary and responses in the served HTML", async ({
    request,
  }) => {
    for (const e of endpoints) {
      const res = await request.get(endpointUrl(e));
      expect(res.status(), e.id).toBe(200);
      const html = await res.text();
      const text = (pattern: RegExp) => decodeHtml(pattern.exec(html)?.[1] ?? "(missing)");
      expect(text(/data-endpoint-id="([^"]*)"/), e.id).toBe(e.id);
      expect(text(/data-testid="endpoint-path"[^>]*>([^<]*)</), e.id).toBe(e.path);
      expect(text(/<h1[^>]*>([^<]*)<\/h1>/), e.id).toBe(e.summary);
      expect(html.includes(`>${e.method}</span>`), `${e.id}: method badge`).toBe(true);
      expect(html.includes('<h2 id="responses"'), `${e.id}: Responses section`).toBe(true);
    }
  });

  // And in the browser, one endpoint page of every category: what a reader sees, with no console error.
  for (const c of categories) {
    const e = endpoints.find((x) => x.category === c.id)!;
    test(`${e.id}: the page shows its method and path in the browser`, async ({ page, consoleErrors }) => {
      const res = await page.goto(endpointUrl(e));
      expect(res?.status()).toBe(200);
      const header = page.locator("article", { has: page.getByTestId("endpoint-path") });
      await expect(header.getByTestId("endpoint-path")).toHaveText(e.path);
      await expect(header.locator("span", { hasText: new RegExp(`^${e.method}$`) }).first()).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(e.summary);
      await expect(page.getByRole("heading", { name: /^Responses/ })).toBeVisible();
      expect(consoleErrors).toEqual([]);
    });
  }

  test("an unknown endpoint is a 404 page", async ({ page }) => {
    const res = await page.goto("/reference/authentication/no-such-endpoint");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("navigation", () => {
  test("the sidebar opens a category and navigates to an endpoint", async ({ page, consoleErrors }) => {
    await page.goto("/reference");
    const sidebar = page.getByTestId("sidebar").getByRole("navigation", { name: "API reference" });
    await sidebar.getByText("Organizations", { exact: true }).click();
    await sidebar.getByRole("link", { name: /Create a new organization/ }).click();
    await expect(page).toHaveURL(/\/reference\/organizations\/[a-z-]+$/);
    await expect(page.getByTestId("endpoint-path")).toHaveText("/v1/organizations");
    await expect(sidebar.getByRole("link", { name: /Create a new organization/ })).toHaveAttribute(
      "aria-current",
      "page",
    );
    // Prev/next walks the reference in order.
    await page
      .getByRole("navigation", { name: "Previous and next endpoint" })
      .getByRole("link", { name: /→$/ })
      .click();
    await expect(page.getByTestId("endpoint-path")).toHaveText("/v1/organizations/{organization_id}");
    expect(consoleErrors).toEqual([]);
  });

  test("breadcrumbs lead back to the category", async ({ page }) => {
    await page.goto("/reference/authentication/login");
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Authentication" }).click();
    await expect(page).toHaveURL(/\/reference\/authentication$/);
  });

  test("section anchors exist for every heading in the table of contents", async ({ page }) => {
    await page.goto("/reference/authentication/register");
    const links = page.getByRole("navigation", { name: "On this page" }).getByRole("link");
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(4);
    for (const href of hrefs) await expect(page.locator(href!)).toBeAttached();
  });
});

/** The text of an HTML fragment as React escapes it. */
function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}
