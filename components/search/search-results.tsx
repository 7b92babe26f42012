import type { ReactNode } from "react";
import Link from "@/components/intent-link";
import { MethodBadge } from "@/components/reference/method-badge";
import type { SiteSearchResults } from "@/lib/search/site-results";

const group = "mt-8 text-sm font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400";
const row = "block rounded-md px-3 py-2 hover:bg-zinc-100 dark:hover:bg-zinc-800";

/** One group of results, left out when it has none. */
function ResultGroup({ id, title, children }: { id: string; title: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={group}>
        {title}
      </h2>
      <ol className="mt-2 space-y-1">{children}</ol>
    </section>
  );
}

/** The /search page's grouped results (server-rendered, works without JavaScript). */
export function SearchResults({ results }: { results: SiteSearchResults }) {
  const { endpoints, guides, pages } = results;
  if (endpoints.length + guides.length + pages.length === 0) {
    return (
      <p className="mt-8 text-zinc-700 dark:text-zinc-300">
        Nothing matches “{results.query}”. Try other words, e.g. “login”, “organization members”, “upload a file”, or
        browse the{" "}
        <Link href="/reference" className="text-blue-700 underline dark:text-blue-400">
          reference
        </Link>
        .
      </p>
    );
  }
  return (
    <div data-testid="search-results">
      <ResultGroup id="results-endpoints" title="Endpoints">
        {endpoints.map((e) => (
          <li key={e.id}>
            <Link href={e.href} className={row} data-testid="search-endpoint">
              <span className="flex min-w-0 items-center gap-2">
                <MethodBadge method={e.method} size="sm" />
                <code className="truncate font-mono text-sm text-zinc-900 dark:text-white">{e.path}</code>
              </span>
              <span className="mt-0.5 block text-sm text-zinc-600 dark:text-zinc-400">{e.summary}</span>
            </Link>
          </li>
        ))}
      </ResultGroup>
      <ResultGroup id="results-guides" title="Guides">
        {guides.map((g) => (
          <li key={g.href}>
            <Link href={g.href} className={row}>
              <span className="block text-sm font-medium text-zinc-900 dark:text-white">{g.title}</span>
              {g.guide && <span className="block text-sm text-zinc-600 dark:text-zinc-400">in {g.guide}</span>}
            </Link>
          </li>
        ))}
      </ResultGroup>
      <ResultGroup id="results-pages" title="Pages">
        {pages.map((p) => (
          <li key={p.href}>
            {/* /openapi.json and /llms.txt are files, not App Router pages. */}
            <a href={p.href} className={row}>
              <span className="block text-sm font-medium text-zinc-900 dark:text-white">{p.title}</span>
              <span className="block text-sm text-zinc-600 dark:text-zinc-400">{p.description}</span>
            </a>
          </li>
        ))}
      </ResultGroup>
    </div>
  );
}
