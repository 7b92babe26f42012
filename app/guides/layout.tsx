import type { ReactNode } from "react";
import { NavTree } from "@/components/layout/sidebar";
import { guideNav } from "@/lib/content/guide-pages";

const home = { href: "/guides", label: "All guides" };

export default function GuidesLayout({ children }: { children: ReactNode }) {
  const groups = guideNav();
  return (
    <div className="mx-auto flex max-w-screen-2xl">
      <aside
        data-testid="sidebar"
        className="sticky top-14 hidden h-[calc(100vh-3.5rem)] w-72 shrink-0 overflow-y-auto border-r border-zinc-200 p-4 lg:block dark:border-zinc-800"
      >
        <NavTree groups={groups} home={home} label="Guides" />
      </aside>
      <div className="min-w-0 flex-1">
        <details className="border-b border-zinc-200 px-4 py-2 lg:hidden dark:border-zinc-800">
          <summary className="cursor-pointer text-sm font-medium">Browse the guides</summary>
          <div className="mt-2 max-h-[70vh] overflow-y-auto">
            <NavTree groups={groups} home={home} label="Guides (menu)" />
          </div>
        </details>
        <main id="main" className="px-4 py-8 sm:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
