/** Where a page's Markdown twin lives: the page URL plus `.md`, and `/index.md` for the home page. */
export function twinPath(pagePath: string): string {
  return pagePath === "/" ? "/index.md" : `${pagePath.replace(/\/+$/, "")}.md`;
}

/** A Markdown list item linking a URL: `- [label](url): note`. */
export function linkLine(label: string, url: string, note?: string): string {
  return `- [${label.replace(/[[\]]/g, "\\$&")}](${url})${note ? `: ${note}` : ""}`;
}

/** `1 endpoint`, `2 endpoints`. */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
