import { expect, test } from "./fixtures";
import { keysTravel, walkTheJourney } from "./journey";

// The sandbox journey at 1280 px; e2e/journey.mobile.spec.ts walks it at 390 px.
test.use({ viewport: { width: 1280, height: 900 } });

test("from / to GET /v1/auth/me in at most 12 clicks and no hand-edited JSON, then an organization, a file and a stream", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const counts = await walkTheJourney(page, "console-1280");
  console.log(`journey at 1280 px: ${JSON.stringify(counts)}`);
  expect(counts.toMe.clicks).toBeLessThanOrEqual(12);
  expect(counts.toMe.jsonEdits).toBe(0);
  expect(counts.total.jsonEdits).toBe(0);
});

test("keys got on /sandbox are in /console, and in Try it and the samples of a page opened in a new tab", async ({
  page,
}) => {
  await keysTravel(page);
});
