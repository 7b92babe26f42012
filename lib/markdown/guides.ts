import { type GuideId } from "@/lib/content/guides";
import { type Guide, guideGroups, guideHref, guideSummary } from "@/lib/content/guide-pages";
import { linkLine, twinPath } from "./paths";

export const guideTwinUrl = (id: GuideId, baseUrl: string) => `${baseUrl}${twinPath(guideHref(id))}`;

/** `- [Quick start](…/guides/quick-start.md): <the guide's summary paragraph>` */
export const guideLink = (g: Guide, baseUrl: string) =>
  linkLine(g.title, guideTwinUrl(g.id, baseUrl), guideSummary(g.id).markdown);

/** The guides index as Markdown: every guide with its summary, linked to its twin, grouped as on the site. */
export function guidesIndexMarkdown(baseUrl: string): string {
  const out = [
    "# Guides",
    "",
    "Task-oriented guides to the Multi-tenant SaaS API, from the first request to production patterns.",
    "",
    `- Guides: ${baseUrl}/guides`,
    "",
  ];
  for (const { title, guides } of guideGroups())
    out.push(`## ${title}`, "", ...guides.map((g) => guideLink(g, baseUrl)), "");
  return out.join("\n");
}
