import { describe, expect, it } from "vitest";
import { endpoints, getCategory } from "@/lib/catalog";
import { filterEndpoints } from "./picker";

const list = endpoints.map((e) => ({
  id: e.id,
  method: e.method,
  path: e.path,
  summary: e.summary,
  category: getCategory(e.category).title,
}));

describe("filterEndpoints", () => {
  it("keeps everything for an empty filter and matches every word anywhere", () => {
    expect(filterEndpoints(list, "  ")).toHaveLength(endpoints.length);
    expect(filterEndpoints(list, "POST /v1/entity/records/search").map((e) => e.id)).toEqual([
      "entities.search-records",
    ]);
    expect(filterEndpoints(list, "verify email").map((e) => e.id)).toEqual(
      expect.arrayContaining(["authentication.verify-email", "authentication.verify-email-with-token"]),
    );
    expect(filterEndpoints(list, "LOGIN").map((e) => e.id)).toContain("authentication.login");
    expect(filterEndpoints(list, "no-such-thing")).toEqual([]);
  });
});
