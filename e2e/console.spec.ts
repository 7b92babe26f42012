import AxeBuilder from "@axe-core/playwright";
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

/** The console as a new developer uses it: every step through the page, reading what it shows. */
class ConsoleUi {
  readonly panel: Locator;
  constructor(readonly page: Page) {
    this.panel = page.getByTestId("console-panel");
  }

  async open(endpoint = "authentication.login") {
    await this.page.goto(`/console?endpoint=${endpoint}`);
    await expect(this.panel).toBeVisible();
  }

  /** Finds an endpoint with the picker's filter and opens it; the heading and the URL follow. */
  async pick(filter: string, summary: string) {
    const picker = this.page.getByRole("navigation", { name: "Endpoints" });
    await picker.getByLabel("Find an endpoint").fill(filter);
    const link = picker.getByRole("link", {
      name: new RegExp(`^(GET|POST|PUT|PATCH|DEL) ${summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    });
    await link.click();
    await expect(link).toHaveAttribute("aria-current", "page");
    await expect(this.page.getByTestId("console-endpoint")).toHaveText(summary);
  }

  body() {
    return this.panel.getByLabel("Request body (JSON)");
  }

  async setBody(value: unknown) {
    await this.body().fill(JSON.stringify(value, null, 2));
  }

  param(name: string) {
    return this.panel.getByLabel(name, { exact: false }).and(this.panel.locator("input"));
  }

  /** Sends and waits for the complete answer; returns its status line. */
  async send(expected: number) {
    await this.panel.getByRole("button", { name: "Send request" }).click();
    await expect(this.panel.getByTestId("response-status")).toContainText(
      new RegExp(`^Response ${expected} .* in \\d+ ms$`),
    );
  }

  async json<T = Record<string, unknown>>(): Promise<T> {
    return JSON.parse(await this.panel.getByLabel("Response body").innerText()) as T;
  }
}

const PASSWORD = "Str0ngPassw0rd";

test.describe("the API console", () => {
  test("a new developer's first hour: keys, register, verify, log in, organizations, entities, files, agents", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const ui = new ConsoleUi(page);
    const email = `dev-${Date.now()}@example.com`;
    await ui.open();

    // Get sandbox keys, with email verification on so the outbox step is real.
    await expect(ui.panel.getByLabel("Require email verification")).toBeChecked();
    await ui.panel.getByRole("button", { name: "Get sandbox keys" }).click();
    await expect(ui.panel.getByText(/New sandbox tenant: keys filled in, email verification on/)).toBeVisible();
    await expect(ui.panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
    await expect(ui.panel.getByLabel("Secret key")).toHaveValue(/^sk_live_/);

    // Register: no tokens while the email is unverified.
    await ui.pick("register", "Register a new user");
    await ui.setBody({ email, password: PASSWORD, display_name: "Ada" });
    await ui.send(201);
    expect(await ui.json()).toMatchObject({ verification_required: true });
    await expect(ui.panel.getByRole("button", { name: "Use this token" })).toHaveCount(0);

    // Verify from the outbox.
    await ui.pick("verify email", "Verify end-user email with token (requires API Key)");
    await ui.panel.getByRole("button", { name: "Show sandbox outbox" }).click();
    const outbox = ui.panel.getByRole("list", { name: "Sandbox outbox" });
    await expect(outbox.getByText(email).first()).toBeVisible();
    const token = (await outbox.getByTestId("outbox-token").first().innerText()).trim();
    await outbox.getByRole("button", { name: "Use this token in POST /v1/auth/verify-email" }).first().click();
    expect(JSON.parse(await ui.body().inputValue())).toEqual({ token });
    await ui.send(200);
    expect(await ui.json()).toMatchObject({ message: expect.stringMatching(/verified/i) });

    // Log in and use the token.
    await ui.pick("login", "Login with email and password");
    await ui.setBody({ email, password: PASSWORD });
    await ui.send(200);
    // Taken at once, with an undo.
    await expect(ui.panel.getByTestId("next-step")).toContainText(
      "This answer's access token is now in use for the next requests.",
    );
    await expect(ui.panel.getByTestId("token-expiry")).toHaveText(/^Token expires in (59 min|1 h)/);

    // Who am I.
    await ui.pick("/v1/auth/me", "Get current authenticated user info");
    await ui.send(200);
    expect(await ui.json()).toMatchObject({ email });

    // Create an organization and pick it as X-Organization-Id.
    await ui.pick("create organization", "Create a new organization (user becomes owner)");
    await ui.setBody({ name: "Acme Labs", slug: "acme-labs" });
    await ui.send(201);
    const org = await ui.json<{ id: string }>();
    await expect(ui.panel.getByLabel("X-Organization-Id")).toHaveValue(org.id);
    await ui.panel.getByRole("button", { name: "Load my organizations" }).click();
    await ui.panel.getByLabel("Your organizations").selectOption({ label: "Acme Labs (owner)" });
    await expect(ui.panel.getByLabel("X-Organization-Id")).toHaveValue(org.id);

    // An entity schema and three records.
    await ui.pick("entities create schema", "Create a new entity schema");
    await expect(ui.panel.getByLabel("API key sent")).toHaveValue("secret");
    await ui.setBody({
      name: "Products",
      slug: "products",
      fields_definition: {
        name: { type: "string", required: true },
        price: { type: "float", required: true, minimum: 0 },
      },
    });
    await ui.send(201);
    const schema = await ui.json<{ id: string }>();
    await ui.pick("entities create record", "Create a new entity record");
    for (const [name, price] of [
      ["Laptop", 1299],
      ["Phone", 799],
      ["Pen", 2],
    ] as const) {
      await ui.setBody({ schema_id: schema.id, data: { name, price } });
      await ui.send(201);
    }

    // Search with an operator: only the records above 100.
    await ui.pick("search records", "Advanced search for entity records with filters and ordering");
    await ui.setBody({ schema_id: schema.id, query: { price: { operator: "gt", value: 100 } } });
    await ui.send(200);
    const found = await ui.json<{ items: Array<{ data: { name: string } }> }>();
    expect(found.items.map((r) => r.data.name).sort()).toEqual(["Laptop", "Phone"]);

    // Upload a file with the file picker, then download it.
    await ui.pick("upload", "Upload a file to user's Drive");
    await ui.panel
      .getByLabel("file", { exact: true })
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Hello from the console\n") });
    await ui.send(201);
    const uploaded = await ui.json<{ file: { id: string } }>();
    await ui.pick("download", "Download own file");
    await ui.panel.getByLabel(/file_id/).fill(uploaded.file.id);
    await ui.send(200);
    const downloading = page.waitForEvent("download");
    await ui.panel.getByRole("link", { name: "Download notes.txt" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("notes.txt");
    expect(await readFile((await download.path())!, "utf8")).toBe("Hello from the console\n");

    // Chat with an agent.
    await ui.pick("agents available", "List available agents for end-users");
    await ui.send(200);
    const agents = await ui.json<{ agents?: Array<{ id: string }> } | Array<{ id: string }>>();
    const agentId = (Array.isArray(agents) ? agents : (agents.agents ?? []))[0]?.id;
    expect(agentId).toBeTruthy();
    await ui.pick("agents chat", "Chat with an agent (execute)");
    await ui.panel.getByLabel(/agent_id/).fill(agentId!);
    await ui.send(200);
    expect(await ui.json()).toMatchObject({
      agent_id: agentId,
      input_text: "Hello, how can you help me?",
      status: "SUCCESS",
      output_text: expect.any(String),
    });

    // The streaming example: the text as it arrives, the server-sent events one tab away.
    await ui.pick("completions", "Generate AI completion (streaming supported)");
    await ui.panel.getByLabel("Example").selectOption({ label: "Stream the answer as server-sent events" });
    expect(JSON.parse(await ui.body().inputValue())).toMatchObject({ stream: true });
    await ui.send(200);
    await expect(ui.panel.getByTestId("stream-text")).not.toBeEmpty();
    await ui.panel.getByRole("tab", { name: /Raw events/ }).click();
    const events = ui.panel.getByRole("list", { name: "Server-sent events" });
    await expect(events.getByRole("listitem").last()).toHaveText("[DONE]");
    expect(await events.getByRole("listitem").count()).toBeGreaterThan(2);
    await expect(ui.panel.getByText(/stream ended/)).toBeVisible();

    // Copy as curl: exactly what was sent, key included.
    const curl = await ui.panel.getByTestId("copy-code").innerText();
    expect(curl).toContain("/sandbox/v1/ai/completions");
    expect(curl).toContain(`X-API-Key: ${await ui.panel.getByLabel("Public key").inputValue()}`);
    expect(curl).toContain('"stream": true');
  });

  test("a validation error is shown before sending, and nothing is sent", async ({ page }) => {
    const ui = new ConsoleUi(page);
    const apiCalls: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/sandbox/v1/")) apiCalls.push(r.url());
    });
    await ui.open("authentication.register");
    await ui.panel.getByLabel("Public key").fill("pk_live_not_checked_before_sending");
    await ui.setBody({ email: "not-an-email", password: "short" });
    await ui.panel.getByRole("button", { name: "Send request" }).click();
    const errors = ui.panel.getByTestId("validation-errors");
    await expect(errors).toContainText("Not sent: fix these 3 problems first.");
    await expect(errors).toContainText("body.email: value is not a valid email address");
    await expect(errors).toContainText("body.password");
    await expect(ui.body()).toHaveAttribute("aria-invalid", "true");
    await expect(ui.panel.getByTestId("response-status")).toHaveText("Nothing sent yet.");
    await expect(ui.panel.getByRole("list", { name: "Request history" })).toHaveCount(0);
    expect(apiCalls).toEqual([]);

    // "Send anyway" shows the API's own 422, field by field.
    await ui.panel.getByRole("button", { name: "Send anyway" }).click();
    await expect(ui.panel.getByTestId("response-status")).toContainText(/^Response (401|422) /);
    expect(apiCalls).toHaveLength(1);
  });

  test("a secret key pasted with the live API selected gets a clear warning", async ({ page }) => {
    const ui = new ConsoleUi(page);
    await ui.open();
    await ui.panel.getByLabel("Secret key").fill("sk_live_sandbox0123456789");
    await expect(ui.panel.getByRole("alert").filter({ hasText: "This is a secret key" })).toHaveCount(0);
    // The live API has its own credentials: keys entered for the sandbox are not sent there.
    await ui.panel.getByLabel("Environment").selectOption({ label: "Live API" });
    await expect(ui.panel.getByLabel("Secret key")).toHaveValue("");
    await expect(ui.panel.getByRole("button", { name: "Get sandbox keys" })).toHaveCount(0);
    await ui.panel.getByLabel("Secret key").fill("sk_live_0123456789abcdef");
    const warning = ui.panel
      .getByRole("alert")
      .filter({ hasText: "This is a secret key, and it is now in a browser." });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("Live API");
    await ui.panel.getByRole("button", { name: "Forget credentials" }).click();
    await expect(warning).toHaveCount(0);
    await expect(ui.panel.getByLabel("Secret key")).toHaveValue("");
    await ui.panel.getByLabel("Environment").selectOption({ label: "Sandbox" });
    await expect(ui.panel.getByLabel("Secret key")).toHaveValue("sk_live_sandbox0123456789");
  });

  test("sandbox credentials are kept in the browser for every tab; live-API keys only when remembered; history replays", async ({
    page,
  }) => {
    const ui = new ConsoleUi(page);
    await ui.open("authentication.providers");
    await ui.panel.getByRole("button", { name: "Get sandbox keys" }).click();
    await expect(ui.panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
    const pk = await ui.panel.getByLabel("Public key").inputValue();
    await ui.send(200);

    await page.reload();
    await expect(ui.panel.getByLabel("Public key")).toHaveValue(pk);
    const history = ui.panel.getByRole("list", { name: "Request history" });
    await expect(history.getByRole("listitem")).toHaveCount(1);
    expect(await page.evaluate(() => localStorage.getItem("saas-portal:console-history"))).not.toContain(pk);

    await history.getByRole("button", { name: /^Replay GET \/v1\/auth\/providers/ }).click();
    await expect(ui.panel.getByTestId("response-status")).toContainText(/^Response 200 OK in \d+ ms$/);
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await expect(history.getByTestId("history-status").first()).toHaveText("200");

    // Another tab of the browser has the sandbox keys at once.
    const other = await page.context().newPage();
    await other.goto("/console?endpoint=authentication.providers");
    await expect(other.getByTestId("console-panel").getByLabel("Public key")).toHaveValue(pk);

    // Live-API keys: this tab only, unless "Remember" is ticked.
    await ui.panel.getByLabel("Environment").selectOption({ label: "Live API" });
    await ui.panel.getByLabel("Public key").fill("pk_live_for_the_live_api");
    await page.reload();
    await expect(ui.panel.getByLabel("Public key")).toHaveValue("pk_live_for_the_live_api");
    const third = await page.context().newPage();
    await third.goto("/console?endpoint=authentication.providers");
    await third.getByTestId("console-panel").getByLabel("Environment").selectOption({ label: "Live API" });
    await expect(third.getByTestId("console-panel").getByLabel("Public key")).toHaveValue("");
    await ui.panel.getByLabel("Remember in this browser").check();
    await third.reload();
    await third.getByTestId("console-panel").getByLabel("Environment").selectOption({ label: "Live API" });
    await expect(third.getByTestId("console-panel").getByLabel("Public key")).toHaveValue("pk_live_for_the_live_api");
  });

  test("Try it on an endpoint page loads the console on demand and sends the request", async ({ page }) => {
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await page.goto("/reference/authentication/providers");
    await expect(page.getByTestId("console-panel")).toHaveCount(0);
    const before = scripts.length;
    await page.getByRole("button", { name: "Try it" }).click();
    const panel = page.getByTestId("console-panel");
    await expect(panel).toBeVisible();
    expect(scripts.length).toBeGreaterThan(before);
    await panel.getByRole("button", { name: "Get sandbox keys" }).click();
    await expect(panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
    // The keyboard: Ctrl+Enter anywhere in the request form sends.
    await panel.getByLabel("API key sent").press("Control+Enter");
    await expect(panel.getByTestId("response-status")).toContainText(/^Response 200 OK/);
    await expect(panel.getByLabel("Response body")).toContainText('"providers"');
  });

  test("the demo tenant: its keys in one click, its ready-made user logs in and the token works", async ({ page }) => {
    const ui = new ConsoleUi(page);
    await ui.open();
    await ui.panel.getByRole("button", { name: "Use the demo tenant" }).click();
    await expect(ui.panel.getByText(/Demo tenant keys filled in .* demo@example\.com \/ SandboxPass123/)).toBeVisible();
    await expect(ui.panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
    await expect(ui.panel.getByLabel("Secret key")).toHaveValue(/^sk_live_/);
    // The login example now holds the demo user.
    expect(JSON.parse(await ui.body().inputValue())).toEqual({ email: "demo@example.com", password: "SandboxPass123" });
    await ui.send(200);
    await expect(ui.panel.getByTestId("next-step")).toBeVisible();
    await expect(ui.panel.getByTestId("token-expiry")).toContainText(/^Token expires in/);
    await ui.pick("current authenticated", "Get current authenticated user info");
    await ui.send(200);
    expect(await ui.json()).toMatchObject({ email: "demo@example.com" });
  });

  test("an API error is explained: 401 without a token", async ({ page }) => {
    const ui = new ConsoleUi(page);
    await ui.open("authentication.me");
    await ui.panel.getByRole("button", { name: "Get sandbox keys" }).click();
    await expect(ui.panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
    await ui.panel.getByRole("button", { name: "Send request" }).click();
    await expect(ui.panel.getByTestId("validation-errors")).toContainText("header.Authorization");
    await ui.panel.getByRole("button", { name: "Send anyway" }).click();
    const explanation = ui.panel.getByTestId("response-explanation");
    await expect(explanation).toContainText("401 Unauthorized");
    await expect(explanation).toContainText("No access token was sent. The API says: “Not authenticated”.");
  });
});

test("a rate limit says when to retry; a request that gets no answer is told apart from an API error", async ({
  page,
}) => {
  const ui = new ConsoleUi(page);
  await ui.open("authentication.register");
  await ui.panel.getByLabel("Require email verification").uncheck();
  await ui.panel.getByRole("button", { name: "Get sandbox keys" }).click();
  await expect(ui.panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
  await ui.setBody({ email: `limit-${Date.now()}@example.com`, password: PASSWORD });
  // Register allows 3 requests an hour per client, then blocks for 30 minutes.
  await ui.send(201);
  await ui.send(409);
  await ui.send(409);
  await ui.send(429);
  const explanation = ui.panel.getByTestId("response-explanation");
  await expect(explanation).toContainText("429 Too Many Requests");
  await expect(explanation).toContainText(/Rate limit reached\. Retry in \d+ s \(at /);

  await page.route("**/sandbox/v1/auth/register", (route) => route.abort("connectionrefused"));
  await ui.panel.getByRole("button", { name: "Send request" }).click();
  await expect(ui.panel.getByTestId("response-status")).toHaveText(
    "No answer: the request failed before reaching the API.",
  );
  await expect(explanation).toContainText("The request did not get an answer");
  await expect(explanation).toContainText("not an API error");
  await expect(
    ui.panel.getByRole("list", { name: "Request history" }).getByTestId("history-status").first(),
  ).toHaveText("failed");
});

test("an expired access token: the 401 is explained and one click refreshes it", async ({ page }) => {
  const ui = new ConsoleUi(page);
  const email = `expiry-${Date.now()}@example.com`;
  await ui.open("authentication.register");
  await ui.panel.getByLabel("Require email verification").uncheck();
  await ui.panel.getByRole("button", { name: "Get sandbox keys" }).click();
  await expect(ui.panel.getByText(/email verification off/)).toBeVisible();
  await ui.setBody({ email, password: PASSWORD });
  await ui.send(201);
  // Register without verification signs in: its token is taken at once; "Undo" gives it back, one click takes it again.
  await ui.panel.getByRole("button", { name: "Undo" }).click();
  await expect(ui.panel.getByTestId("token-expiry")).toHaveText(/^No token/);
  await ui.panel.getByRole("button", { name: "Use this token" }).click();
  await expect(ui.panel.getByTestId("token-expiry")).toHaveText(/^Token expires in/);

  // A token whose exp lies in the past, as one an hour old would be (the sandbox's own last an hour).
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const expired = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: "someone", exp: Math.floor(Date.now() / 1000) - 120 })}.c2ln`;
  await ui.panel.getByLabel("Access token (JWT)").fill(expired);
  await expect(ui.panel.getByTestId("token-expiry")).toHaveText(/^Token expired 2 min \d+ s ago/);

  await ui.pick("/v1/auth/me", "Get current authenticated user info");
  await ui.send(401);
  const explanation = ui.panel.getByTestId("response-explanation");
  await expect(explanation).toContainText("Your access token has expired.");
  await explanation.getByRole("button", { name: "Refresh token" }).click();
  await expect(ui.panel.getByText("Access token refreshed.")).toBeVisible();
  await expect(ui.panel.getByTestId("token-expiry")).toHaveText(/^Token expires in/);
  await ui.send(200);
  expect(await ui.json()).toMatchObject({ email });
});

test.describe("console accessibility", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no violations on /console (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto("/console?endpoint=files.upload-file");
      await expect(page.getByTestId("console-panel")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(theme === "dark");
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
        [],
      );
    });
  }

  test("axe finds no violations in the Try it panel, with a response shown", async ({ page }) => {
    await page.goto("/reference/authentication/login");
    await page.getByRole("button", { name: "Try it" }).click();
    const panel = page.getByTestId("console-panel");
    await panel.getByRole("button", { name: "Get sandbox keys" }).click();
    await expect(panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
    await panel.getByRole("button", { name: "Send request" }).click();
    await expect(panel.getByTestId("response-status")).toContainText(/^Response 401 /);
    const results = await new AxeBuilder({ page }).include('[data-testid="console-panel"]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
