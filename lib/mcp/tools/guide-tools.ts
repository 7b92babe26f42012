import { z } from "zod";
import { categories, endpoints, endpointsOf } from "@/lib/catalog";
import { guideMarkdown } from "@/lib/content/guides";
import { buildOpenApi } from "@/lib/openapi/build";
import { generateSdk } from "@/lib/sdk/generate";
import { portalUrl } from "@/lib/site/origin";
import { categoryArg } from "../args";
import { MCP_SERVER_INFO } from "../config";
import { defineTool, toolError } from "../tool";

const noArgs = z.object({});

export const getApiOverview = defineTool({
  name: "get_api_overview",
  title: "API overview",
  description: `High-level overview of the Multi-tenant SaaS API: what it is, its two authentication contexts (end-user API key + JWT vs the tenant dashboard, which end-user frontends must not use), key kinds, tokens, rate limits, error shape and the ${categories.length} categories. Call this first.`,
  input: noArgs,
  output: z.object({
    name: z.string(),
    version: z.string(),
    portal_url: z.string(),
    openapi_url: z.string(),
    total_endpoints: z.number().int(),
    categories: z.array(
      z.object({ id: z.string(), title: z.string(), description: z.string(), endpoints: z.number().int() }),
    ),
  }),
  run() {
    const base = portalUrl();
    const cats = categories.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      endpoints: endpointsOf(c.id).length,
    }));
    const links = `\n\n## In this portal\n\n- Reference: ${base}/reference\n- OpenAPI 3.1: ${base}/openapi.json\n- MCP endpoint: ${base}/api/mcp\n`;
    return {
      text: guideMarkdown("overview").trimEnd() + links,
      structured: {
        name: "Multi-tenant SaaS API",
        version: MCP_SERVER_INFO.version,
        portal_url: base,
        openapi_url: `${base}/openapi.json`,
        total_endpoints: endpoints.length,
        categories: cats,
      },
    };
  },
});

export const getRequestHeaders = defineTool({
  name: "get_request_headers",
  title: "Request headers",
  description:
    "Which HTTP headers each request needs (X-API-Key, Authorization: Bearer, X-Organization-Id, Content-Type) and when to leave them out, with curl and fetch examples.",
  input: noArgs,
  run: () => ({ text: guideMarkdown("api-keys-and-headers") }),
});

export const getAuthenticationFlow = defineTool({
  name: "get_authentication_flow",
  title: "Authentication flow guide",
  description:
    "Step-by-step guide to authentication in a frontend: registration with conditional email verification, email verification, login, token storage and its risks, refresh with a single refresh in flight, logout, password reset and change, Google OAuth (tokens in the URL fragment).",
  input: noArgs,
  run: () => ({ text: guideMarkdown("authentication-flow") }),
});

export const getCommonPatterns = defineTool({
  name: "get_common_patterns",
  title: "Common implementation patterns",
  description:
    "Implementation patterns for frontends: a typed request wrapper, single-flight token refresh, a React auth hook, error handling by status (401, 402, 403, 409, 422, 429), usage checks, OAuth callback parsing, organization context, environment variables, pagination styles.",
  input: noArgs,
  run: () => ({ text: guideMarkdown("common-patterns") }),
});

let sdkSource: string | undefined;

export const getSdkTemplate = defineTool({
  name: "get_sdk_template",
  title: "TypeScript SDK",
  description:
    "A complete TypeScript client generated from the catalog: one typed method per endpoint, request and response types, typed ApiError with Retry-After, one token refresh in flight then retry on 401, no token storage when registration needs email verification, 204 handling, multipart upload, AbortSignal, X-Organization-Id, SSE streaming for completions.",
  input: noArgs,
  run() {
    sdkSource ??= generateSdk();
    const url = `${portalUrl()}/sdk/api-client.ts`;
    const usage = [
      "```ts",
      'import { ApiClient } from "./api-client";',
      "",
      'const api = new ApiClient({ apiKey: "pk_live_your_public_key", baseUrl: "https://api.example.com" });',
      'const registered = await api.authentication.register({ email: "user@example.com", password: "SecurePass123" });',
      "// Tokens are stored only when the answer has them (no email verification required).",
      "```",
    ].join("\n");
    return {
      text: `# TypeScript SDK (api-client.ts)\n\nSave as \`api-client.ts\` (also downloadable at ${url}).\n\n${usage}\n\n\`\`\`ts\n${sdkSource}\n\`\`\`\n`,
    };
  },
});

export const getOpenApiSpec = defineTool({
  name: "get_openapi_spec",
  title: "OpenAPI 3.1 document",
  description:
    "The OpenAPI 3.1 document of the end-user API, generated from the catalog (works offline). Filter by category or by path (templates and concrete paths) to keep it small; without filters the whole document is returned.",
  input: z.object({
    category: categoryArg.optional(),
    path: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe("Only operations on this path (template, concrete path or URL)"),
  }),
  output: z.looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
  run({ category, path }) {
    const doc = buildOpenApi({ category, path });
    if (Object.keys(doc.paths).length === 0) {
      return toolError(
        `No operation matches${category ? ` category ${category}` : ""}${path ? ` path ${path}` : ""}. Use search_endpoints to find the right path.`,
      );
    }
    // The whole document is large (~0.5 MB): compact JSON; filtered fragments are pretty-printed for reading.
    const text = category || path ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
    return {
      text,
      structured: doc as unknown as {
        openapi: string;
        info: { title: string; version: string };
        paths: Record<string, unknown>;
      },
    };
  },
});
