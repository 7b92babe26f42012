import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/catalog";
import { endpointMarkdown, SOURCE_NOTES_TITLE } from "./endpoint-markdown";

const withConflicts = endpoints.filter((e) => e.conflicts.length > 0);

describe("endpoint Markdown: notes on the source documentation", () => {
  it("applies to most endpoints (the seed contradicts itself often)", () => {
    expect(withConflicts.length).toBeGreaterThan(50);
  });

  it("is the last section and keeps every conflict", () => {
    for (const e of withConflicts) {
      const md = endpointMarkdown(e);
      const heading = `# ${SOURCE_NOTES_TITLE}`;
      const at = md.indexOf(`\n#${heading}\n`);
      expect(at, e.id).toBeGreaterThan(0);
      // No heading of any level after it.
      expect(md.slice(at + heading.length + 2), e.id).not.toMatch(/^#/m);
      for (const c of e.conflicts) expect(md.slice(at), e.id).toContain(`**${c.topic}.** ${c.text}`);
      // Nothing about the conflicts before the endpoint's own sections.
      for (const c of e.conflicts) expect(md.indexOf(c.text), e.id).toBeGreaterThan(at);
    }
  });

  it("is absent where the sources agree", () => {
    const agreed = endpoints.filter((e) => e.conflicts.length === 0);
    expect(agreed.length).toBeGreaterThan(0);
    for (const e of agreed) expect(endpointMarkdown(e), e.id).not.toContain(SOURCE_NOTES_TITLE);
  });
});
