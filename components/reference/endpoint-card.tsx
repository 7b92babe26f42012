import Link from "@/components/intent-link";
import type { Endpoint } from "@/lib/catalog";
import { authSummary } from "@/lib/catalog/headers";
import { endpointHref } from "@/lib/site/nav";
import { findCategory } from "@/lib/catalog";
import { MethodBadge } from "./method-badge";

export function endpointUrl(e: Endpoint): string {
  return endpointHref(findCategory(e.category)?.slug ?? e.category, e.slug);
}

/** One line of an endpoint list: method, path, summary, auth. */
export function EndpointRow({ endpoint }: { endpoint: Endpoint }) {
  return (
    <li>
      <Link
        href={endpointUrl(endpoint)}
        className="flex flex-col gap-1 rounded-lg border border-zinc-200 p-3 hover:border-blue-400 hover:bg-blue-50/40 sm:flex-row sm:items-center sm:gap-3 dark:border-zinc-800 dark:hover:border-blue-700 dark:hover:bg-blue-950/30"
      >
        <span className="flex min-w-0 items-center gap-2">
          <MethodBadge method={endpoint.method} />
          <code className="font-mono text-sm break-all text-zinc-900 dark:text-zinc-100">{endpoint.path}</code>
        </span>
        <span className="text-sm text-zinc-600 sm:ml-auto sm:text-right dark:text-zinc-400">
          {endpoint.summary}
          <span className="block text-xs text-zinc-500">{authSummary(endpoint)}</span>
        </span>
      </Link>
    </li>
  );
}
