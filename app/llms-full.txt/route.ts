import { llmsFullTxt } from "@/lib/markdown/llms";
import { markdownResponse } from "@/lib/markdown/pages";
import { publicOrigin } from "@/lib/site/origin";
import { perOrigin } from "@/lib/site/per-origin";

/** Every guide and endpoint twin in one file, with links to the address the portal is served at. */
export const dynamic = "force-dynamic";

const text = perOrigin(llmsFullTxt);

export function GET(req: Request) {
  return markdownResponse(text(publicOrigin(req)), "text/plain");
}
