import { test as base, expect, type Page } from "@playwright/test";

/** A page that records console errors and failed requests; tests assert it stays clean. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) errors.push(`${page.url()}: ${r.status()} ${r.url()}`);
    });
    await use(errors);
  },
});

export { expect };

export async function isDark(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains("dark"));
}
