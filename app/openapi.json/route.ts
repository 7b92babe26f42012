import { buildOpenApi } from "@/lib/openapi/build";

/** Prerendered at build time: the document only changes when the catalog does. */
export const dynamic = "force-static";

/** The whole catalog as an OpenAPI 3.1 document. */
export function GET() {
  return Response.json(buildOpenApi());
}
