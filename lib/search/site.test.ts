import { describe, expect, it } from "vitest";
import { guideStructure } from "@/lib/content/guide-pages";
import type { GuideId } from "@/lib/content/guides";
import { searchSite } from "./site";

describe("site search", () => {
  it("finds the site's pages by name and by what people call them", () => {
    expect(searchSite("console").pages[0]?.href).toBe("/console");
    expect(searchSite("sandbox").pages[0]?.href).toBe("/sandbox");
    expect(searchSite("swagger").pages[0]?.href).toBe("/openapi.json");
    expect(searchSite("claude").pages[0]?.href).toBe("/mcp");
    expect(searchSite("upload a file").pages).toEqual([]);
  });

  it("finds guides and their sections, linking headings the guide has", () => {
    const { guides } = searchSite("google oauth");
    expect(guides.map((g) => g.href)).toContain("/guides/google-oauth");
    const { guides: reset } = searchSite("reset a forgotten password");
    const section = reset.find((g) => g.href.includes("#"));
    expect(section?.guide).toBeTruthy();
    const [path, hash] = section!.href.split("#");
    const slug = path!.replace("/guides/", "") as GuideId;
    expect(
      guideStructure(slug)
        .headings.filter((h) => h.depth === 2 || h.depth === 3)
        .map((h) => h.slug),
    ).toContain(hash);
  });

  it("answers an empty query with empty groups", () => {
    expect(searchSite("   ")).toEqual({ query: "", endpoints: [], guides: [], pages: [] });
  });

  it("survives words that name Object.prototype members", () => {
    expect(() => searchSite("constructor toString __proto__ hasOwnProperty")).not.toThrow();
  });
});
