import { PageActions } from "@/components/page-actions";
import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { GuideSummary } from "@/components/guides/guide-summary";
import { GUIDES } from "@/lib/content/guides";
import { guideGroupAnchor, guideGroups, guideHref, guideSummary } from "@/lib/content/guide-pages";

export const metadata: Metadata = {
  title: "Guides",
  description:
    "How to build on the Multi-tenant SaaS API: keys and headers, authentication, organizations, billing, usage, AI agents, entities and files.",
};

export default function GuidesIndex() {
  return (
    <div className="max-w-5xl">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h1 className="text-3xl font-bold text-zinc-900 dark:text-white">Guides</h1>
        <PageActions twinPath="/guides.md" subject="this API" />
      </div>
      <p className="mt-3 max-w-3xl text-zinc-600 dark:text-zinc-400">
        {GUIDES.length} guides, from the first request to each feature, with TypeScript you can copy. Every code sample
        is type-checked against the generated client. For one endpoint&apos;s exact contract, see the{" "}
        <Link href="/reference" className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
          API reference
        </Link>
        .
      </p>
      {guideGroups().map((group) => {
        const id = guideGroupAnchor(group.title);
        return (
          <section key={group.title} aria-labelledby={id} className="mt-10">
            <h2 id={id} className="scroll-mt-20 text-xl font-semibold text-zinc-900 dark:text-white">
              {group.title}
            </h2>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2" aria-label={group.title}>
              {group.guides.map((g) => (
                <li key={g.id}>
                  <Link
                    href={guideHref(g.id)}
                    className="block h-full rounded-xl border border-zinc-200 p-5 hover:border-blue-400 hover:shadow-sm dark:border-zinc-800 dark:hover:border-blue-700"
                  >
                    <span className="block text-lg font-semibold text-zinc-900 dark:text-white">{g.title}</span>
                    <span className="mt-2 block text-sm text-zinc-600 dark:text-zinc-400">
                      <GuideSummary markdown={guideSummary(g.id).markdown} />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
