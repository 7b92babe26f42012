import { consoleEnvironments } from "@/lib/console/environments";

/** GET /api/console/environments: where the console may send requests (reference pages are static, this is runtime config). */
export const dynamic = "force-dynamic";

export const GET = () => Response.json(consoleEnvironments(), { headers: { "cache-control": "no-store" } });
