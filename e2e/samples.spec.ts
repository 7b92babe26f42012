import type { Page } from "@playwright/test";
import { getEndpoint } from "@/lib/catalog";
import { codeSamples } from "@/lib/samples";
import { expect, test } from "./fixtures";

const samplesOf = (page: Page) => page.getByTestId("code-samples");
const tab = (page: Page, name: string) => samplesOf(page).getByRole("tab", { name, exact: true });
const visiblePanel = (page: Page) => samplesOf(page).getByRole("tabpanel");

test.describe("code samples", () => {
  test("the tabs switch by click and by arrow keys", async ({ page, consoleErrors }) => {
    await page.goto("/reference/authentication/login");
    await expect(page.getByRole("heading", { name: "Code samples" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Code samples" }),
    ).toHaveAttribute("href", "#code-samples");
    await expect(samplesOf(page).getByRole("tab")).toHaveText([
      "cURL",
      "JavaScript",
      "TypeScript",
      "Python",
      "Go",
      "PHP",
      "Ruby",
    ]);

    // cURL first, one panel shown at a time.
    await expect(tab(page, "cURL")).toHaveAttribute("aria-selected", "true");
    await expect(visiblePanel(page)).toHaveCount(1);
    await expect(visiblePanel(page)).toContainText("curl https://api.example.com/v1/auth/login");

    await tab(page, "Python").click();
    await expect(tab(page, "Python")).toHaveAttribute("aria-selected", "true");
    await expect(tab(page, "cURL")).toHaveAttribute("aria-selected", "false");
    await expect(visiblePanel(page)).toContainText("import requests");
    await expect(visiblePanel(page)).toHaveAttribute(
      "aria-labelledby",
      (await tab(page, "Python").getAttribute("id"))!,
    );

    await page.keyboard.press("ArrowRight");
    await expect(tab(page, "Go")).toBeFocused();
    await expect(tab(page, "Go")).toHaveAttribute("aria-selected", "true");
    await expect(visiblePanel(page)).toContainText("package main");
    await page.keyboard.press("End");
    await expect(tab(page, "Ruby")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(tab(page, "cURL")).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(tab(page, "Ruby")).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Home");
    await expect(tab(page, "cURL")).toHaveAttribute("aria-selected", "true");
    // Only the selected tab is in the tab order.
    await expect(samplesOf(page).locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
    expect(consoleErrors).toEqual([]);
  });

  test("the chosen language follows the reader to other endpoint pages", async ({ page, consoleErrors }) => {
    await page.goto("/reference/authentication/login");
    await tab(page, "Python").click();
    expect(await page.evaluate(() => localStorage.getItem("sample-lang"))).toBe("python");

    // Client-side navigation to the next endpoint.
    await page
      .getByRole("navigation", { name: "Previous and next endpoint" })
      .getByRole("link", { name: /→$/ })
      .click();
    await expect(page.getByTestId("endpoint-path")).toHaveText("/v1/auth/refresh");
    await expect(tab(page, "Python")).toHaveAttribute("aria-selected", "true");
    await expect(visiblePanel(page)).toContainText('requests.post("https://api.example.com/v1/auth/refresh"');

    // A full page load: the server renders cURL, the stored choice applies after hydration without errors.
    await page.goto("/reference/files/upload-file");
    await expect(tab(page, "Python")).toHaveAttribute("aria-selected", "true");
    await expect(visiblePanel(page)).toContainText("files=[");
    expect(consoleErrors).toEqual([]);
  });

  test("the copy button copies the visible sample", async ({ page, context, consoleErrors }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const endpoint = getEndpoint("entities.create-record")!;
    const expected = codeSamples(endpoint);
    await page.goto("/reference/entities/create-record");

    await visiblePanel(page).getByRole("button", { name: "Copy" }).click();
    await expect(visiblePanel(page).getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.find((s) => s.id === "curl")?.code);

    await tab(page, "TypeScript").click();
    await visiblePanel(page).getByRole("button", { name: "Copy" }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(expected.find((s) => s.id === "typescript")?.code);
    expect(copied).toContain("client.entities.createRecord(");
    expect(consoleErrors).toEqual([]);
  });
});
