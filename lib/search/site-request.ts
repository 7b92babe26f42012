import "server-only";
import { z } from "zod";
import { MAX_SITE_QUERY, searchSite } from "./site";

const SearchParams = z.object({
  q: z
    .string({ error: "q is required: what to search for, e.g. ?q=upload%20a%20file" })
    .trim()
    .min(1, { error: "q must not be empty: what to search for, e.g. ?q=upload%20a%20file" })
    .max(MAX_SITE_QUERY, { error: `q must be at most ${MAX_SITE_QUERY} characters` }),
});

/** Answers stay valid until the next deploy; a short max-age keeps a deploy's changes visible soon. */
const CACHE = "public, max-age=300";

/** GET /api/search?q=: the header dialog's data, grouped as on /search. 422 with {detail} for a missing, empty or long q. */
export function answerSiteSearch(req: Request): Response {
  const params = new URL(req.url).searchParams;
  const parsed = SearchParams.safeParse({ q: params.get("q") ?? undefined });
  if (!parsed.success) {
    return Response.json({ detail: parsed.error.issues[0]?.message ?? "invalid query" }, { status: 422 });
  }
  return Response.json(searchSite(parsed.data.q), { headers: { "Cache-Control": CACHE } });
}
