import { describe, expect, it } from "vitest";
import { endpoints, endpointsOf } from "@/lib/catalog";
import { buildSearchDocuments } from "./documents";
import { EmptyQueryError, loadSearchIndex, MIN_SCORE, searchEndpoints, serializeSearchIndex } from "./index";

const ORG = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const FILE = "550e8400-e29b-41d4-a716-446655440000";
const ids = (q: string, limit = 10) => searchEndpoints(q, { limit }).map((h) => h.endpoint.id);

const CANCEL_SUBSCRIPTION = [
  "billing.cancel-subscription",
  "subscriptions.cancel-subscription",
  "organizations.cancel-subscription",
  "subscriptions.cancel-organization-subscription",
];
const ENTITIES = endpointsOf("entities").map((e) => e.id);

/** What developers type → the endpoint they mean (any of a list), and the rank it must reach. */
const QUESTIONS: Array<[query: string, expected: string | string[], within: 1 | 3]> = [
  ["upload a file", "files.upload-file", 1],
  ["uploading files", "files.upload-file", 1],
  ["sign up", "authentication.register", 1],
  ["regist", "authentication.register", 1],
  ["log in", "authentication.login", 1],
  ["sign out", "authentication.logout", 1],
  ["whoami", "authentication.me", 1],
  ["who am i", "authentication.me", 1],
  ["refresh token", "authentication.refresh", 1],
  ["forgot password", "authentication.forgot-password", 1],
  ["reset my password", ["authentication.forgot-password", "authentication.reset-password"], 1],
  ["change my password", "authentication.change-password", 1],
  ["verify email without api key", "authentication.verify-email-with-token", 1],
  ["how do I verify the email address", ["authentication.verify-email", "authentication.verify-email-with-token"], 1],
  ["google login", ["authentication.google-url", "authentication.providers"], 1],
  ["authorise with google", ["authentication.google-url", "authentication.providers"], 1],
  ["list my organisations", "organizations.my-organizations", 1],
  ["invite someone to my team", "organizations.invite", 1],
  ["remove a member from my team", "organizations.remove-member", 1],
  ["organization members", "organizations.list-members", 1],
  ["accept invitation", "organizations.accept-invitation", 1],
  ["pending invitations", "organizations.pending-invitations", 1],
  ["resend invitation", "organizations.resend-invitation", 1],
  ["set default organization", "organizations.set-default", 1],
  ["organisation usage", "organizations.get-usage", 1],
  ["X-Organization-Id", ENTITIES, 1],
  ["cancel at period end", CANCEL_SUBSCRIPTION, 1],
  ["cancelled subscription", CANCEL_SUBSCRIPTION, 1],
  ["resume subscription", "subscriptions.resume-organization-subscription", 1],
  ["change plan", "billing.change-plan", 1],
  ["pay for a plan", ["subscriptions.create-checkout", "billing.create-checkout-session"], 1],
  ["invoices", ["billing.billing-history", "subscriptions.list-organization-invoices"], 1],
  ["billing history", "billing.billing-history", 1],
  ["free plans", "plans.list-free-plans", 1],
  ["usage limits exceeded 402", "usage.consume", 1],
  ["check usage before consuming", "usage.check", 1],
  ["chat with an agent", "agents.chat", 1],
  ["delete conversation", "agents.end-conversation", 1],
  ["stream completion", "ai.create-completion", 1],
  ["user stats", "users.user-stats", 1],
  ["deactivate user", "users.deactivate-user", 1],
  ["entity schema", ["entities.list-schemas", "entities.create-schema", "entities.get-schema"], 1],
  ["search records with filter", "entities.search-records", 1],
  ["department", ["departments.get", "organizations.list-departments"], 1],
  ["create folder", "files.create-folder", 1],
  ["rename folder", "files.rename-folder", 1],
  ["move file to folder", "files.move-file", 1],
  ["list files in a folder", "files.list-files", 1],
  ["download shared file", "files.download-shared-file", 1],
  ["DELETE file", "files.delete-file", 1],
  ["external agent call n8n", "external_agents.register-call", 1],
  // Typos
  ["current subscripton", "subscriptions.get-current-subscription", 1],
  ["organizaton members", "organizations.list-members", 1],
  ["logni", "authentication.login", 1],
  ["chta with agent", "agents.chat", 1],
  ["pasword reset", ["authentication.reset-password", "authentication.forgot-password"], 1],
  // Paths
  ["/v1/auth/login", "authentication.login", 1],
  ["organizations/{organization_id}/members", "organizations.list-members", 1],
  [`/v1/organizations/${ORG}/members`, "organizations.list-members", 1],
  [`DELETE /v1/user/files/${FILE}`, "files.delete-file", 1],
  ["GET /v1/user/files/folders", "files.list-folders", 1],
  [
    `https://api.example.com/v1/organizations/${ORG}/subscription?cancel_at_period_end=false`,
    "organizations.get-subscription",
    3,
  ],
];

