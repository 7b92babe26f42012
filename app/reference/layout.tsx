import type { ReactNode } from "react";
import { Sidebar } from "@/components/layout/sidebar";
import { referenceNav } from "@/lib/site/nav";

export default function ReferenceLayout({ children }: { children: ReactNode }) {
  const nav = referenceNav();
  return (
    <div className="mx-auto flex max-w-screen-2xl">
      <aside
        data-testid="sidebar"
        className="sticky top-14 hidden h-[calc(100vh-3.5rem)] w-72 shrink-0 overflow-y-auto border-r border-zinc-200 p-4 lg:block xl:w-64 2xl:w-80 dark:border-zinc-800"
      >
        <Sidebar nav={nav} />
      </aside>
      <div className="min-w-0 flex-1">
        <details className="border-b border-zinc-200 px-4 py-2 lg:hidden dark:border-zinc-800">
          <summary className="cursor-pointer text-sm font-medium">Browse the reference</summary>
          <div className="mt-2 max-h-[70vh] overflow-y-auto">
            <Sidebar nav={nav} label="API reference (menu)" />
          </div>
        </details>
        <main id="main" className="px-4 py-8 sm:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
