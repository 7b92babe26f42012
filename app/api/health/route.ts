import { endpoints } from "@/lib/catalog";

/** Liveness for Playwright's webServer and deploys. */
export function GET() {
  return Response.json({ status: "ok", endpoints: endpoints.length });
}
