import { endpoints } from "@/lib/catalog";
import { site } from "./config";

/**
 * The home page's text, one place for the page (app/page.tsx) and its Markdown twin (/index.md).
 * Inline code is marked with backticks, as in Markdown; the page renders it as <code>.
 */
export const overview = {
  eyebrow: `${site.apiName} · v${site.apiVersion}`,
  title: "Build your SaaS frontend on one API",
  lead:
    "A Backend-as-a-Service for multi-tenant apps: your end-users register and log in, join organizations, subscribe to plans " +
    "through Stripe, chat with AI agents, store custom entities and keep files in a Drive. " +
    `This portal documents all ${endpoints.length} end-user endpoints.`,
  authContexts: {
    title: "Two authentication contexts",
    items: [
      {
        title: "End-user context: this portal",
        text:
          "For the people who use the app you build. Every request sends the tenant's API key in `X-API-Key`; after login, " +
          "the user's access token goes in `Authorization: Bearer <token>`. Organization-scoped endpoints also take `X-Organization-Id`.",
      },
      {
        title: "Tenant context: the dashboard",
        text:
          "For you, the tenant: API keys, team, analytics and settings, signed in through `/v1/tenant-auth/login`. " +
          "Those `/v1/tenant-auth/*` and `/v1/dashboard/*` endpoints are not for end-user apps and are not listed here.",
      },
    ],
  },
  apiKeys: {
    title: "API keys",
    columns: ["Key", "Where", "What it may do"] as const,
    rows: [
      {
        key: "pk_live_…",
        where: "Browser and mobile code",
        what:
          "Public: safe to ship. Requests must come from an origin the tenant allowed for the key, so a copied key is useless elsewhere. " +
          "Accepted by the auth endpoints and, per each endpoint's rule, most end-user endpoints together with the user's JWT.",
      },
      {
        key: "sk_live_…",
        where: "Your servers only",
        what: "Secret: full access for the tenant, required by billing, user administration and entity schemas. Never put it in a browser.",
      },
    ],
    footnote:
      "Each endpoint page shows exactly which keys it accepts, whether it needs a JWT, and its rate limit. " +
      "Where the original documentation contradicts itself, the page says so.",
  },
  quickStart: {
    title: "Quick start",
    intro:
      "Start in this portal's sandbox: it answers every endpoint with the same paths, keys, validation and errors, with no account and no setup. " +
      "Get keys, make your first call, then switch to the live API.",
    steps: [
      {
        title: "1. Get sandbox keys",
        text:
          "One click creates a private sandbox tenant for 24 hours. Its keys stay in this browser: the console, every “Try it” and the code samples " +
          "on these pages use them.",
      },
      {
        title: "2. Make your first call",
        text:
          "In the console, register a user (the example body is ready to send), open the verification mail from the console's outbox, " +
          "verify, log in and call `GET /v1/auth/me`: each step is a click. Or from a terminal, with your sandbox keys filled in below:",
      },
      {
        title: "3. Switch to the live API",
        text:
          "Replace the sandbox's base URL with `https://api.example.com` and the sandbox keys with your tenant's keys from the dashboard: " +
          "`pk_live_…` in browser and mobile code, `sk_live_…` on your servers only. Paths, headers and answers stay the same. " +
          "Each code sample has a switch between your sandbox keys and these placeholders.",
      },
    ],
    consoleLink: { href: "/console?endpoint=authentication.register", label: "Next: register a user in the console" },
    code: `# 1. Register an end-user (public key, as your frontend sends it)
curl -X POST https://api.example.com/v1/auth/register \\
  -H "X-API-Key: pk_live_your_public_key" \\
  -H "Content-Type: application/json" \\
  -d '{"email":"user@example.com","password":"SecurePass123"}'

# 2. Log in (after verifying the email, if the tenant requires it) and keep the access token
curl -X POST https://api.example.com/v1/auth/login \\
  -H "X-API-Key: pk_live_your_public_key" \\
  -H "Content-Type: application/json" \\
  -d '{"email":"user@example.com","password":"SecurePass123"}'

# 3. Call an authenticated endpoint
curl https://api.example.com/v1/auth/me \\
  -H "X-API-Key: pk_live_your_public_key" \\
  -H "Authorization: Bearer <access_token>"`,
  },
  categoriesTitle: "Categories",
} as const;

/** Splits text on backtick-marked inline code: odd indexes are code. */
export function splitInlineCode(text: string): string[] {
  return text.split("`");
}
