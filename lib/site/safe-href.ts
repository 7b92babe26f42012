/**
 * An href for a link rendered from data that came from outside (mail links, stored URLs): the URL when it is http(s),
 * otherwise undefined, so that no `javascript:` or `data:` URL ever becomes a link of the portal.
 */
export function safeHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
