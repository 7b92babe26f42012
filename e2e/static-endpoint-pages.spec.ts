import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Every script the page fetched, gzipped as `next build` reports sizes (bench/weight.mjs counts the same way). */
function scriptWeights(page: Page): () => Promise<number> {
  const sizes: Array<Promise<number>> = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") sizes.push(r.body().then((b) => gzipSync(b, { level: 9 }).length));
  });
  return async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

const hydrated = (page: Page) => page.evaluate(() => document.documentElement.hasAttribute("data-hydrated"));

test.describe("an endpoint page is static until search or Try it is used", () => {
  test("a first visit reads, switches tabs, theme and copies with under 100 KB of JavaScript", async ({
    page,
    context,
    consoleErrors,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.emulateMedia({ colorScheme: "light" });
    const weight = scriptWeights(page);
    await page.goto("/reference/authentication/login");
    await page.waitForLoadState("networkidle");

    const samples = page.getByTestId("code-samples");
    await samples.getByRole("tab", { name: "Go" }).click();
    await expect(samples.getByRole("tab", { name: "Go" })).toHaveAttribute("aria-selected", "true");
    await samples.getByRole("tab", { name: "Go" }).press("ArrowRight");
    await expect(samples.getByRole("tab", { name: "PHP" })).toBeFocused();
    const php = samples.locator('[role="tabpanel"]:visible');
    await expect(php).toHaveAttribute("data-sample-lang", "php");
    await php.getByRole("button", { name: "Copy" }).click();
    await expect(php.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("<?php");

    const responses = page.getByTestId("response-examples");
    await responses.getByRole("tab", { name: "401" }).click();
    await expect(responses.locator('[role="tabpanel"]:visible')).toHaveAttribute("data-response-status", "401");

    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect(page.getByRole("button", { name: "Switch to light mode" })).toHaveAttribute("aria-pressed", "true");
    expect(await page.evaluate(() => localStorage.getItem("theme"))).toBe("dark");

    // The chat links ask about the twin's full address, as on a hydrated page.
    const claude = new URL((await page.getByRole("link", { name: "Open in Claude" }).getAttribute("href")) ?? "");
    expect(claude.searchParams.get("q")).toBe(
      `Read ${new URL(page.url()).origin}/reference/authentication/login.md and help me use this API endpoint`,
    );

    expect(await hydrated(page)).toBe(false);
    expect(await weight()).toBeLessThanOrEqual(100 * 1024);
    expect(consoleErrors).toEqual([]);
  });

  test("Try it hydrates the page, without hydration errors, and the console opens at once", async ({
    page,
    consoleErrors,
  }) => {
    await page.goto("/reference/authentication/login");
    await page.waitForLoadState("networkidle");
    // Changes made before hydration (a tab, the theme) are where React takes over.
    await page.getByTestId("code-samples").getByRole("tab", { name: "Ruby" }).click();
    await page.getByTestId("theme-toggle").click();
    const dark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
    await page.getByRole("button", { name: "Try it" }).click();
    await expect(page.getByTestId("console-panel")).toBeVisible();
    expect(await hydrated(page)).toBe(true);
    await expect(page.getByTestId("code-samples").getByRole("tab", { name: "Ruby" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(page.getByTestId("code-samples").locator('[role="tab"][aria-selected="true"]')).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(dark);
    await expect(page.getByTestId("theme-toggle")).toHaveAttribute("aria-pressed", String(dark));
    // React's tabs work after hydration.
    await page.getByTestId("code-samples").getByRole("tab", { name: "cURL" }).click();
    await expect(page.getByTestId("code-samples").locator('[role="tab"][aria-selected="true"]')).toHaveText("cURL");
    expect(consoleErrors).toEqual([]);
  });
});
