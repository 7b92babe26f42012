import Link from "@/components/intent-link";
import { site } from "@/lib/site/config";
import { SearchTrigger } from "@/components/search/search-trigger";
import { ThemeToggle } from "./theme-toggle";

const links = [
  { href: "/guides", label: "Guides" },
  { href: "/reference", label: "Reference" },
  { href: "/console", label: "Console" },
  { href: "/sdk", label: "SDK" },
  { href: "/mcp", label: "MCP" },
  { href: "/sandbox", label: "Sandbox" },
];

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-2 px-4 sm:gap-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-zinc-900 dark:text-white">
          <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-blue-600 text-xs font-bold text-white">
            API
          </span>
          {/* On a phone the four section links need the room; the name stays for screen readers. */}
          <span className="sr-only whitespace-nowrap sm:not-sr-only">{site.name}</span>
        </Link>
        <nav aria-label="Main" className="flex min-w-0 items-center overflow-x-auto text-sm sm:ml-2 sm:gap-1">
          {links.map((l) => (
            <Link
              key={l.href}
              href={l.href}
              className="shrink-0 rounded-md px-2 py-1.5 whitespace-nowrap text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 sm:px-3 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
            >
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <SearchTrigger />
          <a
            href="/openapi.json"
            className="hidden rounded-md px-3 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 sm:inline dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            OpenAPI
          </a>
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
