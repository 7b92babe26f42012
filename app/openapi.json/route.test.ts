import { describe, expect, it } from "vitest";
import { dynamic, GET } from "./route";

describe("GET /openapi.json", () => {
  it("answers the whole document as JSON, prerendered", async () => {
    const res = GET();
    expect(dynamic).toBe("force-static");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).length).toBeGreaterThan(0);
  });
});
