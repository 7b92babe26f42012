import { sandboxOverview } from "@/lib/sandbox-pages/overview";

/**
 * GET /sandbox/demo → the shared demo tenant's keys and ready-made user, as the /sandbox page shows them
 * (public by design: everyone shares this tenant). The console's "Use the demo tenant" reads it.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  const { demo } = await sandboxOverview();
  if (!demo) return Response.json({ detail: "The demo tenant does not exist" }, { status: 404 });
  return Response.json(
    {
      public_key: demo.publicKey,
      secret_key: demo.secretKey,
      email: demo.email,
      password: demo.password,
      organization_id: demo.organizationId,
      organization_name: demo.organizationName,
    },
    { headers: { "cache-control": "no-store" } },
  );
}
