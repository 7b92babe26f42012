import { PageActions } from "@/components/page-actions";
import { twinPath } from "@/lib/markdown/paths";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GuideContent } from "@/components/guides/guide-content";
import { GuidePager } from "@/components/guides/guide-pager";
import { Breadcrumbs } from "@/components/reference/breadcrumbs";
import { findGuide, guideGroupAnchor, guideHref, guideStructure, guideSummary } from "@/lib/content/guide-pages";
import { GUIDES, guideMarkdown } from "@/lib/content/guides";

export const dynamicParams = false;

export function generateStaticParams() {
  return GUIDES.map((g) => ({ slug: g.id }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const g = findGuide((await params).slug);
  return g ? { title: g.title, description: guideSummary(g.id).text } : {};
}

export default async function GuidePage({ params }: Props) {
  const g = findGuide((await params).slug);
  if (!g) notFound();
  const sections = guideStructure(g.id).headings.filter((h) => h.depth === 2);
  return (
    <div className="flex gap-10">
      <article className="min-w-0 max-w-3xl flex-1" data-guide-id={g.id}>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <Breadcrumbs
            items={[
              { href: "/guides", label: "Guides" },
              { href: `/guides#${guideGroupAnchor(g.group)}`, label: g.group },
              { label: g.title },
            ]}
          />
          <PageActions twinPath={twinPath(guideHref(g.id))} subject="this API" />
        </div>
        <GuideContent source={guideMarkdown(g.id)} />
        <GuidePager id={g.id} />
      </article>
      {sections.length > 1 && (
        <nav
          aria-label="On this page"
          className="sticky top-20 hidden max-h-[calc(100vh-6rem)] w-56 shrink-0 self-start overflow-y-auto text-sm xl:block"
        >
          <p className="mb-2 font-semibold text-zinc-900 dark:text-white">On this page</p>
          <ul className="space-y-1.5 text-zinc-600 dark:text-zinc-400">
            {sections.map((h) => (
              <li key={h.slug}>
                <a href={`#${h.slug}`} className="hover:text-zinc-900 dark:hover:text-white">
                  {h.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
