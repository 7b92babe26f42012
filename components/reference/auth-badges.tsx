import type { Endpoint } from "@/lib/catalog";
import { describeRateLimit } from "@/lib/catalog/errors";
import { authBadges, type AuthBadge } from "@/lib/catalog/headers";

const tones: Record<AuthBadge["tone"], string> = {
  public: "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-300",
  secret: "border-rose-300 bg-rose-50 text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-300",
  jwt: "border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-300",
  none: "border-zinc-300 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
  header: "border-teal-300 bg-teal-50 text-teal-800 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-300",
  permission: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-300",
};

export function AuthBadges({ endpoint }: { endpoint: Endpoint }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Authentication">
      {authBadges(endpoint).map((b) => (
        <li
          key={b.label}
          title={b.title}
          className={`rounded-full border px-2.5 py-0.5 text-xs font-medium ${tones[b.tone]}`}
        >
          {b.label}
        </li>
      ))}
      {endpoint.rateLimit && (
        <li
          title="Rate limit"
          className="rounded-full border border-orange-300 bg-orange-50 px-2.5 py-0.5 text-xs font-medium text-orange-900 dark:border-orange-800 dark:bg-orange-950 dark:text-orange-300"
        >
          Rate limit: {describeRateLimit(endpoint.rateLimit)}
        </li>
      )}
    </ul>
  );
}
