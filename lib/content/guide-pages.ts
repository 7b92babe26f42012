import { GUIDES, type GuideId, guideMarkdown } from "./guides";
import { inlineText, parseGuide, type ParsedGuide, slugify } from "./guide-source";

export type Guide = (typeof GUIDES)[number];

export const guideHref = (id: string) => `/guides/${id}`;

export function findGuide(id: string): Guide | undefined {
  return GUIDES.find((g) => g.id === id);
}

/** The guide's file, parsed once per process. */
const parsed = new Map<GuideId, ParsedGuide>();
export function guideStructure(id: GuideId): ParsedGuide {
  let p = parsed.get(id);
  if (!p) {
    p = parseGuide(guideMarkdown(id));
    parsed.set(id, p);
  }
  return p;
}

/** The summary paragraph as Markdown (for display) and as plain text (for metadata). */
export function guideSummary(id: GuideId): { markdown: string; text: string } {
  const markdown = guideStructure(id).summary ?? "";
  return { markdown, text: inlineText(markdown).trim() };
}

/** Registry groups in order of first appearance, each with its guides in registry order. */
export function guideGroups(): Array<{ title: string; guides: Guide[] }> {
  const groups: Array<{ title: string; guides: Guide[] }> = [];
  for (const g of GUIDES) {
    const group = groups.find((x) => x.title === g.group);
    if (group) group.guides.push(g);
    else groups.push({ title: g.group, guides: [g] });
  }
  return groups;
}

/** Previous and next guide in reading order: the registry's. */
export function guideNeighbours(id: string): { prev?: Guide; next?: Guide } {
  const i = GUIDES.findIndex((g) => g.id === id);
  return { prev: i > 0 ? GUIDES[i - 1] : undefined, next: i >= 0 ? GUIDES[i + 1] : undefined };
}

/** The anchor id of a group's section on the guides index. */
export const guideGroupAnchor = (group: string) => slugify(group);

/** Plain data for the guides sidebar (a client component). */
export function guideNav(): Array<{ id: string; title: string; links: Array<{ id: string; href: string; title: string }> }> {
  return guideGroups().map((g) => ({
    id: guideGroupAnchor(g.title),
    title: g.title,
    links: g.guides.map((x) => ({ id: x.id, href: guideHref(x.id), title: x.title })),
  }));
}
