import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The guides in content/guides, one Markdown file each: the same text for pages and MCP tools. */
export const GUIDES = [
  { id: "overview", title: "API overview" },
  { id: "request-headers", title: "Request headers" },
  { id: "authentication-flow", title: "Authentication flow" },
  { id: "common-patterns", title: "Common patterns" },
] as const;
export type GuideId = (typeof GUIDES)[number]["id"];

/** Where content/ lives: the app's working directory, or PORTAL_ROOT for the stdio entry started elsewhere. */
const root = () => process.env.PORTAL_ROOT ?? process.cwd();

const cache = new Map<GuideId, string>();

export function guideMarkdown(id: GuideId): string {
  let text = cache.get(id);
  if (text === undefined) {
    text = readFileSync(join(root(), "content", "guides", `${id}.md`), "utf8");
    cache.set(id, text);
  }
  return text;
}
