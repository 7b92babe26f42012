import { expect, test } from "./fixtures";

test("an endpoint page fits a phone screen and the reference menu opens", async ({ page, consoleErrors }) => {
  await page.goto("/reference/entities/search-records");
  await expect(page.getByTestId("endpoint-path")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByText("Browse the reference").click();
  const menu = page.getByRole("navigation", { name: "API reference (menu)" });
  await menu.getByText("Authentication", { exact: true }).click();
  await menu.getByRole("link", { name: /Login with email and password/ }).click();
  await expect(page.getByTestId("endpoint-path")).toHaveText("/v1/auth/login");
  expect(consoleErrors).toEqual([]);
});

test("on a narrow phone the header scrolls its links instead of pushing the page wider", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of [
    "/",
    "/sandbox",
    "/reference/authentication/login",
    "/console?endpoint=entities.search-records",
  ]) {
    await page.goto(path);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      path,
    ).toBeLessThanOrEqual(0);
    await expect(page.getByTestId("theme-toggle")).toBeInViewport();
  }
});

test("the console fits a phone screen, with the Try it panel open on an endpoint page too", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto("/console?endpoint=files.upload-file");
  await expect(page.getByTestId("console-panel")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.goto("/reference/entities/search-records");
  await page.getByRole("button", { name: "Try it" }).click();
  await expect(page.getByTestId("console-panel")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
