"use client";

import Link from "@/components/intent-link";
import { usePathname } from "next/navigation";
import type { NavCategory } from "@/lib/site/nav";

const methodColor: Record<string, string> = {
  GET: "text-emerald-700 dark:text-emerald-400",
  POST: "text-blue-700 dark:text-blue-400",
  PUT: "text-amber-700 dark:text-amber-400",
  PATCH: "text-violet-700 dark:text-violet-400",
  DELETE: "text-red-700 dark:text-red-400",
};

export interface NavTreeLink {
  id: string;
  href: string;
  title: string;
  /** An HTTP method shown as a badge before the title (reference endpoints). */
  method?: string;
  /** Tooltip text. */
  hint?: string;
}

export interface NavTreeGroup {
  id: string;
  title: string;
  /**
   * The group's own page. A group with one collapses: it opens while a page of it is shown and lists its page
   * first as "Overview". A group without one is a plain heading over its links.
   */
  href?: string;
  links: NavTreeLink[];
}

const linkClass =
  "rounded px-2 py-1 text-zinc-700 hover:bg-zinc-100 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-100";

function TreeLinks({ group, pathname }: { group: NavTreeGroup; pathname: string }) {
  return (
    <ul className="mt-1 mb-2 ml-2 space-y-0.5 border-l border-zinc-200 pl-2 dark:border-zinc-800">
      {group.href && (
        <li>
          <Link
            href={group.href}
            aria-current={pathname === group.href ? "page" : undefined}
            className="block rounded px-2 py-1 text-zinc-600 hover:bg-zinc-100 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-800 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-200"
          >
            Overview
          </Link>
        </li>
      )}
      {group.links.map((l) => (
        <li key={l.id}>
          <Link
            href={l.href}
            title={l.hint}
            aria-current={pathname === l.href ? "page" : undefined}
            className={`${l.method ? "flex gap-2" : "block"} ${linkClass}`}
          >
            {l.method && (
              <span
                className={`w-11 shrink-0 font-mono text-[11px] leading-5 font-semibold ${methodColor[l.method] ?? ""}`}
              >
                {l.method === "DELETE" ? "DEL" : l.method}
              </span>
            )}
            <span className="leading-5">{l.title}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A section's navigation: a home link, then groups of links; the current page is marked. */
export function NavTree({
  groups,
  home,
  label,
}: {
  groups: NavTreeGroup[];
  home: { href: string; label: string };
  label: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="text-sm">
      <Link
        href={home.href}
        aria-current={pathname === home.href ? "page" : undefined}
        className="mb-2 block rounded px-2 py-1 font-semibold text-zinc-900 hover:bg-zinc-100 aria-[current=page]:bg-blue-50 dark:text-white dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950"
      >
        {home.label}
      </Link>
      <ul className="space-y-1">
        {groups.map((g) => {
          if (!g.href) {
            return (
              <li key={g.id}>
                <p className="px-2 py-1 font-medium text-zinc-800 dark:text-zinc-200">{g.title}</p>
                <TreeLinks group={g} pathname={pathname} />
              </li>
            );
          }
          const inGroup = pathname === g.href || pathname.startsWith(`${g.href}/`);
          return (
            <li key={g.id}>
              <details open={inGroup} className="group">
                <summary className="flex cursor-pointer list-none items-center justify-between rounded px-2 py-1 font-medium text-zinc-800 select-none hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800">
                  <span>{g.title}</span>
                  <span aria-hidden="true" className="text-xs text-zinc-400 transition-transform group-open:rotate-90">
                    ▸
                  </span>
                </summary>
                <TreeLinks group={g} pathname={pathname} />
              </details>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The API reference's navigation: categories and endpoints; the current category opens. */
export function Sidebar({ nav, label = "API reference" }: { nav: NavCategory[]; label?: string }) {
  const groups = nav.map((c) => ({
    id: c.id,
    title: c.title,
    href: c.href,
    links: c.endpoints.map((e) => ({
      id: e.id,
      href: e.href,
      title: e.title,
      method: e.method,
      hint: `${e.method} ${e.path}`,
    })),
  }));
  return <NavTree groups={groups} home={{ href: "/reference", label: "All categories" }} label={label} />;
}
