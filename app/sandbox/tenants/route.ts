import { createTenantResponse } from "@/lib/sandbox-pages/admin";

/** POST /sandbox/tenants → 201 {tenant_id, public_key, secret_key, email_verification, expires_at}. */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (req: Request) => createTenantResponse(req);
