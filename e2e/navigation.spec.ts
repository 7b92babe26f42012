import { expect, test } from "./fixtures";

test("the header marks the section of the page you are on", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const main = page.getByRole("navigation", { name: "Main" });
  for (const [path, section] of [
    ["/reference/files/upload-file", "Reference"],
    ["/guides/quick-start", "Guides"],
    ["/console", "Console"],
    ["/sandbox", "Sandbox"],
    ["/mcp", "MCP"],
  ] as const) {
    await page.goto(path);
    await expect(main.locator('[aria-current="page"]'), path).toHaveText(section);
    // The mark is visible, not only announced: an underline under the link.
    const mark = await main.getByRole("link", { name: section }).evaluate((el) => getComputedStyle(el, "::after").height);
    expect(mark, path).toBe("2px");
  }
  await page.goto("/");
  await expect(main.locator('[aria-current="page"]')).toHaveCount(0);
  // The menu button is for narrow screens only.
  await expect(page.getByRole("button", { name: /^Menu/ })).toBeHidden();
});
