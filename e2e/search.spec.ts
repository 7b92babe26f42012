import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const dialog = (page: Page) => page.getByTestId("search-dialog");
const field = (page: Page) => dialog(page).getByRole("combobox");

/** Opens `path` and waits until it is interactive (the header's island has hydrated); focus is on the page. */
async function ready(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const path of ["/", "/reference/authentication/login", "/guides/quick-start", "/console"]) {
      test(`⌘K, Ctrl-K and "/" open search on ${path}, and Esc closes it`, async ({ page, consoleErrors }) => {
        await ready(page, path);
        for (const keys of ["Meta+K", "Control+K", "/"]) {
          await page.keyboard.press(keys);
          await expect(dialog(page), keys).toBeVisible();
          await expect(field(page)).toBeFocused();
          await page.keyboard.press("Escape");
          await expect(dialog(page)).toBeHidden();
        }
        // With a query typed too: Esc closes, it does not merely empty the search field.
        await page.keyboard.press("Control+K");
        await field(page).fill("upload a file");
        await page.keyboard.press("Escape");
        await expect(dialog(page)).toBeHidden();
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
          0,
        );
        expect(consoleErrors).toEqual([]);
      });
    }

    test("the header offers search: a field on wide screens, a button on narrow ones", async ({ page }) => {
      await ready(page, "/reference");
      if (width >= 768) await page.getByTestId("search-field").click();
      else await page.getByTestId("search-button").click();
      await expect(dialog(page)).toBeVisible();
      await expect(field(page)).toBeFocused();
    });
  });
}

test("a visitor finds the upload endpoint with the keyboard, and the search is remembered", async ({
  page,
  consoleErrors,
}) => {
  await ready(page, "/guides/quick-start");
  await page.keyboard.press("Control+K");
  await field(page).fill("upload a file");
  const first = dialog(page).getByTestId("search-option-endpoint").first();
  await expect(first).toContainText("/v1/user/files");
  await expect(first).toContainText("POST");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(field(page)).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id")) ?? "");

  await page.keyboard.press("ArrowDown");
  const second = dialog(page).getByRole("option").nth(1);
  await expect(second).toHaveAttribute("aria-selected", "true");
  await expect(field(page)).toHaveAttribute("aria-activedescendant", (await second.getAttribute("id")) ?? "");
  await page.keyboard.press("ArrowUp");
  await expect(first).toHaveAttribute("aria-selected", "true");

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reference\/files\/upload-file$/);
  await expect(page.getByTestId("endpoint-path")).toHaveText("/v1/user/files");
  await expect(dialog(page)).toBeHidden();

  await page.keyboard.press("/");
  const recent = dialog(page).getByRole("group", { name: "Recent searches" });
  await expect(recent.getByRole("option").first()).toHaveText("upload a file");
  await page.keyboard.press("Enter");
  await expect(field(page)).toHaveValue("upload a file");
  expect(consoleErrors).toEqual([]);
});

test("a guide section result opens the guide at that heading", async ({ page }) => {
  await ready(page, "/");
  await page.keyboard.press("Control+K");
  await field(page).fill("reset a forgotten password");
  const section = dialog(page).getByRole("group", { name: "Guides" }).locator('[role="option"][href*="#"]').first();
  const href = (await section.getAttribute("href")) ?? "";
  await section.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  const id = href.split("#")[1] ?? "";
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the open dialog with results passes axe in ${colorScheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await ready(page, "/reference");
    await page.keyboard.press("Control+K");
    await field(page).fill("reset password");
    await expect(dialog(page).getByRole("group", { name: "Guides" })).toBeVisible();
    const results = await new AxeBuilder({ page }).include('[data-testid="search-dialog"]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test('"/" types a slash in a field instead of opening search', async ({ page }) => {
  await ready(page, "/search");
  const input = page.getByRole("searchbox", { name: "Search the portal" });
  await input.click();
  await page.keyboard.type("a/b");
  await expect(input).toHaveValue("a/b");
  await expect(dialog(page)).toBeHidden();
});

test("search code loads on first use, and no links are prefetched on load", async ({ page }) => {
  const scripts: string[] = [];
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
    if (new URL(r.url()).searchParams.has("_rsc")) prefetches.push(r.url());
  });
  await ready(page, "/reference/authentication/login");
  // Settled: no request for 500 ms (a viewport prefetch would have started by then).
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);
  const before = scripts.length;
  await page.keyboard.press("Control+K");
  await expect(dialog(page)).toBeVisible();
  expect(scripts.length).toBeGreaterThan(before);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's field submits to /search, which lists POST /v1/user/files first", async ({ page }) => {
    await page.goto("/reference");
    await page.getByTestId("search-field").fill("upload a file");
    await page.getByTestId("search-field").press("Enter");
    await expect(page).toHaveURL(/\/search\?q=upload\+a\+file$/);
    const first = page.getByTestId("search-endpoint").first();
    await expect(first).toContainText("POST");
    await expect(first).toContainText("/v1/user/files");
    await expect(first).toHaveAttribute("href", "/reference/files/upload-file");
  });

  test("/search answers 200 and explains an over-long query", async ({ page }) => {
    const res = await page.goto("/search?q=upload%20a%20file");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Guides" })).toBeVisible();
    await page.goto(`/search?q=${"x".repeat(201)}`);
    await expect(page.getByRole("alert")).toContainText("longer than 200 characters");
  });
});
