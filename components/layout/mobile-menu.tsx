"use client";

import Link from "@/components/intent-link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { currentSection, type Section } from "@/lib/site/sections";
import { MENU_CLOSED_PATH, MENU_OPEN_PATH } from "./header-parts";

/**
 * The header's menu below 768 px: a button that opens every section as a panel under the header.
 * Esc or a click outside closes it and gives focus back to the button; following a link closes it too.
 */
export function MobileMenu({ sections, extra }: { sections: readonly Section[]; extra: readonly Section[] }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const current = currentSection(pathname);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // A new page closes the menu (links inside it are client-side navigations).
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector("a")?.focus();
    const close = (refocus: boolean) => {
      setOpen(false);
      if (refocus) button.current?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close(true);
    };
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const linkClass =
    "block rounded-md px-3 py-2.5 text-base text-zinc-700 hover:bg-zinc-100 aria-[current=page]:bg-blue-50 aria-[current=page]:font-medium aria-[current=page]:text-blue-900 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-100";

  return (
    <div className="md:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={current ? `Menu (${current.label})` : "Menu"}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        >
          <path d={open ? MENU_OPEN_PATH : MENU_CLOSED_PATH} />
        </svg>
        {/* The section the page is in, so a phone shows it too; the name keeps the visible text. */}
        <span>{current?.label ?? "Menu"}</span>
      </button>
      <div
        ref={panel}
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-14 max-h-[calc(100dvh-3.5rem)] overflow-y-auto border-b border-zinc-200 bg-white px-4 py-3 shadow-lg dark:border-zinc-800 dark:bg-zinc-950"
      >
        <nav aria-label="Menu">
          <ul className="space-y-0.5">
            <li>
              <Link href="/" aria-current={pathname === "/" ? "page" : undefined} className={linkClass}>
                Home
              </Link>
            </li>
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href} aria-current={s.href === current?.href ? "page" : undefined} className={linkClass}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
          <ul className="mt-2 space-y-0.5 border-t border-zinc-200 pt-2 dark:border-zinc-800">
            {extra.map((s) => (
              <li key={s.href}>
                <a href={s.href} className={linkClass}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}
