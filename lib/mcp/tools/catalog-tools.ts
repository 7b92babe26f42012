import { z } from "zod";
import { categories, type Endpoint, endpoints, endpointsOf, getCategory, matchPath } from "@/lib/catalog";
import { authSummary } from "@/lib/catalog/headers";
import { docsPath, endpointDetail } from "@/lib/catalog/serialize";
import { endpointMarkdown } from "@/lib/catalog/endpoint-markdown";
import { EmptyQueryError, searchEndpoints } from "@/lib/search";
import { portalUrl } from "@/lib/site/origin";
import { categoryArg, methodArg, pathArg } from "../args";
import { MAX_ANSWER_CHARS } from "../config";
import { paginate } from "../paging";
import { defineTool, toolError } from "../tool";

const EndpointSummary = z.object({
  id: z.string(),
  category: z.string(),
  method: z.string(),
  path: z.string(),
  summary: z.string(),
  auth: z.string(),
  docs_url: z.string(),
});
const summaryOf = (e: Endpoint): z.infer<typeof EndpointSummary> => ({
  id: e.id,
  category: e.category,
  method: e.method,
  path: e.path,
  summary: e.summary,
  auth: authSummary(e),
  docs_url: `${portalUrl()}${docsPath(e)}`,
});

/** The detail record is large and generated from typed data; its main keys are checked, the rest passes. */
const EndpointDetailOut = z.looseObject({ id: z.string(), method: z.string(), path: z.string(), summary: z.string() });

/** The index's auth marks, explained once at its top. */
const SHORT_AUTH_LEGEND =
  "key = X-API-Key with pk_live_* or sk_live_*; sk = secret key only; pk = public key only; no key = no API key; +JWT = also Authorization: Bearer <access_token> (+JWT? optional); +org = also X-Organization-Id";

function shortAuth(e: Endpoint): string {
  const { keys, jwt, organizationHeader } = e.auth;
  const key = keys.length === 0 ? "no key" : keys.length > 1 ? "key" : keys[0] === "secret" ? "sk" : "pk";
  return `${key}${jwt === "required" ? "+JWT" : jwt === "optional" ? "+JWT?" : ""}${organizationHeader ? "+org" : ""}`;
}

/** One short line of the index: method, path, summary, auth mark. */
const shortLine = (e: Endpoint) => `${e.method} ${e.path}: ${e.summary} [${shortAuth(e)}]`;

export const getEndUserEndpoints = defineTool({
  name: "get_end_user_endpoints",
  title: "List end-user endpoints",
  description: `List the API's end-user endpoints (the ones a frontend for end-users calls).

Without a category: every endpoint in one answer, one short line each (method, path, summary, auth).
With a category: full detail of that category's endpoints (auth, headers, parameters, body fields with constraints, responses with examples, errors, rate limits, notes), paged.
Answers stay under about ${MAX_ANSWER_CHARS.toLocaleString("en")} characters; the text says how to get the next page.

Categories: ${categories.map((c) => c.id).join(", ")}.`,
  input: z.object({
    category: categoryArg.optional(),
    page: z.number().int().min(1).max(1000).default(1).describe("Page of the answer, from 1"),
  }),
  output: z.object({
    category: z.string().nullable(),
    page: z.number().int(),
    pages: z.number().int(),
    total_endpoints: z.number().int(),
    endpoints: z.array(EndpointSummary),
  }),
  run({ category, page }) {
    const list = category ? endpointsOf(category) : endpoints;
    const title = category
      ? `# ${getCategory(category).title} endpoints (${list.length})`
      : `# End-user endpoints (${list.length})`;
    const blocks = category
      ? list.map((e) => endpointMarkdown(e, { baseUrl: portalUrl(), level: 2 }))
      : categories.map((c) =>
          [`## ${c.title} (\`${c.id}\`)`, ...endpointsOf(c.id).map((e) => `- ${shortLine(e)}`)].join("\n"),
        );
    // The index is one page whatever its size (an assistant's first look sees the whole API); a category's detail is paged.
    const pages = category ? paginate(blocks, MAX_ANSWER_CHARS - 600) : [blocks];
    if (page > pages.length) return toolError(`Page ${page} does not exist: this answer has ${pages.length} page(s).`);
    const shown = pages[page - 1] ?? [];
    const shownEndpoints = category
      ? list.filter((e) => shown.some((b) => b.startsWith(`## ${e.method} ${e.path}\n`)))
      : list;
    const intro = category
      ? getCategory(category).description
      : `Auth in brackets: ${SHORT_AUTH_LEGEND}. Call again with a category for full details, or use get_endpoint_details for one endpoint.`;
    const more =
      page < pages.length
        ? `\n\n---\nPage ${page} of ${pages.length}. Call get_end_user_endpoints again with page: ${page + 1}${category ? ` and category: "${category}"` : ""} for the rest.`
        : pages.length > 1
          ? `\n\n---\nPage ${page} of ${pages.length} (last).`
          : "";
    return {
      text: `${title}\n\n${intro}\n\n${shown.join("\n\n")}${more}`,
      structured: {
        category: category ?? null,
        page,
        pages: pages.length,
        total_endpoints: list.length,
        endpoints: shownEndpoints.map(summaryOf),
      },
    };
  },
});

