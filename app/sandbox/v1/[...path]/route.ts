import { handleSandboxRequest } from "@/lib/sandbox/engine";

/** The sandbox API: `/sandbox/v1/...` answers as `/v1/...` is documented. */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handle = (req: Request) => handleSandboxRequest(req);

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
