import { describe, expect, it } from "vitest";
import { inlineText, parseGuide, slugify } from "./guide-source";

const SAMPLE = `# Login and \`sessions\`

How to log in: see [the endpoint](/reference/authentication/login)
and keep the **tokens**.

## 1. Log in

Send \`[x](/not-a-link)\` and [refresh](/reference/authentication/refresh#rate-limit "title").

\`\`\`ts nocheck
// # not a heading
const a = [1](2);
\`\`\`

## Errors & rate limits

\`\`\`
plain
\`\`\`

## 1. Log in

~~~bash
echo "~~~ inside"
~~~
`;

describe("parseGuide", () => {
  const p = parseGuide(SAMPLE);

  it("reads the title and the summary paragraph", () => {
    expect(p.title).toBe("Login and sessions");
    expect(p.summary).toBe("How to log in: see [the endpoint](/reference/authentication/login) and keep the **tokens**.");
  });

  it("finds headings outside code, with GitHub-style unique anchors", () => {
    expect(p.headings.map((h) => [h.depth, h.slug, h.line])).toEqual([
      [1, "login-and-sessions", 1],
      [2, "1-log-in", 6],
      [2, "errors--rate-limits", 15],
      [2, "1-log-in-1", 21],
    ]);
  });

  it("finds fenced blocks with language, meta, code and line", () => {
    expect(p.blocks).toEqual([
      { lang: "ts", meta: "nocheck", code: "// # not a heading\nconst a = [1](2);", line: 10 },
      { lang: "", meta: "", code: "plain", line: 17 },
      { lang: "bash", meta: "", code: 'echo "~~~ inside"', line: 23 },
    ]);
  });

  it("finds links outside code spans and blocks", () => {
    expect(p.links).toEqual([
      { href: "/reference/authentication/login", line: 3 },
      { href: "/reference/authentication/refresh#rate-limit", line: 8 },
    ]);
  });

  it("has no title or summary when the file does not start with one", () => {
    expect(parseGuide("Intro\n\n# Title\n")).toMatchObject({ title: null, summary: null });
    expect(parseGuide("# Title\n\n## Section\n").summary).toBeNull();
  });
});

describe("slugify and inlineText", () => {
  it("match GitHub's heading anchors", () => {
    expect(slugify(inlineText("A React `useAuth` hook"))).toBe("a-react-useauth-hook");
    expect(slugify(inlineText("5. Where to keep the tokens"))).toBe("5-where-to-keep-the-tokens");
    expect(slugify(inlineText("The `refresh_token` and [links](/x)"))).toBe("the-refresh_token-and-links");
    expect(slugify(inlineText("`X-API-Key`"))).toBe("x-api-key");
  });
});
