import { expect, test } from "./fixtures";
import { walkTheJourney } from "./journey";

// The same journey as e2e/journey.spec.ts, on a 390 px phone.
test.use({ viewport: { width: 390, height: 844 } });

test("on a phone: from / to GET /v1/auth/me in at most 12 taps and no hand-edited JSON, nothing wider than the screen", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const counts = await walkTheJourney(page, "console-390");
  console.log(`journey at 390 px: ${JSON.stringify(counts)}`);
  expect(counts.toMe.clicks).toBeLessThanOrEqual(12);
  expect(counts.toMe.jsonEdits).toBe(0);
  expect(counts.total.jsonEdits).toBe(0);
});
