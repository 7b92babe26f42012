import { expect, isDark, test } from "./fixtures";

test.describe("dark mode", () => {
  test("follows the system setting by default", async ({ browser }) => {
    const dark = await browser.newContext({ colorScheme: "dark" });
    const page = await dark.newPage();
    await page.goto("/reference");
    expect(await isDark(page)).toBe(true);
    await dark.close();
    const light = await browser.newContext({ colorScheme: "light" });
    const page2 = await light.newPage();
    await page2.goto("/reference");
    expect(await isDark(page2)).toBe(false);
    await light.close();
  });

  test("the toggle switches the theme and the choice survives navigation and reload", async ({
    page,
    consoleErrors,
  }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/reference/authentication/login");
    expect(await isDark(page)).toBe(false);
    const codeColor = () =>
      page
        .locator(".shiki span span")
        .first()
        .evaluate((el) => getComputedStyle(el).color);
    const lightColor = await codeColor();
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    expect(await isDark(page)).toBe(true);
    await expect(page.getByRole("button", { name: "Switch to light mode" })).toBeVisible();
    // Highlighted code switches to the dark palette too (both palettes are in the static HTML).
    expect(await codeColor()).not.toBe(lightColor);
    await page.reload();
    expect(await isDark(page)).toBe(true);
    await page.goto("/reference");
    expect(await isDark(page)).toBe(true);
    await page.getByRole("button", { name: "Switch to light mode" }).click();
    expect(await isDark(page)).toBe(false);
    expect(consoleErrors).toEqual([]);
  });
});
