import { type Category, categories, type Endpoint, endpoints, endpointsOf } from "@/lib/catalog";
import { docsPath } from "@/lib/catalog/serialize";
import { site } from "@/lib/site/config";
import { categoryHref } from "@/lib/site/nav";
import { count, linkLine, twinPath } from "./paths";

/** The URL of an endpoint's .md twin. */
export const endpointTwinUrl = (e: Endpoint, baseUrl: string) => `${baseUrl}${twinPath(docsPath(e))}`;
/** The URL of a category page's .md twin. */
export const categoryTwinUrl = (c: Category, baseUrl: string) => `${baseUrl}${twinPath(categoryHref(c.slug))}`;

/** `- [POST /v1/auth/login](…/reference/authentication/login.md): Login with email and password` */
export const endpointLink = (e: Endpoint, baseUrl: string) =>
  linkLine(`${e.method} ${e.path}`, endpointTwinUrl(e, baseUrl), e.summary);

/** A category page as Markdown: title, description, notes and its endpoints, linked to their twins. */
export function categoryMarkdown(c: Category, baseUrl: string): string {
  const list = endpointsOf(c.id);
  const out = [`# ${c.title}`, "", c.description, "", `- Reference: ${baseUrl}${categoryHref(c.slug)}`, ""];
  if (c.notes.length > 0) out.push("## Good to know", "", ...c.notes.map((n) => `- ${n}`), "");
  out.push(`## ${count(list.length, "endpoint")}`, "", ...list.map((e) => endpointLink(e, baseUrl)), "");
  return out.join("\n");
}

/** The reference index as Markdown: every category with its endpoints. */
export function referenceMarkdown(baseUrl: string): string {
  const out = [
    "# API reference",
    "",
    `${endpoints.length} end-user endpoints of the ${site.apiName} ${site.apiVersion} in ${categories.length} categories. ` +
      "Every request carries an API key in `X-API-Key`; after login, the user's access token goes in `Authorization: Bearer <token>`.",
    "",
    `- Reference: ${baseUrl}/reference`,
    `- OpenAPI 3.1: ${baseUrl}/openapi.json`,
    "",
  ];
  for (const c of categories) {
    out.push(
      `## [${c.title}](${categoryTwinUrl(c, baseUrl)})`,
      "",
      c.description,
      "",
      ...endpointsOf(c.id).map((e) => endpointLink(e, baseUrl)),
      "",
    );
  }
  return out.join("\n");
}
