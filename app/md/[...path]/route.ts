import { findMarkdownPage, markdownParams, markdownResponse } from "@/lib/markdown/pages";
import { portalUrl } from "@/lib/mcp/config";

// The .md twin of every page, prerendered; next.config.ts rewrites `/<page>.md` here.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return markdownParams();
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const page = findMarkdownPage((await params).path);
  if (!page) return new Response("Not found\n", { status: 404 });
  return markdownResponse(page.render(portalUrl()));
}
