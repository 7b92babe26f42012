import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Endpoint, findCategory, findEndpointBySlugs, getEndpoint } from "@/lib/catalog";
import { parseGuide, type ParsedGuide } from "./guide-source";
import { GUIDES } from "./guides";

const dir = join(process.cwd(), "content", "guides");
const fileOf = (id: string) => join(dir, `${id}.mdx`);

const parsed = new Map<string, ParsedGuide>();
function guide(id: string): ParsedGuide | undefined {
  if (!parsed.has(id) && existsSync(fileOf(id))) parsed.set(id, parseGuide(readFileSync(fileOf(id), "utf8")));
  return parsed.get(id);
}

/** The ids an endpoint page gives its sections (components/reference/endpoint-view.tsx and response-section.tsx). */
function endpointAnchors(e: Endpoint): Set<string> {
  const ids = ["authentication", "responses", "errors", "related"];
  if (e.pathParams) ids.push("path-parameters");
  if (e.query) ids.push("query-parameters");
  if (e.body) ids.push("request-body");
  if (e.rateLimit) ids.push("rate-limit");
  if (e.notes.length) ids.push("notes");
  e.responses.forEach((r, i) => {
    const n = e.responses.slice(0, i).filter((o) => o.status === r.status).length;
    ids.push(`response-${r.status}${n > 0 ? `-${n}` : ""}`);
  });
  return new Set(ids);
}

/** An app route for other internal paths (/openapi.json, /sdk, /mcp ...): a static page or route file must exist. */
function appRouteExists(path: string): boolean {
  const base = join(process.cwd(), "app", ...path.split("/").filter(Boolean));
  return ["page.tsx", "route.ts"].some((f) => existsSync(join(base, f)));
}

/** Why an internal link does not resolve, or null when it does. */
function brokenLink(href: string, from: string): string | null {
  const [rawPath = "", anchor] = href.split("#", 2) as [string, string | undefined];
  if (rawPath === "") {
    // Same-page anchor.
    return guide(from)?.headings.some((h) => h.slug === anchor) ? null : `no heading #${anchor} in this guide`;
  }
  if (!rawPath.startsWith("/")) return "internal links must be absolute (/reference/..., /guides/...)";
  // The console's deep link names an endpoint: /console?endpoint=<catalog id>.
  const consoleLink = /^\/console\?endpoint=([\w.-]+)$/.exec(rawPath);
  if (consoleLink) return getEndpoint(consoleLink[1] ?? "") ? null : `no endpoint "${consoleLink[1]}" for the console`;
  const path = rawPath.replace(/\.md$/, "").replace(/\/$/, "") || "/";
  const parts = path.split("/").filter(Boolean);

  if (parts[0] === "reference") {
    const [, cat, slug, ...rest] = parts;
    if (rest.length) return "no such reference page";
    if (!cat) return anchor ? `the reference index has no #${anchor}` : null;
    const category = findCategory(cat);
    if (!category) return `no reference category "${cat}"`;
    if (!slug) {
      const ids = new Set(["endpoints", ...(category.notes.length ? ["notes"] : [])]);
      return anchor && !ids.has(anchor) ? `the category page has no #${anchor} (it has ${[...ids].join(", ")})` : null;
    }
    const e = findEndpointBySlugs(cat, slug);
    if (!e) return `no endpoint "${slug}" in category "${cat}"`;
    const ids = endpointAnchors(e);
    return anchor && !ids.has(anchor) ? `the endpoint page has no #${anchor} (it has ${[...ids].join(", ")})` : null;
  }
  if (parts[0] === "guides") {
    const [, id, ...rest] = parts;
    if (rest.length) return "no such guide page";
    if (!id) return anchor ? `the guides index has no #${anchor}` : null;
    if (!GUIDES.some((g) => g.id === id)) return `no guide "${id}" in GUIDES`;
    if (!anchor) return null;
    const target = guide(id);
    if (!target) return `content/guides/${id}.mdx is missing, so #${anchor} cannot be checked`;
    return target.headings.some((h) => h.slug === anchor) ? null : `guide "${id}" has no heading #${anchor} (it has ${target.headings.map((h) => h.slug).join(", ")})`;
  }
  if (path === "/") return null;
  return appRouteExists(path) ? null : "no page or route for this path in app/";
}

