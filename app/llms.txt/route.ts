import { llmsTxt } from "@/lib/markdown/llms";
import { markdownResponse } from "@/lib/markdown/pages";
import { publicOrigin } from "@/lib/site/origin";
import { perOrigin } from "@/lib/site/per-origin";

/** The llmstxt.org index of the portal, with links to the address it is served at (lib/site/origin.ts). */
export const dynamic = "force-dynamic";

const text = perOrigin(llmsTxt);

export function GET(req: Request) {
  return markdownResponse(text(publicOrigin(req)), "text/plain");
}
