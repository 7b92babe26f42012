import { mkdir } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * A newcomer's journey through the sandbox, from the home page, counting what the visitor does: every click (a
 * tap, a link, a select) and every keyboard edit, with edits of the JSON body counted on their own.
 */
export class Visitor {
  clicks = 0;
  edits = 0;
  jsonEdits = 0;
  readonly panel: Locator;
  constructor(readonly page: Page) {
    this.panel = page.getByTestId("console-panel");
  }

  async click(target: Locator) {
    this.clicks += 1;
    await target.click();
  }

  async select(target: Locator, option: { label: string }) {
    this.clicks += 1;
    await target.selectOption(option);
  }

  async fill(target: Locator, value: string) {
    this.edits += 1;
    if (
      (await target.getAttribute("aria-label")) === "Request body (JSON)" ||
      (await target.evaluate((el) => el.tagName)) === "TEXTAREA"
    )
      this.jsonEdits += 1;
    await target.fill(value);
  }

  /** No page scrolls sideways: the long values (keys, JWTs, URLs, JSON lines) wrap or scroll in their own box. */
  async fitsTheScreen(step: string) {
    const { scrollWidth, innerWidth } = await this.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `${step}: page ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(
      innerWidth,
    );
  }

  /** Opens an endpoint with the console's picker (one click on its link). */
  async pick(summary: string) {
    const link = this.page
      .getByRole("navigation", { name: "Endpoints" })
      .getByRole("link", { name: new RegExp(` ${summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
    await this.click(link);
    await expect(this.page.getByTestId("console-endpoint")).toHaveText(summary);
  }

  async send(expected: number, step: string) {
    await this.click(this.panel.getByRole("button", { name: "Send request" }));
    await expect(this.panel.getByTestId("response-status")).toContainText(
      new RegExp(`^Response ${expected} .* in \\d+ ms$`),
    );
    await this.fitsTheScreen(step);
  }

  async json<T = Record<string, unknown>>(): Promise<T> {
    return JSON.parse(await this.panel.getByLabel("Response body").innerText()) as T;
  }
}

export interface JourneyCounts {
  toMe: { clicks: number; edits: number; jsonEdits: number };
  total: { clicks: number; edits: number; jsonEdits: number };
}

/** keys → register with verification → mail → verify → login → GET /v1/auth/me → organization → upload → stream. */
export async function walkTheJourney(page: Page, screenshotName: string): Promise<JourneyCounts> {
  const v = new Visitor(page);
  await page.goto("/");
  await v.fitsTheScreen("home");

  // 1. Sandbox keys from the home page's quick start (email verification on by default).
  const quickStart = page.getByRole("region", { name: "Quick start" });
  await expect(quickStart.getByLabel("Require email verification")).toBeChecked();
  await v.click(quickStart.getByRole("button", { name: "Get sandbox keys" }));
  await expect(quickStart.getByText(/Email verification on; expires .* Saved in this browser/)).toBeVisible();
  await v.fitsTheScreen("keys");

  // 2. Register in the console with the ready-made example: no token while the email is unverified.
  await v.click(quickStart.getByRole("link", { name: "Next: register a user in the console" }));
  await expect(page.getByTestId("console-endpoint")).toHaveText("Register a new user");
  await expect(v.panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
  await v.send(201, "register");
  expect(await v.json()).toMatchObject({ verification_required: true });

  // 3. The mail, from the console's outbox; its token opens the verify endpoint, filled in.
  await v.click(v.panel.getByRole("button", { name: "Show sandbox outbox" }));
  const outbox = v.panel.getByRole("list", { name: "Sandbox outbox" });
  await expect(outbox.getByText("(verification) to user@example.com")).toBeVisible();
  await v.fitsTheScreen("outbox");
  const token = (await outbox.getByTestId("outbox-token").first().innerText()).trim();
  await v.click(outbox.getByRole("button", { name: /^Use this token/ }).first());
  await expect(page.getByTestId("console-endpoint")).toHaveText("Verify end-user email with token (requires API Key)");
  expect(JSON.parse(await v.panel.getByLabel("Request body (JSON)").inputValue())).toEqual({ token });

  // 4. Verify, log in (the example is the registered user), who am I.
  await v.send(200, "verify");
  await v.pick("Login with email and password");
  await v.send(200, "login");
  await expect(v.panel.getByTestId("next-step")).toContainText("access token is now in use");
  await v.pick("Get current authenticated user info");
  await v.send(200, "me");
  expect(await v.json()).toMatchObject({ email: "user@example.com" });
  const toMe = { clicks: v.clicks, edits: v.edits, jsonEdits: v.jsonEdits };

  // Screenshots of the console after a request sent with a token, both themes.
  await mkdir("test-results/journey", { recursive: true });
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `test-results/journey/${screenshotName}-${theme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: null });

  // 5. An organization: its id becomes X-Organization-Id, said on screen.
  await v.pick("Create a new organization (user becomes owner)");
  await v.send(201, "organization");
  const org = await v.json<{ id: string }>();
  await expect(v.panel.getByTestId("next-step")).toContainText(`X-Organization-Id is now ${org.id}`);
  await expect(v.panel.getByLabel("X-Organization-Id")).toHaveValue(org.id);

  // 6. A file upload (the file picker is not typing).
  await v.pick("Upload a file to user's Drive");
  await v.panel
    .getByLabel("file", { exact: true })
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Hello from the journey\n") });
  await v.send(201, "upload");

  // 7. A streamed completion: the catalog's streaming example, the text as it is assembled, raw events a tab away.
  await v.pick("Generate AI completion (streaming supported)");
  await v.select(v.panel.getByLabel("Example"), { label: "Stream the answer as server-sent events" });
  await v.send(200, "stream");
  await expect(v.panel.getByText(/stream ended/)).toBeVisible();
  await expect(v.panel.getByTestId("stream-text")).not.toBeEmpty();
  await v.click(v.panel.getByRole("tab", { name: /Raw events/ }));
  await expect(v.panel.getByRole("list", { name: "Server-sent events" }).getByRole("listitem").last()).toHaveText(
    "[DONE]",
  );
  await v.fitsTheScreen("raw events");

  return { toMe, total: { clicks: v.clicks, edits: v.edits, jsonEdits: v.jsonEdits } };
}

/** Keys got on /sandbox travel: /console has them, and so do "Try it" and the samples on a page opened in a new tab. */
export async function keysTravel(page: Page) {
  await page.goto("/sandbox");
  await page.getByRole("button", { name: "Get sandbox keys" }).click();
  const pk = (
    await page
      .locator("#keys ~ div")
      .getByText(/^pk_live_/)
      .first()
      .innerText()
  ).trim();
  expect(pk).toMatch(/^pk_live_/);

  await page.getByRole("link", { name: "Register a user in the console" }).click();
  const panel = page.getByTestId("console-panel");
  await expect(panel.getByLabel("Public key")).toHaveValue(pk);

  const other = await page.context().newPage();
  await other.goto("/reference/authentication/me");
  // The samples show the sandbox key and URL, with a switch back to the live API's placeholders.
  const samples = other.getByTestId("code-samples");
  const visibleSample = samples.locator('[role="tabpanel"]:not([hidden])');
  await expect(visibleSample).toContainText(pk);
  await expect(visibleSample).toContainText(`${new URL(other.url()).origin}/sandbox/v1/auth/me`);
  await visibleSample.getByRole("button", { name: "Show live API placeholders" }).click();
  await expect(visibleSample).toContainText("pk_live_your_public_key");
  await expect(visibleSample).toContainText("https://api.example.com/v1/auth/me");
  await visibleSample.getByRole("button", { name: "Use my sandbox keys" }).click();
  await expect(visibleSample).toContainText(pk);

  await other.getByRole("button", { name: "Try it" }).click();
  const tryIt = other.getByTestId("console-panel");
  await expect(tryIt.getByLabel("Public key")).toHaveValue(pk);

  // "Forget sandbox credentials" in one tab empties the other (the storage event).
  await panel.getByRole("button", { name: "Forget sandbox credentials" }).click();
  await expect(panel.getByLabel("Public key")).toHaveValue("");
  await expect(tryIt.getByLabel("Public key")).toHaveValue("");
  await expect(visibleSample).toContainText("pk_live_your_public_key");
  await other.close();
}
