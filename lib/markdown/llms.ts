import { categories, endpoints, endpointsOf } from "@/lib/catalog";
import { GUIDES, guideMarkdown } from "@/lib/content/guides";
import { site } from "@/lib/site/config";
import { SDK_DOWNLOAD_PATH } from "@/lib/sdk/summary";
import { endpointMarkdown } from "@/lib/catalog/endpoint-markdown";
import { guideLink } from "./guides";
import { linkLine } from "./paths";
import { categoryTwinUrl, endpointLink } from "./reference";

const summary = () =>
  `> Reference and guides for the ${site.apiName} ${site.apiVersion}, a Backend-as-a-Service for multi-tenant apps: ` +
  "API keys and JWT auth, organizations, Stripe billing, usage limits, AI agents, custom entities and a file drive. " +
  `${endpoints.length} end-user endpoints in ${categories.length} categories.`;

const intro =
  "Every page of this portal has a Markdown twin at its URL plus `.md`; the links below point to them. " +
  "Requests send the tenant's API key in `X-API-Key` (`pk_live_*` in browsers, `sk_live_*` on servers only) and, after login, " +
  'the user\'s access token in `Authorization: Bearer <token>`. Errors answer `{"detail": ...}`. Paths start with `/v1/`.';

/** /llms.txt as llmstxt.org describes it: title, summary, a paragraph, then sections of links. */
export function llmsTxt(baseUrl: string): string {
  return [
    `# ${site.apiName}`,
    "",
    summary(),
    "",
    intro,
    "",
    "## Guides",
    "",
    ...GUIDES.map((g) => guideLink(g, baseUrl)),
    "",
    "## API reference",
    "",
    ...categories.flatMap((c) => [
      linkLine(c.title, categoryTwinUrl(c, baseUrl), c.description),
      ...endpointsOf(c.id).map((e) => endpointLink(e, baseUrl)),
    ]),
    "",
    "## Tools",
    "",
    linkLine("OpenAPI 3.1 document", `${baseUrl}/openapi.json`, "every endpoint, schema and example as JSON"),
    linkLine("TypeScript SDK", `${baseUrl}${SDK_DOWNLOAD_PATH}`, "the generated client, one file with no dependencies"),
    linkLine("TypeScript SDK guide", `${baseUrl}/sdk.md`, "how to use the client, and its namespaces"),
    linkLine(
      "MCP endpoint",
      `${baseUrl}/api/mcp`,
      "a Model Context Protocol server (Streamable HTTP) to search and read this reference",
    ),
    linkLine(
      "MCP setup",
      `${baseUrl}/mcp.md`,
      "how to connect Claude Code, Cursor, VS Code or any MCP client, and the server's tools",
    ),
    linkLine(
      "Sandbox",
      `${baseUrl}/sandbox.md`,
      "a stateful copy of the API to call without an account: keys, demo tenant, outbox",
    ),
    linkLine("API console", `${baseUrl}/console.md`, "send requests from the browser, checked against the reference"),
    "",
    "## Optional",
    "",
    linkLine("llms-full.txt", `${baseUrl}/llms-full.txt`, "every guide and every endpoint in one file"),
    linkLine("Portal overview", `${baseUrl}/index.md`, "the home page"),
    linkLine("API reference index", `${baseUrl}/reference.md`, "every category with its endpoints"),
    linkLine("Guides index", `${baseUrl}/guides.md`, "the guides by group"),
    "",
  ].join("\n");
}

/** /llms-full.txt: every guide, then every endpoint twin, in one Markdown file. */
export function llmsFullTxt(baseUrl: string): string {
  const docs = [
    ...GUIDES.map((g) => guideMarkdown(g.id).trim()),
    ...endpoints.map((e) => endpointMarkdown(e, { baseUrl }).trim()),
  ];
  const head = [
    `# ${site.apiName}: full documentation`,
    "",
    summary(),
    "",
    `The index of this file is ${baseUrl}/llms.txt.`,
  ].join("\n");
  return [head, ...docs].join("\n\n---\n\n") + "\n";
}
