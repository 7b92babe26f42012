import Link from "@/components/intent-link";
import { site } from "@/lib/site/config";
import { SearchTrigger } from "@/components/search/search-trigger";
import { sections } from "@/lib/site/sections";
import { MainNav } from "./main-nav";
import { MobileMenu } from "./mobile-menu";
import { ThemeToggle } from "./theme-toggle";

/** Links outside the app's routes (plain <a>): in the header at 1024 px and wider, in the menu below 768 px. */
const extra = [{ href: "/openapi.json", label: "OpenAPI" }] as const;

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="relative mx-auto flex h-14 max-w-screen-2xl items-center gap-2 px-4 sm:gap-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-zinc-900 dark:text-white">
          <span
            aria-hidden="true"
            className="grid h-7 w-7 place-items-center rounded-md bg-blue-600 text-xs font-bold text-white"
          >
            API
          </span>
          {/* Where the links or the menu button need the room, the name stays for screen readers only. */}
          <span className="sr-only whitespace-nowrap sm:not-sr-only md:sr-only lg:not-sr-only">{site.name}</span>
        </Link>
        <MainNav sections={sections} />
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <SearchTrigger />
          {extra.map((l) => (
            <a
              key={l.href}
              href={l.href}
              className="hidden rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 lg:inline dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
            >
              {l.label}
            </a>
          ))}
          <ThemeToggle />
          <MobileMenu sections={sections} extra={extra} />
        </div>
      </div>
    </header>
  );
}
