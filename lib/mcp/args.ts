import { z } from "zod";
import { CATEGORY_IDS, HTTP_METHODS } from "@/lib/catalog";

/** Tool argument schemas shared by several tools; the seed's argument names are kept. */
export const categoryArg = z.enum(CATEGORY_IDS).describe(`Category: ${CATEGORY_IDS.join(", ")}`);

/** Methods are accepted in any case, as clients type them. */
export const methodArg = z
  .string()
  .transform((m) => m.toUpperCase())
  .pipe(z.enum(HTTP_METHODS))
  .describe("HTTP method (GET, POST, PUT, PATCH, DELETE); omit to get every method on the path");

export const pathArg = z
  .string()
  .trim()
  .min(1, "path must not be empty")
  .max(2000)
  .describe(
    "Endpoint path: a template (/v1/organizations/{organization_id}) or a concrete path with ids and query string (/v1/organizations/3f2b.../members?x=1), or a full URL",
  );
