import { type McpServer, ProtocolError, ProtocolErrorCode, ResourceTemplate } from "@modelcontextprotocol/server";
import { z } from "zod";
import { endpoints, getEndpoint, matchPath, type HttpMethod } from "@/lib/catalog";
import { GUIDES, guideMarkdown } from "@/lib/content/guides";
import { endpointLine, endpointMarkdown } from "@/lib/catalog/endpoint-markdown";
import { buildOpenApi } from "@/lib/openapi/build";
import { portalUrl } from "@/lib/site/origin";
import { AnswerCache } from "./answer-cache";
import { sdkSchema } from "./schema";
import type { LiveTool } from "./live-tool";
import { tryEndpointText } from "./prompts/try-endpoint";
import type { PortalTool, ToolAnswer } from "./tool";
import { portalTools, sandboxTools } from "./tools";

const READ_ONLY = { readOnlyHint: true, openWorldHint: false, idempotentHint: true, destructiveHint: false } as const;

/** One cache for every server of the process: pooled HTTP servers share answers. */
const answers = new AnswerCache();

/**
 * One tool on one server: catalog tools answer from the shared cache; sandbox tools (LiveTool) afresh on every call,
 * never cached (their answers depend on the sandbox and carry keys).
 */
function registerTool(server: McpServer, tool: PortalTool | LiveTool) {
  const live = "hints" in tool;
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: sdkSchema(tool.input),
      outputSchema: tool.output && sdkSchema(tool.output),
      annotations: { title: tool.title, ...(live ? tool.hints : READ_ONLY) },
    },
    async (args: unknown) => toolResult(live ? await tool.run(args as never) : answers.answer(tool, args)),
  );
}

const toolResult = (answer: ToolAnswer) => ({
  content: [{ type: "text" as const, text: answer.text }],
  ...(answer.structured !== undefined && !answer.isError
    ? { structuredContent: answer.structured as Record<string, unknown> }
    : {}),
  ...(answer.isError ? { isError: true } : {}),
});

/** Resolves "auth.login", "authentication.login" or "POST /v1/auth/login" to an endpoint. */
function resolveEndpoint(ref: string) {
  const byId = getEndpoint(ref.trim());
  if (byId) return byId;
  const m = /^\s*(GET|POST|PUT|PATCH|DELETE)\s+(\S+)\s*$/i.exec(ref);
  const hits = m ? matchPath(m[1]!.toUpperCase() as HttpMethod, m[2]!) : matchPath(undefined, ref);
  return hits.length === 1 ? hits[0]!.endpoint : undefined;
}

