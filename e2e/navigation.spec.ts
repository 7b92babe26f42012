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
    const mark = await main
      .getByRole("link", { name: section })
      .evaluate((el) => getComputedStyle(el, "::after").height);
    expect(mark, path).toBe("2px");
  }
  await page.goto("/");
  await expect(main.locator('[aria-current="page"]')).toHaveCount(0);
  // The menu button is for narrow screens only.
  await expect(page.getByRole("button", { name: /^Menu/ })).toBeHidden();
});

test("the header's links, search field, OpenAPI link and theme toggle never overlap, from 768 to 1440 px", async ({
  page,
}) => {
  for (const width of [768, 1024, 1100, 1280, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/reference/files/upload-file");
    const boxes = await page.locator("header").evaluate((header) =>
      [...header.querySelectorAll<HTMLElement>("a, button, input")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            name: el.getAttribute("aria-label") ?? el.textContent?.trim() ?? el.tagName,
            left: r.left,
            right: r.right,
          };
        })
        .sort((a, b) => a.left - b.left),
    );
    for (let i = 1; i < boxes.length; i++) {
      const [prev, next] = [boxes[i - 1]!, boxes[i]!];
      expect(prev.right, `${width} px: ${prev.name} runs into ${next.name}`).toBeLessThanOrEqual(next.left);
    }
    expect(boxes.at(-1)!.right, `${width} px`).toBeLessThanOrEqual(width);
  }
});
