import { expect, test } from "./fixtures";

/**
 * The "Live API" environment through the console proxy (app/api/console/proxy, from the proxy branch).
 * In the e2e run SAAS_API_URL is this server's own /sandbox, so the live API is real and answers.
 */
test("the Live API environment sends through the console proxy, with its own credentials", async ({
  page,
  baseURL,
}) => {
  await page.goto("/console?endpoint=authentication.providers");
  const panel = page.getByTestId("console-panel");
  // A tenant of "the live API" (here: the sandbox behind the proxy), created from the sandbox side.
  await panel.getByRole("button", { name: "Get sandbox keys" }).click();
  await expect(panel.getByLabel("Public key")).toHaveValue(/^pk_live_/);
  const pk = await panel.getByLabel("Public key").inputValue();

  await panel.getByLabel("Environment").selectOption({ label: "Live API" });
  await expect(panel.getByText(`Requests go to ${baseURL}/sandbox through this portal's proxy`)).toBeVisible();
  await panel.getByLabel("Public key").fill(pk);
  await expect(panel.getByTestId("request-url")).toHaveText(`${baseURL}/sandbox/v1/auth/providers`);

  const proxied = page.waitForRequest((r) => r.url().includes("/api/console/proxy?url="));
  await panel.getByRole("button", { name: "Send request" }).click();
  expect(new URL((await proxied).url()).searchParams.get("url")).toBe(`${baseURL}/sandbox/v1/auth/providers`);
  await expect(panel.getByTestId("response-status")).toContainText(/^Response 200 OK in \d+ ms$/);
  await expect(panel.getByLabel("Response body")).toContainText('"providers"');
  await panel.getByText(/^Response headers/).click();
  await expect(panel.getByRole("row", { name: /x-console-proxy 1/ })).toBeVisible();
  await expect(panel.getByTestId("copy-code")).toContainText(`curl ${baseURL}/sandbox/v1/auth/providers`);
  await expect(panel.getByRole("list", { name: "Request history" }).getByText("live ·")).toBeVisible();
});
