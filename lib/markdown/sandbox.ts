import { endpoints } from "@/lib/catalog";
import { docsPath } from "@/lib/catalog/serialize";
import { maxUploadBytes, tenantStorageBytes, tenantTtlHours } from "@/lib/sandbox/config";
import { sandboxCommands, sandboxDifferences } from "@/lib/sandbox-pages/examples";

/**
 * The /sandbox page as Markdown (/sandbox.md). The page shows the demo tenant's keys; the twin is prerendered,
 * so it points to GET /sandbox/demo, which answers them as JSON at request time.
 */
export function sandboxMarkdown(baseUrl: string): string {
  const base = `${baseUrl}/sandbox/v1`;
  const cmd = sandboxCommands(baseUrl);
  const bash = (code: string) => ["```bash", code, "```"];
  return [
    "# Sandbox",
    "",
    "A working copy of the API on a local database: every documented endpoint answers under the same path with the same API-key and JWT rules, " +
      'validation errors (FastAPI\'s 422 list), rate limits and `{"detail": ...}` errors. Mail goes to an outbox, Google sign-in and Stripe ' +
      "checkout go through local stand-in pages, and nothing leaves the server.",
    "",
    `- Page: ${baseUrl}/sandbox`,
    `- Base URL: ${base} (replace the API's origin; \`/v1/auth/login\` becomes \`/sandbox/v1/auth/login\`)`,
    `- Console: ${baseUrl}/console sends any endpoint's request here from the browser`,
    "",
    "## Demo tenant",
    "",
    "Shared by everyone, email verification off, seeded plans, agents and a shared file, and a ready-made user who owns an organization. " +
      "Its keys, user and organization id as JSON:",
    "",
    ...bash(cmd.demo),
    "",
    '`{"public_key", "secret_key", "email", "password", "organization_id", "organization_name"}`',
    "",
    "## Your own tenant",
    "",
    `A private tenant with its own keys, seeded like the demo tenant but without users; it lasts ${tenantTtlHours()} hours.`,
    "",
    ...bash(cmd.createTenant),
    "",
    '201 `{"tenant_id", "public_key", "secret_key", "email_verification", "expires_at"}`. The body is optional (verification off by default).',
    "",
    "## Log in and call an endpoint",
    "",
    ...bash(`${cmd.login}\n${cmd.me}`),
    "",
    "## Outbox",
    "",
    "Verification, password-reset and invitation mails, with their links and tokens:",
    "",
    ...bash(cmd.outbox),
    "",
    '`{"messages": [{"to", "kind", "subject", "body", "token", "link", "created_at"}]}`, newest first; the same as a page at ' +
      `${baseUrl}/sandbox/outbox, where you enter the secret key (a public key is refused: the outbox holds password-reset tokens). ` +
      "The mails link to this portal's pages (`/sandbox/verify-email`, `/sandbox/reset-password`, `/sandbox/accept-invitation`), which do the action.",
    "",
    "## Start over",
    "",
    ...bash(cmd.reset),
    "",
    "Deletes every user, organization, file and record of the tenant and restores its seed; the keys stay the same.",
    "",
    "## Differences from the real API",
    "",
    ...sandboxDifferences({ maxUploadBytes: maxUploadBytes(), tenantStorageBytes: tenantStorageBytes() }).map(
      (d) => `- ${d}`,
    ),
    "",
  ].join("\n");
}

/** The /console page as Markdown (/console.md): what it does, and how to open it on one endpoint. */
export function consoleMarkdown(baseUrl: string): string {
  const login = endpoints.find((e) => e.id === "authentication.login");
  return [
    "# API console",
    "",
    "An API console in the browser: pick an endpoint, fill in the request (checked against the same schemas the reference documents before it " +
      "is sent) and send it to the sandbox, or to the live API when the portal is configured with one. The same panel is under “Try it” on every " +
      "endpoint page.",
    "",
    `- Page: ${baseUrl}/console`,
    `- One endpoint: ${baseUrl}/console?endpoint=<endpoint id>${login ? ` (e.g. ${baseUrl}/console?endpoint=${login.id}; its reference: ${baseUrl}${docsPath(login)}.md)` : ""}`,
    `- Sandbox it talks to: ${baseUrl}/sandbox.md`,
    "",
    "## What it does",
    "",
    "- Credentials: public and secret key (kept for the tab, or in the browser when “Remember” is ticked), “Get sandbox keys”, " +
      "“Use the demo tenant”, the sandbox outbox; the access token from login, register or refresh with its expiry; `X-Organization-Id` " +
      "picked from the user's organizations. A secret key entered for the live API gets a warning.",
    "- Request: path and query parameters, the headers the endpoint needs, the JSON body prefilled with the documented example and validated " +
      "before sending (field errors inline; “Send anyway” shows the API's own 422); a file picker for multipart uploads.",
    "- Response: status, time, size, headers, highlighted JSON, downloads, server-sent events as they arrive, and an explanation of errors " +
      "(network or CORS failure, 401 with an expired token, 422 fields, 429 with when to retry).",
    "- History of the last 50 requests in the browser (without keys, tokens or passwords), replay, and copy as curl, fetch or SDK of exactly " +
      "what was sent.",
    "",
    "## Live API",
    "",
    "When the portal runs with `SAAS_API_URL`, a “Live API” environment appears. Requests reach it through " +
      "`/api/console/proxy?url=<absolute URL>`, which forwards only to URLs under `SAAS_API_URL` (403 otherwise), never forwards cookies " +
      "and logs no headers or bodies. Keys are kept apart per environment: sandbox keys never go to the live API.",
    "",
  ].join("\n");
}
