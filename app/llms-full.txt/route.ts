import { llmsFullTxt } from "@/lib/markdown/llms";
import { markdownResponse } from "@/lib/markdown/pages";
import { portalUrl } from "@/lib/mcp/config";

/** Every guide and endpoint twin in one file, prerendered at build time. */
export const dynamic = "force-static";

export function GET() {
  return markdownResponse(llmsFullTxt(portalUrl()), "text/plain");
}
