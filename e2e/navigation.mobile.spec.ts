import { expect, test } from "./fixtures";

const sectionNames = ["Home", "Guides", "Reference", "Console", "SDK", "MCP", "Sandbox", "OpenAPI"];

test.describe("finding your way on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the menu button opens every section, Esc closes it and focus returns", async ({ page, consoleErrors }) => {
    await page.goto("/");
    const button = page.getByRole("button", { name: /^Menu/ });
    await expect(button).toBeInViewport();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    const menu = page.getByRole("navigation", { name: "Menu" });
    await expect(menu).toBeHidden();

    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(menu.getByRole("link")).toHaveText(sectionNames);
    for (const link of await menu.getByRole("link").all()) await expect(link).toBeInViewport();
    await expect(menu.getByRole("link", { name: "Home" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toBeFocused();

    // Enter opens it from the keyboard; a section link navigates and closes it.
    await page.keyboard.press("Enter");
    await menu.getByRole("link", { name: "Guides" }).click();
    await expect(page).toHaveURL(/\/guides$/);
    await expect(menu).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(consoleErrors).toEqual([]);
  });

  test("the header names the current section, and the menu marks it", async ({ page }) => {
    await page.goto("/reference/files/upload-file");
    const button = page.getByRole("button", { name: "Menu (Reference)" });
    await expect(button).toBeVisible();
    await expect(button).toContainText("Reference");
    await button.click();
    const menu = page.getByRole("navigation", { name: "Menu" });
    await expect(menu.getByRole("link", { name: "Reference" })).toHaveAttribute("aria-current", "page");
    await expect(menu.locator('[aria-current="page"]')).toHaveCount(1);
    // A click outside (below the open panel) closes the menu.
    const panel = (await menu.boundingBox())!;
    expect(panel.y + panel.height).toBeLessThan(780);
    await page.mouse.click(5, 800);
    await expect(menu).toBeHidden();
  });
});
