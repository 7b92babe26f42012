import { findMarkdownPage, markdownResponse } from "@/lib/markdown/pages";
import { publicOrigin } from "@/lib/site/origin";

// The .md twin of every page; next.config.ts rewrites `/<page>.md` here. Rendered per request: its links carry the
// address the portal is served at (lib/site/origin.ts), which a build cannot know.
export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const page = findMarkdownPage((await params).path);
  if (!page) return new Response("Not found\n", { status: 404 });
  return markdownResponse(page.render(publicOrigin(req)));
}
