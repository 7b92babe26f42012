"use client";

import Link from "@/components/intent-link";
import { usePathname } from "next/navigation";
import { currentSection, type Section } from "@/lib/site/sections";

/** The header's section links (768 px and wider); the section of the current page is marked. */
export function MainNav({ sections }: { sections: readonly Section[] }) {
  const current = currentSection(usePathname());
  return (
    <nav aria-label="Main" className="hidden min-w-0 items-center gap-1 text-sm md:ml-2 md:flex">
      {sections.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          aria-current={s.href === current?.href ? "page" : undefined}
          className="relative shrink-0 rounded-md px-3 py-1.5 whitespace-nowrap text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 aria-[current=page]:after:absolute aria-[current=page]:after:inset-x-3 aria-[current=page]:after:-bottom-[11px] aria-[current=page]:after:h-0.5 aria-[current=page]:after:rounded-full aria-[current=page]:after:bg-blue-600 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white dark:aria-[current=page]:text-white dark:aria-[current=page]:after:bg-blue-400"
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
