import AxeBuilder from "@axe-core/playwright";
import { expect, isDark, test } from "./fixtures";

/** One page of each kind a reader meets. */
const pages = ["/", "/reference/files", "/reference/files/upload-file", "/guides/quick-start", "/console", "/sandbox"];

// WCAG AA contrast of every text, in both themes. The theme follows the system (emulated here) unless the toggle
// stored a choice in localStorage ("theme"); the last test takes that path.
for (const theme of ["light", "dark"] as const) {
  test.describe(`contrast in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const path of pages) {
      test(`axe color-contrast finds nothing on ${path}`, async ({ page }) => {
        await page.goto(path);
        expect(await isDark(page)).toBe(theme === "dark");
        // Every code sample language and every example response, not only the tab shown first.
        await page.evaluate(() =>
          document.querySelectorAll('[role="tabpanel"][hidden]').forEach((el) => el.removeAttribute("hidden")),
        );
        const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
        expect(
          results.violations.flatMap((v) =>
            v.nodes.map((n) => `${n.target.join(" ")}: ${n.any[0]?.message ?? v.help}`),
          ),
        ).toEqual([]);
      });
    }
  });
}

test("the dark theme chosen with the toggle passes too, on a light system", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/reference/authentication/login");
  await page.getByRole("button", { name: "Switch to dark mode" }).click();
  await page.reload();
  expect(await isDark(page)).toBe(true);
  const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
});
