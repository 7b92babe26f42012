import type { Metadata } from "next";
import { SearchResults } from "@/components/search/search-results";
import { MAX_SITE_QUERY, searchSite } from "@/lib/search/site";

export const metadata: Metadata = { title: "Search", robots: { index: false } };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** Site search without JavaScript: the header's form submits here; the dialog shows the same results. */
export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const tooLong = q.length > MAX_SITE_QUERY;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8 sm:px-8">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-white">Search</h1>
      <form action="/search" role="search" className="mt-4 flex gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search the portal
        </label>
        <input
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={MAX_SITE_QUERY}
          placeholder="Endpoints, guides, pages…"
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-white"
        />
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
          Search
        </button>
      </form>
      {tooLong ? (
        <p role="alert" className="mt-8 text-red-700 dark:text-red-400">
          The query is longer than {MAX_SITE_QUERY} characters; shorten it.
        </p>
      ) : q ? (
        <SearchResults results={searchSite(q)} />
      ) : (
        <p className="mt-8 text-zinc-700 dark:text-zinc-300">
          Search the endpoints, the guides and their sections, and the portal&apos;s pages.
        </p>
      )}
    </main>
  );
}
