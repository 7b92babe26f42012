import { categories, endpoints } from "@/lib/catalog";
import { docsPath } from "@/lib/catalog/serialize";
import { guideHref } from "@/lib/content/guide-pages";
import { GUIDES, guideMarkdown } from "@/lib/content/guides";
import { categoryHref } from "@/lib/site/nav";
import { endpointMarkdown } from "@/lib/catalog/endpoint-markdown";
import { guidesIndexMarkdown } from "./guides";
import { mcpMarkdown } from "./mcp";
import { overviewMarkdown } from "./overview";
import { twinPath } from "./paths";
import { categoryMarkdown, referenceMarkdown } from "./reference";
import { consoleMarkdown, sandboxMarkdown } from "./sandbox";
import { sdkMarkdown } from "./sdk";

/** A page that has a Markdown twin at its URL plus `.md`. */
export interface MarkdownPage {
  /** The HTML page's path: `/reference/authentication/login`, `/` for the home page. */
  page: string;
  /** The twin's path: `/reference/authentication/login.md`. */
  twin: string;
  render(baseUrl: string): string;
}

const entry = (page: string, render: (baseUrl: string) => string): MarkdownPage => ({
  page,
  twin: twinPath(page),
  render,
});

/** Every page with a twin: overview, reference index, categories, endpoints, guides index, guides, SDK, MCP, console, sandbox. */
export function markdownPages(): MarkdownPage[] {
  return [
    entry("/", overviewMarkdown),
    entry("/reference", referenceMarkdown),
    ...categories.map((c) => entry(categoryHref(c.slug), (base) => categoryMarkdown(c, base))),
    ...endpoints.map((e) => entry(docsPath(e), (base) => endpointMarkdown(e, { baseUrl: base }))),
    entry("/guides", guidesIndexMarkdown),
    ...GUIDES.map((g) => entry(guideHref(g.id), () => guideMarkdown(g.id))),
    entry("/sdk", sdkMarkdown),
    entry("/mcp", mcpMarkdown),
    entry("/console", consoleMarkdown),
    entry("/sandbox", sandboxMarkdown),
  ];
}

let byTwin: Map<string, MarkdownPage> | undefined;

/** The page whose twin is at `/<segments>.md` (`["index"]` is the home page), if any. */
export function findMarkdownPage(segments: readonly string[]): MarkdownPage | undefined {
  byTwin ??= new Map(markdownPages().map((p) => [p.twin, p]));
  return byTwin.get(`/${segments.join("/")}.md`);
}

/** The route segments of every twin under app/md/[...path]: `/reference/ai.md` → ["reference", "ai"]. */
export const markdownParams = () =>
  markdownPages().map((p) => ({ path: p.twin.replace(/\.md$/, "").split("/").slice(1) }));

/** Markdown as an HTTP answer: text/markdown for twins; llms.txt files go as text/plain, as .txt files are expected to. */
export function markdownResponse(text: string, type: "text/markdown" | "text/plain" = "text/markdown"): Response {
  return new Response(text, { headers: { "Content-Type": `${type}; charset=utf-8` } });
}
