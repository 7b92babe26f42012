import { endpoints, findCategory } from "@/lib/catalog";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

const endpointUrl = (e: (typeof endpoints)[number]) => `/reference/${findCategory(e.category)!.slug}/${e.slug}`;
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe("an endpoint page as a reader meets it", () => {
  test("at 1280 px the samples sit in a sticky column beside the prose", async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/reference/files/upload-file");
    const prose = page.getByRole("heading", { level: 1 });
    const column = page.getByTestId("sample-column");
    const [h1, col] = [(await prose.boundingBox())!, (await column.boundingBox())!];
    // Side by side: the column starts right of the title and at about the same height.
    expect(col.x).toBeGreaterThan(h1.x + 300);
    expect(Math.abs(col.y - h1.y)).toBeLessThan(150);
    await expect(column.getByTestId("code-samples")).toBeInViewport();
    await expect(column.getByTestId("response-examples")).toBeVisible();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

    // Reading on, the prose scrolls and the samples stay.
    await page.locator("#errors").scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
    await expect(column.getByTestId("code-samples")).toBeInViewport();
    const stuck = (await column.boundingBox())!;
    expect(stuck.y).toBeGreaterThanOrEqual(56);
    expect(stuck.y).toBeLessThan(120);
    expect(consoleErrors).toEqual([]);
  });

  test("the example response follows the chosen status, errors included", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/reference/authentication/login");
    const examples = page.getByTestId("response-examples");
    const statuses = examples.getByRole("tab");
    await expect(statuses.first()).toHaveAttribute("aria-selected", "true");
    await expect(examples.getByRole("tabpanel")).toContainText('"access_token"');
    await examples.getByRole("tab", { name: "401" }).click();
    await expect(examples.getByRole("tabpanel")).toHaveAttribute("data-response-status", "401");
    await expect(examples.getByRole("tabpanel")).toContainText('"detail": "Invalid email or password"');
    await examples.getByRole("tab", { name: "401" }).press("ArrowRight");
    await expect(examples.getByRole("tab", { name: "403" })).toBeFocused();
    await expect(examples.getByRole("tabpanel")).toHaveAttribute("data-response-status", "403");
    await examples.getByRole("tab", { name: "422" }).click();
    await expect(examples.getByRole("tabpanel")).toContainText('"loc"');
  });

  test("at 390 px one column, the samples after the request, no sideways scroll; every language reachable", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/reference/files/upload-file");
    const column = page.getByTestId("sample-column");
    const h1 = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
    const col = (await column.boundingBox())!;
    expect(Math.abs(col.x - h1.x)).toBeLessThan(2);
    expect(col.y).toBeGreaterThan(h1.y + 200);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

    const samples = page.getByTestId("code-samples");
    const language = samples.getByRole("combobox", { name: "Language" });
    await expect(language.locator("option")).toHaveText([
      "cURL",
      "JavaScript",
      "TypeScript",
      "Python",
      "Go",
      "PHP",
      "Ruby",
    ]);
    for (const [label, id] of [
      ["PHP", "php"],
      ["Ruby", "ruby"],
    ] as const) {
      await language.selectOption({ label });
      await expect(samples.getByRole("tabpanel")).toHaveAttribute("data-sample-lang", new RegExp(`^${id}`));
      await expect(samples.getByRole("tabpanel")).toBeVisible();
    }
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  });

  test("at 390 px the header table scrolls in its own box instead of squeezing a column", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/reference/authentication/login");
    const table = page.locator("#authentication + div table");
    for (const th of await table.locator("th").all())
      expect((await th.boundingBox())!.width).toBeGreaterThanOrEqual(100);
    const notes = (await table.locator("th", { hasText: "Notes" }).boundingBox())!;
    expect(notes.width).toBeGreaterThanOrEqual(120);
    const box = table.locator("xpath=..");
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test("at 390 px no endpoint page scrolls sideways: long paths and parameters in prose and headings wrap", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const wide: string[] = [];
  for (const e of endpoints) {
    await page.goto(endpointUrl(e));
    const over = await pageOverflow(page);
    if (over > 0) wide.push(`${e.id}: ${over} px`);
  }
  expect(wide).toEqual([]);
});

test.describe("notes on the source documentation", () => {
  test("on all 109 endpoint pages: collapsed, near the end, never a callout above the content", async ({ request }) => {
    test.setTimeout(120_000);
    expect(endpoints).toHaveLength(109);
    let withNotes = 0;
    for (const e of endpoints) {
      const html = await (await request.get(endpointUrl(e))).text();
      expect(html, e.id).not.toContain("contradicts itself here");
      const details = html.match(/<details[^>]*id="source-notes"[^>]*>/);
      if (e.conflicts.length === 0) {
        expect(details, e.id).toBeNull();
        continue;
      }
      withNotes++;
      expect(details, e.id).not.toBeNull();
      expect(details![0], `${e.id}: collapsed`).not.toMatch(/\sopen(=|\s|>)/);
      // After the responses and the errors, before the related endpoints.
      const at = html.indexOf(details![0]);
      expect(at, e.id).toBeGreaterThan(html.indexOf('id="errors"'));
      expect(at, e.id).toBeLessThan(html.indexOf('id="related"'));
      for (const c of e.conflicts) expect(html.indexOf(c.topic, at), `${e.id}: ${c.topic}`).toBeGreaterThan(at);
    }
    expect(withNotes).toBe(85);
  });

  for (const width of [1280, 390]) {
    test(`out of the first viewport and closed until asked, at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 500 ? 800 : 844 });
      for (const e of endpoints.filter((x) => x.conflicts.length > 0).slice(0, 4)) {
        await page.goto(endpointUrl(e));
        const notes = page.getByTestId("source-notes");
        await expect(notes, e.id).not.toBeInViewport();
        await expect(notes.getByText(e.conflicts[0]!.text), e.id).toBeHidden();
      }
      await page
        .getByRole("navigation", { name: "On this page" })
        .getByRole("link", { name: "Notes on the source documentation" })
        .click();
      const notes = page.getByTestId("source-notes");
      await expect(notes).toBeInViewport();
      await notes.getByText("Notes on the source documentation").click();
      await expect(notes).toHaveAttribute("open", "");
      await expect(notes.getByRole("listitem").first()).toBeVisible();
    });
  }
});
