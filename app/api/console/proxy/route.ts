import { handleConsoleProxy } from "@/lib/console/proxy";

// The console's live-API proxy; target checks, header filtering and limits live in lib/console/proxy.ts.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handle = (req: Request) => handleConsoleProxy(req);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
