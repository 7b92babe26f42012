/**
 * What developers type → the words the catalog uses. Matched on normalised, stemmed words
 * (stop words included, so "log in" and "who am i" work); the added words join the query with
 * the rule's weight. Endpoint-specific phrasing belongs in the catalog's `keywords`, not here:
 * this table only bridges general vocabulary.
 */
export interface SynonymRule {
  /** Any of these phrases triggers the rule. */
  when: readonly string[];
  /** Words added to the query (a phrase also adds its bigrams). */
  add: string;
  /** Weight of the added terms relative to the user's own words (1). Default 0.8. */
  weight?: number;
}

export const SYNONYMS: readonly SynonymRule[] = [
  // Sessions
  {
    when: ["sign up", "signup", "create account", "create an account", "new account", "sign me up"],
    add: "register signup",
  },
  { when: ["sign in", "signin", "log in", "logon", "log on"], add: "login" },
  { when: ["sign out", "signout", "log out", "log off"], add: "logout" },
  {
    when: ["whoami", "who am i", "current user", "logged in user", "my profile", "my account"],
    add: "me current user whoami",
  },
  { when: ["renew", "expired token", "token expired"], add: "refresh token" },
  { when: ["forgot", "lost password", "recover"], add: "forgot password reset" },
  { when: ["sso", "social", "oauth"], add: "oauth google" },
  { when: ["without"], add: "no" },

  // Organizations
  { when: ["team", "workspace", "company", "org", "tenant account"], add: "organization" },
  { when: ["teammate", "colleague", "coworker", "co-worker", "staff"], add: "member", weight: 0.5 },
  { when: ["join"], add: "accept invitation", weight: 0.6 },
  { when: ["invite", "invites"], add: "invitation", weight: 0.6 },
  { when: ["invitation"], add: "invite", weight: 0.6 },
  { when: ["primary", "preferred", "main"], add: "default", weight: 0.6 },

  // Billing
  { when: ["pay", "payment", "purchase", "buy", "stripe"], add: "checkout", weight: 0.7 },
  { when: ["cancel"], add: "subscription", weight: 0.4 },
  { when: ["unsubscribe", "stop billing"], add: "cancel subscription" },
  { when: ["uncancel", "undo cancel", "reactivate subscription", "restore subscription"], add: "resume subscription" },
  { when: ["invoice", "receipt"], add: "invoice billing history", weight: 0.6 },
  { when: ["billing history", "payment history"], add: "invoice" },
  { when: ["upgrade", "downgrade", "switch plan"], add: "change plan", weight: 0.7 },
  { when: ["pricing", "price", "tier", "package"], add: "plan", weight: 0.7 },
  { when: ["quota", "cap", "allowance"], add: "usage limit", weight: 0.7 },
  { when: ["exceed", "over limit", "run out"], add: "limit exceed 402", weight: 0.6 },
  { when: ["spend", "deduct", "meter", "track usage"], add: "consume", weight: 0.7 },
  { when: ["stat", "metric", "count"], add: "statistic", weight: 0.8 },
  { when: ["statistic"], add: "stat", weight: 0.8 },

  // Generic verbs
  { when: ["remove", "erase", "destroy", "drop", "trash", "discard"], add: "delete", weight: 0.7 },
  { when: ["delete"], add: "remove", weight: 0.5 },
  { when: ["edit", "modify", "rename", "change"], add: "update", weight: 0.5 },
  { when: ["add", "make", "new"], add: "create", weight: 0.6 },
  { when: ["fetch", "read", "show", "view", "retrieve", "see", "lookup", "look up"], add: "get", weight: 0.5 },
  { when: ["find", "query", "lookup"], add: "search", weight: 0.6 },
  { when: ["disable", "suspend", "block", "deactivation"], add: "deactivate", weight: 0.8 },
  { when: ["enable", "reactivate", "unsuspend"], add: "activate", weight: 0.8 },
  { when: ["store", "save"], add: "upload", weight: 0.4 },

  // Drive, agents, AI, entities
  { when: ["directory", "dir", "mkdir"], add: "folder" },
  { when: ["document", "doc", "attachment", "blob"], add: "file", weight: 0.6 },
  { when: ["public", "common"], add: "shared", weight: 0.6 },
  { when: ["bot", "chatbot", "assistant"], add: "agent", weight: 0.8 },
  { when: ["thread", "chat session"], add: "conversation", weight: 0.8 },
  { when: ["llm", "gpt", "openai", "claude", "generate text"], add: "completion ai", weight: 0.7 },
  { when: ["stream", "sse", "server sent events"], add: "stream sse", weight: 0.6 },
  { when: ["n8n", "zapier", "workflow", "third party agent"], add: "external agent", weight: 0.7 },
  { when: ["custom data", "data type", "collection", "table", "model"], add: "entity schema", weight: 0.6 },
  { when: ["row", "item", "document"], add: "record", weight: 0.5 },
  { when: ["division", "unit"], add: "department", weight: 0.7 },
];
