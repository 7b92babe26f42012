import type { Category, CategoryId } from "./types";

/** The 13 end-user categories, in the seed's order. Descriptions restate the seed's facts. */
export const categories: readonly Category[] = [
  {
    id: "authentication",
    slug: "authentication",
    title: "Authentication",
    description:
      "Register, log in, refresh and revoke sessions, reset and change passwords, verify email, and sign in with Google. Protected by per-IP rate limits.",
    notes: [],
  },
  {
    id: "organizations",
    slug: "organizations",
    title: "Organizations",
    description:
      "Create organizations, manage members and roles, send and answer invitations, and read an organization's subscription and usage.",
    notes: [],
  },
  {
    id: "subscriptions",
    slug: "subscriptions",
    title: "Subscriptions",
    description: "Plans, Stripe checkout, subscriptions and per-user plan usage.",
    notes: [],
  },
  {
    id: "billing",
    slug: "billing",
    title: "Billing",
    description:
      "Server-side billing operations: checkout sessions, plan changes, cancellation and invoice history. Every billing endpoint requires the secret key (sk_live_*).",
    notes: [],
  },
  {
    id: "usage",
    slug: "usage",
    title: "Usage",
    description:
      "Usage counters and limits: current period, history, entity usage, and check-then-consume. Paths live under /v1/api/usage/* (current, history) and /v1/usage/* (stats, check, consume).",
    notes: [],
  },
  {
    id: "agents",
    slug: "agents",
    title: "AI agents",
    description: "Chat with the AI agents the tenant has published, and keep conversations across requests.",
    notes: [
      "All agent endpoints require end-user authentication (API key and JWT).",
      "Usage is tracked for billing against the subscription plan.",
      "Agents with tools may take longer to respond while tools run.",
      "RAG-enabled agents include context from knowledge bases in their answers.",
      "To keep chat history across requests, create a conversation and pass its id to the chat endpoint.",
    ],
  },
  {
    id: "users",
    slug: "users",
    title: "Users",
    description:
      "User records: create, list, read, update, settings, activation. Dual auth: the secret key for administration, a public key with the user's JWT for self-service.",
    notes: [],
  },
  {
    id: "plans",
    slug: "plans",
    title: "Plans",
    description:
      "Browse the subscription plans on offer: all, active, free, or one by id. Every plan endpoint requires a JWT.",
    notes: [],
  },
  {
    id: "ai",
    slug: "ai",
    title: "AI completions",
    description: "LLM completions, with server-sent-event streaming.",
    notes: [],
  },
  {
    id: "entities",
    slug: "entities",
    title: "Custom entities",
    description:
      "Define entity schemas (custom data types) per organization and store, read, update and search records validated against them. Every call needs the API key, the user's JWT and X-Organization-Id.",
    notes: [],
  },
  {
    id: "departments",
    slug: "departments",
    title: "Departments",
    description: "Departments within organizations.",
    notes: [],
  },
  {
    id: "files",
    slug: "files",
    title: "Files (Drive)",
    description:
      "Each end-user's private Drive: upload, folders, move, download. Files the tenant marked as shared (is_shared) are readable by every end-user, read-only; files are private by default.",
    notes: [],
  },
  {
    id: "external_agents",
    slug: "external-agents",
    title: "External agents",
    description:
      "Report calls made by external agents (for example N8N workflows) back to the platform for analytics and cost tracking.",
    notes: [],
  },
];

const byId = new Map(categories.map((c) => [c.id, c]));
const bySlug = new Map(categories.map((c) => [c.slug, c]));

export function getCategory(id: CategoryId): Category {
  const c = byId.get(id);
  if (!c) throw new Error(`Unknown category ${id}`);
  return c;
}

export function findCategory(idOrSlug: string): Category | undefined {
  return byId.get(idOrSlug as CategoryId) ?? bySlug.get(idOrSlug);
}
