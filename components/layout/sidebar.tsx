"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavCategory } from "@/lib/site/nav";

const methodColor: Record<string, string> = {
  GET: "text-emerald-700 dark:text-emerald-400",
  POST: "text-blue-700 dark:text-blue-400",
  PUT: "text-amber-700 dark:text-amber-400",
  PATCH: "text-violet-700 dark:text-violet-400",
  DELETE: "text-red-700 dark:text-red-400",
};

/** Categories and endpoints; the current category opens and the current page is marked. */
export function Sidebar({ nav, label = "API reference" }: { nav: NavCategory[]; label?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="text-sm">
      <Link
        href="/reference"
        aria-current={pathname === "/reference" ? "page" : undefined}
        className="mb-2 block rounded px-2 py-1 font-semibold text-zinc-900 hover:bg-zinc-100 aria-[current=page]:bg-blue-50 dark:text-white dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950"
      >
        All categories
      </Link>
      <ul className="space-y-1">
        {nav.map((c) => {
          const inCategory = pathname === c.href || pathname.startsWith(`${c.href}/`);
          return (
            <li key={c.id}>
              <details open={inCategory} className="group">
                <summary className="flex cursor-pointer list-none items-center justify-between rounded px-2 py-1 font-medium text-zinc-800 select-none hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800">
                  <span>{c.title}</span>
                  <span aria-hidden="true" className="text-xs text-zinc-400 transition-transform group-open:rotate-90">
                    ▸
                  </span>
                </summary>
                <ul className="mt-1 mb-2 ml-2 space-y-0.5 border-l border-zinc-200 pl-2 dark:border-zinc-800">
                  <li>
                    <Link
                      href={c.href}
                      aria-current={pathname === c.href ? "page" : undefined}
                      className="block rounded px-2 py-1 text-zinc-600 hover:bg-zinc-100 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-800 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-200"
                    >
                      Overview
                    </Link>
                  </li>
                  {c.endpoints.map((e) => (
                    <li key={e.id}>
                      <Link
                        href={e.href}
                        title={`${e.method} ${e.path}`}
                        aria-current={pathname === e.href ? "page" : undefined}
                        className="flex gap-2 rounded px-2 py-1 text-zinc-700 hover:bg-zinc-100 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-100"
                      >
                        <span className={`w-11 shrink-0 font-mono text-[11px] leading-5 font-semibold ${methodColor[e.method] ?? ""}`}>
                          {e.method === "DELETE" ? "DEL" : e.method}
                        </span>
                        <span className="leading-5">{e.title}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
