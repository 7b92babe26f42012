import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { PageActions } from "@/components/page-actions";
import { categories, endpoints, endpointsOf } from "@/lib/catalog";
import { twinPath } from "@/lib/markdown/paths";
import { categoryHref } from "@/lib/site/nav";

export const metadata: Metadata = {
  title: "API reference",
  description: "Every endpoint of the Multi-tenant SaaS API, by category.",
};

export default function ReferenceIndex() {
  return (
    <div className="max-w-5xl">
      <div className="flex justify-end">
        <PageActions twinPath={twinPath("/reference")} subject="this API" />
      </div>
      <h1 className="text-3xl font-bold text-zinc-900 dark:text-white">API reference</h1>
      <p className="mt-3 max-w-3xl text-zinc-600 dark:text-zinc-400">
        {endpoints.length} end-user endpoints in {categories.length} categories. Every request carries an API key in
        <code className="mx-1 font-mono text-sm">X-API-Key</code>; after login, the user&apos;s access token goes in
        <code className="mx-1 font-mono text-sm">Authorization: Bearer</code>.
      </p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2" aria-label="Categories">
        {categories.map((c) => (
          <li key={c.id}>
            <Link
              href={categoryHref(c.slug)}
              className="block h-full rounded-xl border border-zinc-200 p-5 hover:border-blue-400 hover:shadow-sm dark:border-zinc-800 dark:hover:border-blue-700"
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="text-lg font-semibold text-zinc-900 dark:text-white">{c.title}</span>
                <span className="text-xs text-zinc-500">{endpointsOf(c.id).length} endpoints</span>
              </span>
              <span className="mt-2 block text-sm text-zinc-600 dark:text-zinc-400">{c.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
