import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /openapi.json", () => {
  // That it is prerendered (served from the build, cacheable) is what e2e/machines.spec.ts sees from a client.
  it("answers the whole document as JSON", async () => {
    const res = GET();
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).length).toBeGreaterThan(0);
  });
});
