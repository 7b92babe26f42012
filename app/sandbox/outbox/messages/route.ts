import { outboxResponse } from "@/lib/sandbox-pages/admin";

/**
 * The outbox as JSON, with X-API-Key: sk_live_…. GET /sandbox/outbox with Accept: application/json is rewritten here
 * (next.config.ts), so that path keeps its JSON contract beside the page.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = (req: Request) => outboxResponse(req);
