import { answerSiteSearch } from "@/lib/search/site-request";

// The search dialog's data source; validation and ranking live in lib/search.
export const dynamic = "force-dynamic";

export const GET = (req: Request) => answerSiteSearch(req);
