import { GUIDES } from "@/lib/content/guides";
import { expect, test } from "./fixtures";

test("every guide fits a phone screen", async ({ page, consoleErrors }) => {
  for (const g of GUIDES) {
    await page.goto(`/guides/${g.id}`);
    await expect(page.getByRole("heading", { level: 1 }), g.id).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${g.id} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  expect(consoleErrors).toEqual([]);
});

test("the guides menu opens and navigates on a phone", async ({ page, consoleErrors }) => {
  await page.goto("/guides");
  await page.getByText("Browse the guides").click();
  const menu = page.getByRole("navigation", { name: "Guides (menu)" });
  const target = GUIDES[GUIDES.length - 1]!;
  await menu.getByRole("link", { name: target.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/guides/${target.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
