import { afterEach, describe, expect, it } from "vitest";
import { GET } from "./route";

const saved = process.env.SAAS_API_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.SAAS_API_URL;
  else process.env.SAAS_API_URL = saved;
});

describe("GET /api/console/environments", () => {
  it("offers the sandbox alone without SAAS_API_URL, or with an invalid one", async () => {
    delete process.env.SAAS_API_URL;
    expect(await GET().json()).toEqual([{ id: "sandbox", label: "Sandbox", baseUrl: "/sandbox", via: "direct" }]);
    process.env.SAAS_API_URL = "ftp://api.example.com";
    expect(await GET().json()).toHaveLength(1);
  });

  it("adds the live API, read at request time, without a trailing slash", async () => {
    process.env.SAAS_API_URL = "https://api.example.com/";
    const res = GET();
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual([
      { id: "sandbox", label: "Sandbox", baseUrl: "/sandbox", via: "direct" },
      { id: "live", label: "Live API", baseUrl: "https://api.example.com", via: "proxy" },
    ]);
  });
});