/** Everything wrong with one guide, as readable lines. */
function problemsOf(g: (typeof GUIDES)[number]): string[] {
  const p = guide(g.id);
  if (!p) return [`content/guides/${g.id}.mdx is missing`];
  const at = (line: number) => `content/guides/${g.id}.mdx:${line}`;
  const problems: string[] = [];
  if (p.title === null) problems.push(`${at(1)}: the file must start with "# ${g.title}"`);
  else if (!p.title.startsWith(g.title)) problems.push(`${at(1)}: title "${p.title}" must equal or start with the registry title "${g.title}"`);
  if (p.summary === null) problems.push(`${at(1)}: no summary paragraph after the title`);
  for (const b of p.blocks) if (!b.lang) problems.push(`${at(b.line)}: a fenced block without a language (use \`\`\`text for plain text)`);
  for (const link of p.links) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link.href)) continue; // https:, mailto: ...
    const why = brokenLink(link.href, g.id);
    if (why) problems.push(`${at(link.line)}: link ${link.href}: ${why}`);
  }
  return problems;
}

describe("the guides registry and content/guides", () => {
  it("has a file for every guide", () => {
    const missing = GUIDES.filter((g) => !existsSync(fileOf(g.id))).map((g) => `content/guides/${g.id}.mdx`);
    expect(missing, "guides listed in lib/content/guides.ts without their file").toEqual([]);
  });

  it("lists every guide file", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".mdx")).map((f) => f.slice(0, -4));
    expect(files.filter((f) => !GUIDES.some((g) => g.id === f)), "files in content/guides/ missing from GUIDES").toEqual([]);
  });

  it("has unique ids", () => {
    expect(new Set(GUIDES.map((g) => g.id)).size).toBe(GUIDES.length);
  });
});

describe.each(GUIDES.map((g) => [g.id, g] as const))("guide %s", (_id, g) => {
  it("has its title, a summary, fence languages, and only links that resolve", () => {
    expect(problemsOf(g)).toEqual([]);
  });
});

describe("the link checker", () => {
  it("rejects what does not exist and accepts what does", () => {
    expect(brokenLink("/reference/authentication/login", "overview")).toBeNull();
    expect(brokenLink("/reference/authentication/login#rate-limit", "overview")).toBeNull();
    expect(brokenLink("/reference/authentication/login#response-200", "overview")).toBeNull();
    expect(brokenLink("/reference/billing", "overview")).toBeNull();
    expect(brokenLink("/reference", "overview")).toBeNull();
    expect(brokenLink("/guides/overview#rate-limits", "common-patterns")).toBeNull();
    expect(brokenLink("/openapi.json", "overview")).toBeNull();
    expect(brokenLink("/reference/authentication/no-such", "overview")).toMatch(/no endpoint/);
    expect(brokenLink("/reference/nope", "overview")).toMatch(/no reference category/);
    expect(brokenLink("/reference/authentication/login#nope", "overview")).toMatch(/has no #nope/);
    expect(brokenLink("/guides/no-such-guide", "overview")).toMatch(/no guide/);
    expect(brokenLink("/guides/overview#nope", "common-patterns")).toMatch(/no heading #nope/);
    expect(brokenLink("#nope", "overview")).toMatch(/no heading #nope/);
    expect(brokenLink("/nowhere", "overview")).toMatch(/no page or route/);
    expect(brokenLink("/console?endpoint=authentication.register", "overview")).toBeNull();
    expect(brokenLink("/console?endpoint=authentication.nope", "overview")).toMatch(/no endpoint/);
    expect(brokenLink("reference/billing", "overview")).toMatch(/absolute/);
  });
});
