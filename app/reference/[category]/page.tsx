import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageActions } from "@/components/page-actions";
import { AnchorHeading } from "@/components/reference/anchor-heading";
import { Breadcrumbs } from "@/components/reference/breadcrumbs";
import { EndpointRow } from "@/components/reference/endpoint-card";
import { categories, endpointsOf, findCategory } from "@/lib/catalog";
import { twinPath } from "@/lib/markdown/paths";
import { categoryHref } from "@/lib/site/nav";

export const dynamicParams = false;

export function generateStaticParams() {
  return categories.map((c) => ({ category: c.slug }));
}

type Props = { params: Promise<{ category: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = findCategory((await params).category);
  return c ? { title: `${c.title} API`, description: c.description } : {};
}

export default async function CategoryPage({ params }: Props) {
  const category = findCategory((await params).category);
  if (!category) notFound();
  const list = endpointsOf(category.id);
  return (
    <div className="max-w-5xl">
      <div className="flex flex-wrap items-start justify-between gap-x-4">
        <Breadcrumbs items={[{ href: "/reference", label: "Reference" }, { label: category.title }]} />
        <PageActions
          twinPath={twinPath(categoryHref(category.slug))}
          subject={`the ${category.title} endpoints of this API`}
        />
      </div>
      <h1 className="text-3xl font-bold text-zinc-900 dark:text-white">{category.title}</h1>
      <p className="mt-3 max-w-3xl text-zinc-600 dark:text-zinc-400">{category.description}</p>
      {category.notes.length > 0 && (
        <>
          <AnchorHeading id="notes">Good to know</AnchorHeading>
          <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
            {category.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
      <AnchorHeading id="endpoints">{list.length} endpoints</AnchorHeading>
      <ul className="space-y-2">
        {list.map((e) => (
          <EndpointRow key={e.id} endpoint={e} />
        ))}
      </ul>
    </div>
  );
}
