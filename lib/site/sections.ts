/** The portal's top-level sections, in header order: the header nav and the mobile menu both read this list. */
export interface Section {
  href: string;
  label: string;
}

export const sections: readonly Section[] = [
  { href: "/guides", label: "Guides" },
  { href: "/reference", label: "Reference" },
  { href: "/console", label: "Console" },
  { href: "/sdk", label: "SDK" },
  { href: "/mcp", label: "MCP" },
  { href: "/sandbox", label: "Sandbox" },
];

/** The section a path belongs to (`/reference/files/upload-file` → `/reference`), or undefined (e.g. `/`). */
export function currentSection(pathname: string): Section | undefined {
  return sections.find((s) => pathname === s.href || pathname.startsWith(`${s.href}/`));
}
