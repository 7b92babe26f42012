import { describe, expect, it } from "vitest";
import { americanize, indexTerms, normalizeWord, stem } from "./analyze";
import { analyzeQuery } from "./query";

const term = (w: string) => normalizeWord(w).term;

describe("text analysis", () => {
  it("spells British words the American way", () => {
    expect(americanize("organisation")).toBe("organization");
    expect(americanize("organisations")).toBe("organizations");
    expect(americanize("authorise")).toBe("authorize");
    expect(americanize("authorisation")).toBe("authorization");
    expect(americanize("behaviour")).toBe("behavior");
    expect(americanize("licence")).toBe("license");
    expect(americanize("catalogue")).toBe("catalog");
    expect(americanize("analyse")).toBe("analyze");
    // Not every -ise is a British -ize.
    expect(americanize("enterprise")).toBe("enterprise");
    expect(americanize("promise")).toBe("promise");
  });

  it("brings inflections to one stem", () => {
    for (const group of [
      ["upload", "uploads", "uploading", "uploaded"],
      ["file", "files"],
      ["invitation", "invitations"],
      ["invite", "invites", "invited", "inviting"],
      ["cancel", "cancels", "cancelled", "canceled", "cancelling", "cancellation"],
      ["share", "shared", "sharing", "shares"],
      ["entity", "entities"],
      ["search", "searches"],
      ["organization", "organisations", "Organizations"],
      ["verify", "verified", "verifies"],
    ]) {
      expect(new Set(group.map(term)), group.join(", ")).toHaveLength(1);
    }
  });

  it("leaves words it cannot shorten safely", () => {
    expect(stem("status")).toBe("status");
    expect(stem("access")).toBe("access");
    expect(stem("string")).toBe("string");
    expect(stem("exceed")).toBe("exceed");
    expect(stem("api")).toBe("api");
  });

  it("drops stop words except in paths and slugs", () => {
    expect(indexTerms("How do I reset my password")).toEqual(["reset", "password"]);
    expect(indexTerms("v1 auth me", { keepStopWords: true })).toEqual(["v1", "auth", "me"]);
  });

  it("keeps identifiers whole beside their parts, and pairs words within a phrase only", () => {
    const terms = indexTerms("cancel_at_period_end | refund", { bigrams: true });
    expect(terms).toContain("cancel-at-period-end");
    expect(terms).toContain(term("cancel"));
    expect(terms).toContain("~cancel~period");
    expect(terms.some((t) => t.includes("refund") && t.startsWith("~"))).toBe(false);
  });
});

describe("query analysis", () => {
  const terms = (q: string) => analyzeQuery(q).terms.map((t) => t.term);

  it("adds synonyms for phrases, stop words included", () => {
    expect(terms("sign up")).toContain("register");
    expect(terms("log in")).toContain("login");
    expect(terms("who am i")).toContain("whoami");
    expect(terms("invite someone to my team")).toContain(term("organization"));
  });

  it("finds the method and the path", () => {
    expect(analyzeQuery("DELETE file")).toMatchObject({ method: "DELETE" });
    expect(analyzeQuery("delete file").method).toBeUndefined();
    expect(analyzeQuery("delete /v1/user/files/abc")).toMatchObject({ method: "DELETE", path: "/v1/user/files/abc" });
  });

  it("uses a spelling correction without losing the typed word", () => {
    const q = analyzeQuery("organizaton", { correct: (t) => (t === "organizaton" ? "organization" : undefined) });
    expect(q.terms.map((t) => t.term)).toEqual(expect.arrayContaining(["organization", "organizaton"]));
    expect(q.groupCount).toBe(1);
  });
});
