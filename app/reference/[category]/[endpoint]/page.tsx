import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EndpointView } from "@/components/reference/endpoint-view";
import { endpoints, findCategory, findEndpointBySlugs } from "@/lib/catalog";

export const dynamicParams = false;

export function generateStaticParams() {
  return endpoints.map((e) => ({ category: findCategory(e.category)!.slug, endpoint: e.slug }));
}

type Props = { params: Promise<{ category: string; endpoint: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category, endpoint } = await params;
  const e = findEndpointBySlugs(category, endpoint);
  return e ? { title: `${e.method} ${e.path}`, description: `${e.summary}. ${e.description}` } : {};
}

export default async function EndpointPage({ params }: Props) {
  const { category, endpoint } = await params;
  const e = findEndpointBySlugs(category, endpoint);
  if (!e) notFound();
  return <EndpointView endpoint={e} />;
}
