import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The guides, one MDX file each in content/guides/<id>.mdx, written as plain Markdown (no JSX), so the
 * same text is the page, its .md twin, and what the MCP guide tools return.
 */
export const GUIDES = [
  { id: "overview", title: "API overview", group: "Start here" },
  { id: "quick-start", title: "Quick start", group: "Start here" },
  { id: "api-keys-and-headers", title: "API keys and headers", group: "Start here" },
  { id: "authentication-flow", title: "Authentication flow", group: "Authentication" },
  { id: "registration", title: "Registration and email verification", group: "Authentication" },
  { id: "login-and-sessions", title: "Login and sessions", group: "Authentication" },
  { id: "password-reset-and-change", title: "Password reset and change", group: "Authentication" },
  { id: "email-verification", title: "Email verification", group: "Authentication" },
  { id: "google-oauth", title: "Google OAuth", group: "Authentication" },
  { id: "organizations-and-invitations", title: "Organizations and invitations", group: "Features" },
  { id: "billing-and-subscriptions", title: "Billing and subscriptions", group: "Features" },
  { id: "usage-and-limits", title: "Usage and limits", group: "Features" },
  { id: "ai-agents-and-conversations", title: "AI agents and conversations", group: "Features" },
  { id: "custom-entities", title: "Custom entities and search operators", group: "Features" },
  { id: "file-drive", title: "The file drive", group: "Features" },
  { id: "errors-and-rate-limits", title: "Errors and rate limits", group: "Reference" },
  { id: "common-patterns", title: "Common patterns", group: "Reference" },
] as const;
export type GuideId = (typeof GUIDES)[number]["id"];

/** Where content/ lives: the app's working directory, or PORTAL_ROOT for the stdio entry started elsewhere. */
const root = () => process.env.PORTAL_ROOT ?? process.cwd();

const cache = new Map<GuideId, string>();

export function guideMarkdown(id: GuideId): string {
  let text = cache.get(id);
  if (text === undefined) {
    text = readFileSync(join(root(), "content", "guides", `${id}.mdx`), "utf8");
    cache.set(id, text);
  }
  return text;
}
