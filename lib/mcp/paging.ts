/**
 * Splits blocks of text into pages of at most `budget` characters (a block larger than the
 * budget gets a page of its own), so no answer grows past what an assistant can take in.
 */
export function paginate(blocks: readonly string[], budget: number): string[][] {
  const pages: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const b of blocks) {
    if (current.length > 0 && size + b.length + 1 > budget) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(b);
    size += b.length + 1;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}