/** Registers the portal's tools, resources and prompts: the same set over HTTP and stdio. */
export function registerPortal(server: McpServer): void {
  for (const tool of portalTools) registerTool(server, tool);
  for (const tool of sandboxTools) registerTool(server, tool);

  server.registerResource(
    "endpoint",
    new ResourceTemplate("saas-api://endpoints/{id}", {
      list: async () => ({
        resources: endpoints.map((e) => ({
          uri: `saas-api://endpoints/${e.id}`,
          name: e.id,
          title: `${e.method} ${e.path}`,
          description: e.summary,
          mimeType: "text/markdown",
        })),
      }),
      complete: {
        id: (value: string) =>
          endpoints
            .map((e) => e.id)
            .filter((id) => id.startsWith(value))
            .slice(0, 50),
      },
    }),
    {
      title: "Endpoint reference",
      description: "One endpoint's full reference in Markdown, by id (e.g. authentication.login)",
      mimeType: "text/markdown",
    },
    async (uri, variables) => {
      const id = String(variables.id ?? "");
      const e = getEndpoint(decodeURIComponent(id));
      if (!e) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown endpoint id: ${id}`);
      return {
        contents: [{ uri: uri.href, mimeType: "text/markdown", text: endpointMarkdown(e, { baseUrl: portalUrl() }) }],
      };
    },
  );

  for (const g of GUIDES) {
    server.registerResource(
      `guide-${g.id}`,
      `saas-api://guides/${g.id}`,
      { title: g.title, description: `Guide: ${g.title}`, mimeType: "text/markdown" },
      async (uri) => ({ contents: [{ uri: uri.href, mimeType: "text/markdown", text: guideMarkdown(g.id) }] }),
    );
  }

  server.registerResource(
    "openapi",
    "saas-api://openapi.json",
    {
      title: "OpenAPI 3.1 document",
      description: "The whole end-user API as OpenAPI 3.1, generated from the catalog",
      mimeType: "application/json",
    },
    async (uri) => ({
      contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(buildOpenApi()) }],
    }),
  );

  server.registerPrompt(
    "build-auth-ui",
    {
      title: "Build the auth UI for this API",
      description:
        "Sign-up, email verification, login, logout, password reset and Google sign-in screens for an end-user frontend",
      argsSchema: z.object({
        framework: z.string().max(100).optional().describe("Frontend framework, e.g. Next.js, React + Vite, SvelteKit"),
      }),
    },
    ({ framework }) => {
      const auth = endpoints.filter((e) => e.category === "authentication");
      const text = [
        `Build the end-user authentication UI${framework ? ` in ${framework}` : ""} for the Multi-tenant SaaS API.`,
        "",
        "Screens: sign up (handle both answers: tokens, or verification_required with a check-your-email screen), verify email (token from the link), log in, forgot password, reset password, change password, sign in with Google (tokens arrive in the URL fragment), and log out.",
        "Use the public key (pk_live_*) in X-API-Key on every request; send Authorization: Bearer <access_token> where the endpoint needs a JWT; refresh once on 401 with a single refresh in flight, then retry; respect 429 Retry-After.",
        "",
        "Endpoints:",
        ...auth.map((e) => `- ${endpointLine(e)}`),
        "",
        "Follow this guide:",
        "",
        guideMarkdown("authentication-flow"),
      ].join("\n");
      return { messages: [{ role: "user" as const, content: { type: "text" as const, text } }] };
    },
  );

  server.registerPrompt(
    "integrate-endpoint",
    {
      title: "Integrate endpoint X",
      description:
        "Write frontend code that calls one endpoint correctly, with its auth, headers, validation and errors",
      argsSchema: z.object({
        endpoint: z
          .string()
          .min(1)
          .max(300)
          .describe('Endpoint id (authentication.login) or "METHOD /path" (POST /v1/auth/login)'),
        framework: z.string().max(100).optional().describe("Frontend framework or language"),
      }),
    },
    ({ endpoint, framework }) => {
      const e = resolveEndpoint(endpoint);
      if (!e)
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Unknown endpoint "${endpoint}": use an id such as authentication.login or "POST /v1/auth/login".`,
        );
      const text = [
        `Integrate ${e.method} ${e.path} (${e.summary})${framework ? ` in ${framework}` : ""}.`,
        "Send exactly the headers its auth rule needs, validate input against the field constraints before sending, handle every documented response and error (show 422 field errors next to their fields; on 429 wait for Retry-After), and type the request and response.",
        "",
        endpointMarkdown(e, { baseUrl: portalUrl() }),
      ].join("\n");
      return { messages: [{ role: "user" as const, content: { type: "text" as const, text } }] };
    },
  );

  server.registerPrompt(
    "try-endpoint",
    {
      title: "Try endpoint X in the sandbox",
      description:
        "Walks through creating a sandbox tenant, getting a token and calling one endpoint with the sandbox tools",
      argsSchema: z.object({
        endpoint: z
          .string()
          .min(1)
          .max(300)
          .describe('Endpoint id (authentication.me) or "METHOD /path" (GET /v1/auth/me)'),
      }),
    },
    ({ endpoint }) => {
      const e = resolveEndpoint(endpoint);
      if (!e)
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Unknown endpoint "${endpoint}": use an id such as authentication.me or "GET /v1/auth/me".`,
        );
      return { messages: [{ role: "user" as const, content: { type: "text" as const, text: tryEndpointText(e) } }] };
    },
  );
}
