import { outboxResponse } from "@/lib/sandbox/admin";

/** GET /sandbox/outbox: HTML page, or JSON with Accept: application/json and a secret key. */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = (req: Request) => outboxResponse(req);
