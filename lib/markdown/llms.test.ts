import { describe, expect, it } from "vitest";
import { categories, endpoints } from "@/lib/catalog";
import { GUIDES, guideMarkdown } from "@/lib/content/guides";
import { llmsFullTxt, llmsTxt } from "./llms";
import { findMarkdownPage } from "./pages";
import { endpointTwinUrl } from "./reference";
import { guideTwinUrl } from "./guides";

const BASE = "https://portal.example.com";
const text = llmsTxt(BASE);
const lines = text.split("\n");
const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "");
const occurrences = (url: string) => links.filter((l) => l === url).length;

describe("llms.txt", () => {
  it("follows llmstxt.org: H1, summary blockquote, a paragraph, then H2 sections of link lists", () => {
    expect(lines[0]).toBe("# Multi-tenant SaaS API");
    expect(lines[1]).toBe("");
    expect(lines[2]).toMatch(/^> \S/);
    expect(lines[4]).toMatch(/^[A-Z]/);
    expect(lines.filter((l) => l.startsWith("#"))).toEqual([
      "# Multi-tenant SaaS API",
      "## Guides",
      "## API reference",
      "## Tools",
      "## Optional",
    ]);
    // After the first section every non-empty line is a heading or `- [name](url): notes`.
    const firstSection = lines.indexOf("## Guides");
    for (const l of lines.slice(firstSection).filter((x) => x !== "" && !x.startsWith("## "))) {
      expect(l).toMatch(/^- \[[^\]]+\]\(https:\/\/portal\.example\.com\/[^)\s]*\)(: \S.*)?$/);
    }
  });

  it("links every endpoint's twin exactly once, as `METHOD /path` with its summary", () => {
    for (const e of endpoints) {
      expect(occurrences(endpointTwinUrl(e, BASE)), e.id).toBe(1);
      expect(lines).toContain(`- [${e.method} ${e.path}](${endpointTwinUrl(e, BASE)}): ${e.summary}`);
    }
    expect(text).toContain(
      "- [POST /v1/auth/login](https://portal.example.com/reference/authentication/login.md): Login with email and password",
    );
  });

  it("links every guide's twin exactly once, in the Guides section, with its summary", () => {
    const guides = lines.slice(lines.indexOf("## Guides"), lines.indexOf("## API reference"));
    for (const g of GUIDES) {
      expect(occurrences(guideTwinUrl(g.id, BASE)), g.id).toBe(1);
      expect(guides.find((l) => l.includes(`](${guideTwinUrl(g.id, BASE)})`))).toMatch(
        new RegExp(`^- \\[${g.title}\\]\\(.+\\): \\S`),
      );
    }
  });

  it("links every category's twin with its description", () => {
    for (const c of categories)
      expect(lines).toContain(`- [${c.title}](${BASE}/reference/${c.slug}.md): ${c.description}`);
  });

  it("links the tools and llms-full.txt", () => {
    for (const url of ["/openapi.json", "/sdk/api-client.ts", "/sdk.md", "/api/mcp", "/mcp.md", "/llms-full.txt"])
      expect(occurrences(`${BASE}${url}`), url).toBe(1);
    expect(
      lines.indexOf(`- [llms-full.txt](${BASE}/llms-full.txt): every guide and every endpoint in one file`),
    ).toBeGreaterThan(lines.indexOf("## Optional"));
  });

  it("links only twins that exist", () => {
    const twins = links.filter((l) => l.endsWith(".md")).map((l) => l.slice(BASE.length));
    expect(twins.length).toBe(endpoints.length + GUIDES.length + categories.length + 7);
    for (const t of twins) expect(findMarkdownPage(t.slice(1, -3).split("/")), t).toBeDefined();
  });
});

describe("llms-full.txt", () => {
  const full = llmsFullTxt(BASE);

  it("holds every guide as is and every endpoint twin, in order", () => {
    let at = 0;
    for (const g of GUIDES) {
      const i = full.indexOf(guideMarkdown(g.id).trim(), at);
      expect(i, g.id).toBeGreaterThanOrEqual(at);
      at = i;
    }
    for (const e of endpoints) {
      const i = full.indexOf(`\n# ${e.method} ${e.path}\n`, at);
      expect(i, e.id).toBeGreaterThan(at);
      at = i;
    }
  });

  it("links with absolute URLs", () => {
    expect(full).toContain(`- Reference: ${BASE}/reference/authentication/login\n`);
    expect(full.startsWith("# Multi-tenant SaaS API: full documentation\n\n> ")).toBe(true);
  });
});
