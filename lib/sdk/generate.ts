import { categories, endpointsOf, getEndpoint } from "@/lib/catalog";
import { ValidationErrorItem } from "@/lib/catalog/errors";
import { toJsonSchema } from "@/lib/catalog/json-schema";
import { site } from "@/lib/site/config";
import { type EndpointPlan, planEndpoint, REFRESH_ENDPOINT_ID } from "./endpoint-plan";
import { jsDoc, printDeclaration } from "./json-schema-to-ts";
import { NamedTypes } from "./named-types";
import { camelCase, pascalCase } from "./names";
import { callProperties, endpointTypeNames, renderEndpointMethods, renderEndpointTypes } from "./render-endpoint";
import { apiClientClass, RUNTIME_HELPERS } from "./runtime";

/** Names the runtime declares or relies on; a schema title must not shadow them. */
const RUNTIME_NAMES = [
  "ApiClient",
  "ApiClientOptions",
  "ApiError",
  "AuthTokens",
  "Call",
  "RequestOptions",
  "Session",
  "ValidationIssue",
  "AbortSignal",
  "Array",
  "AsyncGenerator",
  "Blob",
  "BodyInit",
  "Date",
  "Error",
  "FormData",
  "Omit",
  "Promise",
  "Record",
  "Response",
  "TextDecoder",
  "URLSearchParams",
];

const groupClass = (categoryId: string) => `${pascalCase(categoryId)}Api`;

function checkUnique(names: string[], what: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new Error(`SDK: duplicate ${what} ${n}`);
    seen.add(n);
  }
}

function refreshParts(): { refreshCall: string; refreshBodyField: string } {
  const e = getEndpoint(REFRESH_ENDPOINT_ID);
  if (!e) throw new Error(`SDK: the catalog has no ${REFRESH_ENDPOINT_ID} endpoint`);
  const plan = planEndpoint(e);
  const field = Object.keys(plan.body?.properties ?? {}).find((k) => k === "refresh_token");
  if (!field || plan.storesTokens !== "always")
    throw new Error(`SDK: ${REFRESH_ENDPOINT_ID} no longer takes refresh_token and answers tokens`);
  return { refreshCall: callProperties(plan), refreshBodyField: field };
}

const HEADER = `/**
 * api-client.ts: a TypeScript client of the ${site.apiName} ${site.apiVersion}.
 *
 * Generated from the developer portal's catalog by lib/sdk/generate.ts: do not edit by hand.
 * No dependencies: fetch, FormData and ReadableStream are enough (browsers, Node.js 18+).
 *
 * @example
 * const client = new ApiClient({ apiKey: "pk_live_...", baseUrl: "https://api.example.com", onTokens: save });
 * await client.authentication.login({ email, password });
 * const me = await client.authentication.me();
 */
/* eslint-disable */
`;

/**
 * The TypeScript SDK as the source text of one self-contained file, `api-client.ts`: types from
 * the catalog's zod schemas, one method per endpoint grouped by category, and a small runtime.
 */
export function generateSdk(): string {
  const groups = categories.map((c) => ({ category: c, plans: endpointsOf(c.id).map(planEndpoint) }));
  const plans: EndpointPlan[] = groups.flatMap((g) => g.plans);

  const endpointNames = plans.flatMap(endpointTypeNames);
  checkUnique([...endpointNames, ...groups.map((g) => groupClass(g.category.id)), ...RUNTIME_NAMES], "type name");
  for (const g of groups)
    checkUnique(
      g.plans.flatMap((p) => [p.method, ...(p.stream ? [p.stream.method] : [])]),
      `method in ${g.category.id}`,
    );

  const named = new NamedTypes(
    new Set([...RUNTIME_NAMES, ...endpointNames, ...groups.map((g) => groupClass(g.category.id))]),
  );
  for (const p of plans) {
    for (const input of [p.params, p.query, p.body]) if (input) named.collect(input, "input");
    for (const output of [...p.results, ...(p.stream ? [p.stream.chunk] : [])]) named.collect(output, "output");
  }
  named.seal();
  const opts = { nameOf: named.nameOf };

  const sections = groups.map(({ category, plans: ps }) => {
    const title = `// ${category.title} ${"-".repeat(Math.max(3, 96 - category.title.length))}\n\n`;
    const types = ps.map((p) => renderEndpointTypes(p, opts)).filter((t) => t !== "");
    const methods = ps.map(renderEndpointMethods).join("\n");
    const cls =
      `${jsDoc([`${category.title}: ${category.description}`, ...category.notes.map((n) => `- ${n}`)])}` +
      `export class ${groupClass(category.id)} {\n  private readonly session: Session;\n\n  constructor(session: Session) {\n    this.session = session;\n  }\n\n${methods}}\n`;
    return title + [...types, cls].join("\n");
  });

  const client = apiClientClass({
    fields: groups
      .map(
        (g) =>
          `${jsDoc([g.category.title], "  ")}  readonly ${camelCase(g.category.id)}: ${groupClass(g.category.id)};`,
      )
      .join("\n"),
    assignments: groups
      .map((g) => `    this.${camelCase(g.category.id)} = new ${groupClass(g.category.id)}(session);`)
      .join("\n"),
    ...refreshParts(),
  });

  return [
    HEADER,
    printDeclaration("ValidationIssue", toJsonSchema(ValidationErrorItem, "output"), {}, [
      "One field error of a 422 answer.",
    ]),
    RUNTIME_HELPERS,
    `// Shared models ${"-".repeat(82)}\n`,
    named.declarations().join("\n"),
    ...sections,
    client,
  ].join("\n");
}
