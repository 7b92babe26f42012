import { describe, expect, it } from "vitest";
import { currentSection, sections } from "./sections";

describe("currentSection", () => {
  it("names the section of a page and of its sub-pages", () => {
    expect(currentSection("/reference")?.label).toBe("Reference");
    expect(currentSection("/reference/files/upload-file")?.label).toBe("Reference");
    expect(currentSection("/sandbox/outbox")?.label).toBe("Sandbox");
    expect(currentSection("/guides/quick-start")?.label).toBe("Guides");
  });

  it("does not match a mere prefix of a section's path", () => {
    expect(currentSection("/")).toBeUndefined();
    expect(currentSection("/sdkfoo")).toBeUndefined();
    expect(currentSection("/search")).toBeUndefined();
  });

  it("lists every section once", () => {
    expect(new Set(sections.map((s) => s.href)).size).toBe(sections.length);
  });
});
