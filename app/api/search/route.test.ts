import { describe, expect, it } from "vitest";
import { searchEndpointsTool } from "@/lib/mcp/tools/catalog-tools";
import type { SiteSearchResults } from "@/lib/search/site-results";
import { GET } from "./route";

const ask = (q: string) => GET(new Request(`http://portal.test/api/search?q=${encodeURIComponent(q)}`));

/** The MCP tool as assistants call it: arguments through its own input schema, ids from its structured answer. */
function toolTop3(query: string): string[] {
  const answer = searchEndpointsTool.run(searchEndpointsTool.input.parse({ query }));
  const { results } = answer.structured as { results: Array<{ id: string }> };
  return results.slice(0, 3).map((r) => r.id);
}

/** Plain-language questions people type into a docs search box. */
const QUESTIONS = [
  "upload a file",
  "how do I sign up a new user",
  "log in with email and password",
  "log out",
  "who am i",
  "refresh an expired access token",
  "I forgot my password",
  "change my password",
  "verify email address",
  "sign in with google",
  "list my organisations",
  "invite someone to my team",
  "remove a member from the organization",
  "accept an invitation",
  "switch the default organization",
  "cancel my subscription at period end",
  "resume a cancelled subscription",
  "upgrade to another plan",
  "pay with stripe checkout",
  "download invoices",
  "which plans are free",
  "how much usage is left",
  "usage limit exceeded",
  "chat with an AI agent",
  "stream a completion",
  "delete a conversation",
  "create a custom entity schema",
  "search records with filters",
  "create a folder",
  "share a file with a user",
  "download a file",
  "deactivate a user",
  "update my profile",
  "X-Organization-Id",
  "/v1/auth/login",
];

describe("GET /api/search (the search dialog's data)", () => {
  it.each(QUESTIONS)("ranks the first three endpoints for %j exactly as search_endpoints does", async (q) => {
    const res = await ask(q);
    expect(res.status).toBe(200);
    const body = (await res.json()) as SiteSearchResults;
    const expected = toolTop3(q);
    expect(expected.length).toBeGreaterThan(0);
    expect(body.endpoints.slice(0, 3).map((e) => e.id)).toEqual(expected);
  });

  it("puts POST /v1/user/files first for 'upload a file', linking its reference page", async () => {
    const body = (await (await ask("upload a file")).json()) as SiteSearchResults;
    expect(body.endpoints[0]).toMatchObject({
      method: "POST",
      path: "/v1/user/files",
      href: "/reference/files/upload-file",
    });
  });

  it.each([
    ["a missing q", "http://portal.test/api/search", "q is required"],
    ["an empty q", "http://portal.test/api/search?q=%20%20", "q must not be empty"],
    ["a q over 200 characters", `http://portal.test/api/search?q=${"a".repeat(201)}`, "at most 200"],
  ])("answers 422 with a detail for %s", async (_, url, detail) => {
    const res = GET(new Request(url));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toContain(detail);
  });

  it("answers nonsense with empty groups, not an error", async () => {
    const res = await ask("zzqxv qqqjj");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ query: "zzqxv qqqjj", endpoints: [], guides: [], pages: [] });
  });
});
