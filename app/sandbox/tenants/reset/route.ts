import { resetTenantResponse } from "@/lib/sandbox-pages/admin";

/** POST /sandbox/tenants/reset with X-API-Key: sk_live_… → the tenant back to its seed. */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (req: Request) => resetTenantResponse(req);
