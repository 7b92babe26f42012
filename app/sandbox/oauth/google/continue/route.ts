import { consentContinueResponse } from "@/lib/sandbox-pages/oauth-consent";

/** The consent form's "Continue": 303 to the API's Google callback with a code for the chosen email. */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (req: Request) => consentContinueResponse(req);
