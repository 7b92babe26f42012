import { llmsTxt } from "@/lib/markdown/llms";
import { markdownResponse } from "@/lib/markdown/pages";
import { portalUrl } from "@/lib/mcp/config";

/** The llmstxt.org index of the portal, prerendered at build time. */
export const dynamic = "force-static";

export function GET() {
  return markdownResponse(llmsTxt(portalUrl()), "text/plain");
}
