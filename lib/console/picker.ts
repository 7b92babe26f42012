import type { HttpMethod } from "@/lib/catalog";

/** What the console's endpoint picker lists: plain data from the server. */
export interface PickerEndpoint {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  category: string;
}

/** Every word of the filter must appear in the id, method, path, summary or category (case-insensitive). */
export function filterEndpoints(list: PickerEndpoint[], filter: string): PickerEndpoint[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return list;
  return list.filter((e) => {
    const hay = `${e.id} ${e.method} ${e.path} ${e.summary} ${e.category}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
