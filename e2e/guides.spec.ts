import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseGuide } from "@/lib/content/guide-source";
import { GUIDES } from "@/lib/content/guides";
import { expect, test } from "./fixtures";

const source = (id: string) => parseGuide(readFileSync(join(process.cwd(), "content", "guides", `${id}.mdx`), "utf8"));

test.describe("guide pages", () => {
  for (const g of GUIDES) {
    test(`${g.id}: renders, and its code blocks copy their code`, async ({ page, context, consoleErrors }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const parsed = source(g.id);
      const res = await page.goto(`/guides/${g.id}`);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(parsed.title ?? g.title);
      await expect(page.getByTestId("sidebar").getByRole("link", { name: g.title, exact: true })).toHaveAttribute(
        "aria-current",
        "page",
      );

      // Every section heading carries the anchor the guide's links use.
      for (const h of parsed.headings.filter((x) => x.depth > 1 && x.depth < 4)) {
        await expect(page.locator(`[id="${h.slug}"]`), h.text).toBeAttached();
      }

      const blocks = page.locator("[data-guide-code]");
      await expect(blocks).toHaveCount(parsed.blocks.length);
      for (let i = 0; i < parsed.blocks.length; i += 1) {
        const block = blocks.nth(i);
        const code = await block.locator("pre code").textContent();
        expect(code?.replace(/\n$/, ""), `block ${i + 1}`).toBe(parsed.blocks[i]?.code);
        // A sentinel first, so the clipboard cannot hold this code from before. ("Copied" shows only for 1.5 s: too short to assert on a busy machine.)
        await page.evaluate(() => navigator.clipboard.writeText("(sentinel)"));
        await block.getByRole("button", { name: "Copy" }).click();
        await expect
          .poll(() => page.evaluate(() => navigator.clipboard.readText()), {
            message: `block ${i + 1} on the clipboard`,
          })
          .toBe(code);
      }
      expect(consoleErrors).toEqual([]);
    });
  }

  test("an unknown guide is a 404 page", async ({ page }) => {
    const res = await page.goto("/guides/no-such-guide");
    expect(res?.status()).toBe(404);
  });

  test("links with an anchor land on an existing section", async ({ page }) => {
    const targets = new Map<string, Set<string>>();
    for (const g of GUIDES) {
      for (const { href } of source(g.id).links) {
        const [path, anchor] = href.split("#", 2);
        if (!anchor || !path?.startsWith("/")) continue;
        targets.set(path, (targets.get(path) ?? new Set()).add(anchor));
      }
    }
    expect(targets.size).toBeGreaterThan(0);
    for (const [path, anchors] of targets) {
      await page.goto(path);
      for (const a of anchors) await expect(page.locator(`[id="${a}"]`), `${path}#${a}`).toBeAttached();
    }
  });
});

test.describe("guides navigation", () => {
  test("the header leads to the guides index, which links every guide by group", async ({ page, consoleErrors }) => {
    await page.goto("/reference");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Guides" }).click();
    await expect(page).toHaveURL(/\/guides$/);
    await expect(page.getByRole("heading", { level: 1, name: "Guides" })).toBeVisible();
    const main = page.getByRole("main");
    for (const g of GUIDES) {
      const card = main.getByRole("list", { name: g.group }).locator(`a[href="/guides/${g.id}"]`);
      await expect(card, g.id).toHaveCount(1);
      await expect(card, g.id).toContainText(g.title);
    }
    expect(consoleErrors).toEqual([]);
  });

  test("the overview page lists the guides", async ({ page }) => {
    await page.goto("/");
    const section = page.locator("section", {
      has: page.getByRole("heading", { level: 2, name: "Guides", exact: true }),
    });
    for (const g of GUIDES) await expect(section.locator(`a[href="/guides/${g.id}"]`), g.id).toHaveCount(1);
    await section.getByRole("link", { name: GUIDES[1].title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/guides/${GUIDES[1].id}$`));
  });

  test("sidebar, previous/next and breadcrumbs move between guides", async ({ page, consoleErrors }) => {
    const [first, second] = GUIDES;
    await page.goto(`/guides/${first.id}`);
    const pager = page.getByRole("navigation", { name: "Previous and next guide" });
    await expect(pager.getByRole("link", { name: /Previous/ })).toHaveCount(0);
    await pager.getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(new RegExp(`/guides/${second.id}$`));
    await expect(page.getByTestId("sidebar").getByRole("link", { name: second.title, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await pager.getByRole("link", { name: /Previous/ }).click();
    await expect(page).toHaveURL(new RegExp(`/guides/${first.id}$`));

    const last = GUIDES[GUIDES.length - 1]!;
    await page.getByTestId("sidebar").getByRole("link", { name: last.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/guides/${last.id}$`));
    await expect(pager.getByRole("link", { name: /Next/ })).toHaveCount(0);

    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Guides" }).click();
    await expect(page).toHaveURL(/\/guides$/);
    expect(consoleErrors).toEqual([]);
  });

  test("a link from a guide to the reference navigates there", async ({ page, consoleErrors }) => {
    await page.goto("/guides/authentication-flow");
    await page.getByRole("main").locator('a[href="/reference/authentication/login"]').first().click();
    await expect(page).toHaveURL(/\/reference\/authentication\/login$/);
    await expect(page.getByTestId("endpoint-path")).toHaveText("/v1/auth/login");
    expect(consoleErrors).toEqual([]);
  });
});