describe("searchEndpoints: developer questions", () => {
  it.each(QUESTIONS)("%s", (query, expected, within) => {
    const wanted = Array.isArray(expected) ? expected : [expected];
    const top = ids(query, within);
    expect(
      top.some((id) => wanted.includes(id)),
      `${query} → ${top.join(", ")}`,
    ).toBe(true);
  });

  it("finds both password endpoints for 'reset my password'", () => {
    expect(ids("reset my password", 3)).toEqual(
      expect.arrayContaining(["authentication.forgot-password", "authentication.reset-password"]),
    );
  });

  it("reports which words matched", () => {
    const [hit] = searchEndpoints("uploading files");
    expect(hit?.terms).toEqual(expect.arrayContaining(["uploading", "files"]));
    expect(searchEndpoints("sign up")[0]?.terms).toContain("register");
  });
});

describe("searchEndpoints: paths", () => {
  it("ranks the matching template first, the typed method before others", () => {
    const hits = searchEndpoints(`/v1/user/files/${FILE}`);
    expect(hits.slice(0, 2).map((h) => h.endpoint.id)).toEqual(["files.get-file", "files.delete-file"]);
    expect(ids(`delete /v1/user/files/${FILE}`, 2)).toEqual(["files.delete-file", "files.get-file"]);
    expect(hits[0]!.score).toBeGreaterThan(hits[2]!.score);
  });

  it("resolves every catalog path to its own endpoint", () => {
    for (const e of endpoints) expect(ids(`${e.method} ${e.path}`, 1), e.id).toEqual([e.id]);
  });

  it("lists the endpoints under a path prefix", () => {
    const auth = endpointsOf("authentication").map((e) => e.id);
    expect(ids("/v1/auth").every((id) => auth.includes(id))).toBe(true);
  });
});

describe("searchEndpoints: options and edges", () => {
  it("honours the limit", () => {
    expect(searchEndpoints("file", { limit: 3 })).toHaveLength(3);
    expect(searchEndpoints("file").length).toBeLessThanOrEqual(10);
    expect(searchEndpoints("file", { limit: 50 }).length).toBeGreaterThan(10);
  });

  it("filters by category, paths included", () => {
    const hits = searchEndpoints("cancel subscription", { category: "billing" });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.endpoint.category === "billing")).toBe(true);
    expect(hits[0]?.endpoint.id).toBe("billing.cancel-subscription");
    expect(searchEndpoints("/v1/auth/login", { category: "files" }).every((h) => h.endpoint.category === "files")).toBe(
      true,
    );
  });

  it("answers nonsense with nothing", () => {
    for (const q of ["xyzzy plugh", "qwerty uiop", "banana", "the", "how do i"])
      expect(searchEndpoints(q), q).toEqual([]);
  });

  it("never returns a hit below the minimum score", () => {
    for (const [q] of QUESTIONS)
      for (const h of searchEndpoints(q, { limit: 100 })) expect(h.score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it("throws a typed error for an empty query", () => {
    expect(() => searchEndpoints("")).toThrow(EmptyQueryError);
    expect(() => searchEndpoints("  \n\t ")).toThrow(EmptyQueryError);
  });

  it("is deterministic, and breaks score ties by catalog order", () => {
    const order = new Map(endpoints.map((e, i) => [e.id, i]));
    for (const [q] of QUESTIONS) {
      const a = searchEndpoints(q, { limit: 100 });
      expect(searchEndpoints(q, { limit: 100 })).toEqual(a);
      for (let i = 1; i < a.length; i++) {
        const [prev, cur] = [a[i - 1]!, a[i]!];
        expect(prev.score).toBeGreaterThanOrEqual(cur.score);
        if (prev.score === cur.score) expect(order.get(prev.endpoint.id)!).toBeLessThan(order.get(cur.endpoint.id)!);
      }
    }
  });
});

describe("search index", () => {
  it("has one document per endpoint with field names, path words and specific errors", () => {
    const docs = buildSearchDocuments();
    expect(docs.map((d) => d.id)).toEqual(endpoints.map((e) => e.id));
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get("files.move-file")?.fields).toContain("folder_id");
    expect(byId.get("billing.cancel-subscription")?.fields).toContain("cancel_at_period_end");
    expect(byId.get("organizations.list-members")?.pathWords).toBe("v1 organizations organization_id members");
    expect(byId.get("usage.consume")?.errors).toContain("402");
    expect(byId.get("usage.consume")?.errors).not.toContain("API key required");
    expect(byId.get("entities.get-record")?.auth).toContain("X-Organization-Id");
  });

  it("round-trips through JSON with the same results", () => {
    const index = loadSearchIndex(serializeSearchIndex());
    for (const [q] of QUESTIONS) expect(searchEndpoints(q, { index }), q).toEqual(searchEndpoints(q));
  });
});