export const searchEndpointsTool = defineTool({
  name: "search_endpoints",
  title: "Search endpoints",
  description:
    "Ranked search over every endpoint: paths, summaries, descriptions, notes, field names and curated keywords. Understands questions in plain words ('upload a file', 'sign up', 'cancel at period end'), typos, British spellings, partial words and paths (concrete ones too).",
  input: z.object({
    query: z
      .string()
      .max(500)
      .describe("What you are looking for, e.g. 'invite a user to an organization' or '/v1/auth/login'"),
    limit: z.number().int().min(1).max(50).default(10).describe("Most results to return (default 10)"),
    category: categoryArg.optional().describe("Only search this category"),
  }),
  output: z.object({
    query: z.string(),
    results: z.array(EndpointSummary.extend({ score: z.number() })),
  }),
  run({ query, limit, category }) {
    let hits;
    try {
      hits = searchEndpoints(query, { limit, category });
    } catch (e) {
      if (e instanceof EmptyQueryError)
        return toolError("query must not be empty: describe what you are looking for, e.g. 'reset password'.");
      throw e;
    }
    const results = hits.map((h) => ({ ...summaryOf(h.endpoint), score: Math.round(h.score * 100) / 100 }));
    if (results.length === 0) {
      return {
        text: `No endpoints match "${query}". Try other words (e.g. 'login', 'organization members', 'checkout', 'upload file') or list everything with get_end_user_endpoints.`,
        structured: { query, results },
      };
    }
    const lines = results.map(
      (r, i) => `${i + 1}. **${r.method} ${r.path}**: ${r.summary}\n   ${r.auth} · id \`${r.id}\` · ${r.docs_url}`,
    );
    return {
      text: `# Endpoints matching "${query}"\n\n${lines.join("\n")}\n\nUse get_endpoint_details with a path (and method) for everything about one of them.`,
      structured: { query, results },
    };
  },
});

export const getEndpointDetails = defineTool({
  name: "get_endpoint_details",
  title: "Endpoint details",
  description:
    "Everything about one endpoint: auth rule, headers, path and query parameters, body fields with constraints, responses with examples, errors, rate limit and notes. `path` may be a template or a concrete path with ids and query string; without `method` every method on that path is returned.",
  input: z.object({ path: pathArg, method: methodArg.optional() }),
  output: z.object({ matches: z.array(EndpointDetailOut) }),
  run({ path, method }) {
    const matches = matchPath(method, path);
    if (matches.length === 0) {
      const onPath = method ? matchPath(undefined, path) : [];
      if (onPath.length > 0) {
        return toolError(
          `${method} ${path} is not an endpoint. That path takes: ${onPath.map((m) => m.endpoint.method).join(", ")}. Call again without method, or with one of those.`,
        );
      }
      let near: Endpoint[] = [];
      try {
        near = searchEndpoints(path, { limit: 5 }).map((h) => h.endpoint);
      } catch {
        near = [];
      }
      const list = near.length
        ? `\n\nNearest endpoints:\n${near.map((e) => `- ${e.method} ${e.path}: ${e.summary}`).join("\n")}`
        : "";
      return toolError(
        `No end-user endpoint matches ${method ? `${method} ` : ""}${path}.${list}\n\nUse search_endpoints to find endpoints by what they do.`,
      );
    }
    const parts = matches.map((m) => {
      const params = Object.entries(m.params).filter(([k, v]) => v !== `{${k}}`);
      const resolved = params.length
        ? `\n_Resolved from \`${path}\` with ${params.map(([k, v]) => `${k} = ${v}`).join(", ")}._\n`
        : "";
      return endpointMarkdown(m.endpoint, { baseUrl: portalUrl() }) + resolved;
    });
    const head = matches.length > 1 ? `${matches.length} endpoints share this path:\n\n` : "";
    return {
      text: head + parts.join("\n---\n\n"),
      structured: {
        matches: matches.map((m) => ({
          ...endpointDetail(m.endpoint),
          docs_url: `${portalUrl()}${docsPath(m.endpoint)}`,
        })),
      },
    };
  },
});
