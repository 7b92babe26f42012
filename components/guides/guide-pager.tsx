import Link from "@/components/intent-link";
import { guideHref, guideNeighbours } from "@/lib/content/guide-pages";

/** Previous and next guide in the registry's reading order. */
export function GuidePager({ id }: { id: string }) {
  const { prev, next } = guideNeighbours(id);
  const card =
    "flex min-w-0 flex-1 flex-col rounded-lg border border-zinc-200 p-4 hover:border-blue-400 dark:border-zinc-800 dark:hover:border-blue-700";
  return (
    <nav
      aria-label="Previous and next guide"
      className="mt-12 flex flex-col gap-3 border-t border-zinc-200 pt-6 sm:flex-row dark:border-zinc-800"
    >
      {prev ? (
        <Link href={guideHref(prev.id)} rel="prev" className={card}>
          <span className="text-xs text-zinc-500">Previous</span>
          <span className="font-medium text-zinc-900 dark:text-white">← {prev.title}</span>
        </Link>
      ) : (
        <span className="hidden flex-1 sm:block" />
      )}
      {next ? (
        <Link href={guideHref(next.id)} rel="next" className={`${card} sm:items-end sm:text-right`}>
          <span className="text-xs text-zinc-500">Next</span>
          <span className="font-medium text-zinc-900 dark:text-white">{next.title} →</span>
        </Link>
      ) : (
        <span className="hidden flex-1 sm:block" />
      )}
    </nav>
  );
}
