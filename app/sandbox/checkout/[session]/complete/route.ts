import { checkoutCompleteResponse } from "@/lib/sandbox-pages/checkout-page";

/** The checkout page's Pay / Cancel: 303 to success_url or cancel_url, 404 when the session cannot be paid. */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ session: string }> }) {
  return checkoutCompleteResponse(req, (await params).session);
}
