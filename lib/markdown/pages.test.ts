import { describe, expect, it } from "vitest";
import { categories, endpoints, endpointsOf } from "@/lib/catalog";
import { GUIDES, guideMarkdown } from "@/lib/content/guides";
import { overview } from "@/lib/site/overview";
import { portalTools } from "@/lib/mcp/tools";
import { SDK_FIXES, sdkNamespaces } from "@/lib/sdk/summary";
import { findMarkdownPage, markdownPages, markdownParams, markdownResponse } from "./pages";
import { count, linkLine, twinPath } from "./paths";

const BASE = "https://portal.example.com";
const twin = (path: string) => {
  const page = findMarkdownPage(path.slice(1, -3).split("/"));
  if (!page) throw new Error(`no twin ${path}`);
  return page.render(BASE);
};

describe("twin paths", () => {
  it("put .md after the page URL, /index.md for the home page", () => {
    expect(twinPath("/")).toBe("/index.md");
    expect(twinPath("/reference/authentication/login")).toBe("/reference/authentication/login.md");
    expect(count(1, "endpoint")).toBe("1 endpoint");
    expect(count(2, "endpoint")).toBe("2 endpoints");
    expect(linkLine("A [b]", "https://x/y.md", "note")).toBe("- [A \\[b\\]](https://x/y.md): note");
  });
});

describe("markdownPages", () => {
  const pages = markdownPages();

  it("has one twin per page: home, reference index, categories, endpoints, guides index, guides, SDK, MCP", () => {
    expect(pages).toHaveLength(7 + categories.length + endpoints.length + GUIDES.length);
    expect(new Set(pages.map((p) => p.twin)).size).toBe(pages.length);
    for (const p of pages) expect(p.twin).toBe(twinPath(p.page));
  });

  it("resolves every generated route param back to its page, and nothing else", () => {
    const params = markdownParams();
    expect(params).toHaveLength(pages.length);
    expect(params).toContainEqual({ path: ["index"] });
    expect(params).toContainEqual({ path: ["reference", "external-agents"] });
    for (const { path } of params) expect(findMarkdownPage(path)?.twin).toBe(`/${path.join("/")}.md`);
    expect(findMarkdownPage(["reference", "nope"])).toBeUndefined();
    expect(findMarkdownPage(["md"])).toBeUndefined();
  });

  it("renders every twin as Markdown starting with `# `", () => {
    for (const p of pages) {
      const md = p.render(BASE);
      expect(md, p.twin).toMatch(/^# \S/);
      expect(md.length, p.twin).toBeGreaterThan(100);
    }
  });
});

describe("twins", () => {
  it("of endpoints contain method and path, and link the page absolutely", () => {
    for (const e of endpoints) {
      const md = twin(`/reference/${categories.find((c) => c.id === e.category)?.slug}/${e.slug}.md`);
      expect(md.startsWith(`# ${e.method} ${e.path}\n`), e.id).toBe(true);
      expect(md).toContain(`- Reference: ${BASE}/reference/`);
    }
  });

  it("of categories hold title, description, notes and links to every endpoint twin", () => {
    for (const c of categories) {
      const md = twin(`/reference/${c.slug}.md`);
      expect(md.startsWith(`# ${c.title}\n\n${c.description}\n`)).toBe(true);
      for (const n of c.notes) expect(md).toContain(`- ${n}`);
      for (const e of endpointsOf(c.id))
        expect(md).toContain(`- [${e.method} ${e.path}](${BASE}/reference/${c.slug}/${e.slug}.md): ${e.summary}`);
    }
    expect(twin("/reference/agents.md")).toContain("## Good to know");
    expect(twin("/reference/ai.md")).toContain("## 1 endpoint\n");
  });

  it("of guides are the .mdx text as is", () => {
    for (const g of GUIDES) expect(twin(`/guides/${g.id}.md`)).toBe(guideMarkdown(g.id));
    const index = twin("/guides.md");
    for (const g of GUIDES) expect(index).toContain(`- [${g.title}](${BASE}/guides/${g.id}.md): `);
  });

  it("of the home page carry the page's text (one data module feeds both)", () => {
    const md = twin("/index.md");
    for (const t of [
      overview.title,
      overview.lead,
      ...overview.authContexts.items.flatMap((i) => [i.title, i.text]),
      overview.apiKeys.footnote,
      overview.quickStart.code,
    ]) {
      expect(md).toContain(t);
    }
    for (const c of categories) expect(md).toContain(`](${BASE}/reference/${c.slug}.md)`);
    for (const g of GUIDES) expect(md).toContain(`- [${g.title}](${BASE}/guides/${g.id}.md)`);
  });

  it("of the reference index, the SDK and the MCP pages list what their pages list", () => {
    const ref = twin("/reference.md");
    for (const e of endpoints) expect(ref).toContain(`${e.method} ${e.path}`);
    const sdk = twin("/sdk.md");
    expect(sdk).toContain(`${BASE}/sdk/api-client.ts`);
    for (const f of SDK_FIXES) expect(sdk).toContain(f.title);
    for (const n of sdkNamespaces())
      expect(sdk).toContain(`| \`client.${n.property}\` | ${n.category.title} | ${n.methods.length} |`);
    const mcp = twin("/mcp.md");
    expect(mcp).toContain(`${BASE}/api/mcp`);
    for (const t of portalTools) expect(mcp).toContain(`- \`${t.name}\` (${t.title}): `);
  });

  it("answer as text/markdown in UTF-8", async () => {
    const res = markdownResponse("# Ünïcode\n");
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await res.text()).toBe("# Ünïcode\n");
  });
});
