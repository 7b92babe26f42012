import { GUIDES } from "@/lib/content/guides";
import { SANDBOX_WALKTHROUGH, stepCall } from "@/lib/mcp/sandbox/walkthrough";
import { portalTools, sandboxTools } from "@/lib/mcp/tools";
import { mcpSetups } from "@/lib/site/mcp-setup";

/**
 * The /mcp page as Markdown (/mcp.md): its data (client setups, tools) comes from the same modules as
 * app/mcp/page.tsx; the few sentences around it restate the page's.
 */
export function mcpMarkdown(baseUrl: string): string {
  const setup = mcpSetups(baseUrl);
  return [
    "# Connect an assistant (MCP)",
    "",
    "The portal is also a Model Context Protocol server: assistants ask it about endpoints, auth flows and patterns, and get answers " +
      `generated from the same catalog as the reference. It speaks Streamable HTTP at ${setup.url} (stateless) and stdio.`,
    "",
    `- Page: ${baseUrl}/mcp`,
    "",
    "## Set up your client",
    "",
    ...setup.clients.flatMap((c) => [`### ${c.title}`, "", c.note, "", "```" + c.lang, c.code, "```", ""]),
    "## Tools",
    "",
    "The nine tools of the original server, with the same names and arguments, all read-only.",
    "",
    ...portalTools.map(
      (t) => `- \`${t.name}\` (${t.title}): ${(t.description.split("\n\n")[0] ?? "").replace(/\s*\n\s*/g, " ")}`,
    ),
    "",
    "## Try the API in a sandbox",
    "",
    "Three more tools give an assistant a sandbox tenant of its own, so it can check a request, a header or a whole flow against a stateful copy of the API before writing code on it. They reach this portal's sandbox only (in process: never the real API or any other URL), and only the tenant whose keys are passed; keys and tokens are neither logged nor cached. New tenants are limited per client address, as on POST /sandbox/tenants.",
    "",
    ...sandboxTools.map(
      (t) =>
        `- \`${t.name}\` (${t.title}${t.hints.readOnlyHint ? ", read-only" : ", writes to the sandbox"}): ${(t.description.split("\n")[0] ?? "").trim()}`,
    ),
    "",
    "### Worked example: a verified sign-up",
    "",
    ...SANDBOX_WALKTHROUGH.flatMap((s, i) => [`${i + 1}. \`${stepCall(s)}\``, `   → ${s.answer}`]),
    "",
    "The prompt `try-endpoint` (argument `endpoint`) walks an assistant through these steps for any endpoint.",
    "",
    "## Resources and prompts",
    "",
    "- `saas-api://endpoints/{id}`: every endpoint's reference in Markdown (e.g. `authentication.login`).",
    `- \`saas-api://guides/{id}\`: the ${GUIDES.length} guides.`,
    "- `saas-api://openapi.json`: the OpenAPI 3.1 document.",
    "- Prompts `build-auth-ui` (build the auth UI for this API), `integrate-endpoint` (integrate one endpoint, by id or `METHOD /path`) and `try-endpoint` (try one endpoint in the sandbox).",
    "",
  ].join("\n");
}
