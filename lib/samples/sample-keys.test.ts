import { describe, expect, it } from "vitest";
import { getEndpoint } from "@/lib/catalog";
import { highlight } from "@/lib/highlight";
import { codeSamples } from "./index";
import { hasSamplePlaceholders, withSampleKeys } from "./sample-keys";

const keys = {
  baseUrl: "http://127.0.0.1:4600/sandbox",
  publicKey: "pk_live_sbx123",
  secretKey: "sk_live_sbx456",
  accessToken: "eyJ.a.b",
};

describe("withSampleKeys", () => {
  const me = getEndpoint("authentication.me");
  if (!me) throw new Error("authentication.me is missing from the catalog");

  it("puts the sandbox URL, key and token into every language's sample, plain and highlighted alike", async () => {
    for (const s of codeSamples(me)) {
      expect(hasSamplePlaceholders(s.code), s.id).toBe(true);
      const code = withSampleKeys(s.code, keys);
      expect(code, s.id).toContain("http://127.0.0.1:4600/sandbox");
      expect(code, s.id).not.toContain("https://api.example.com");
      expect(code, s.id).toContain("eyJ.a.b");
      expect(code, s.id).toContain("pk_live_sbx123");
      expect(code, s.id).not.toContain("pk_live_your_public_key");
      // The highlighted HTML, reduced to its text, reads exactly as the swapped code.
      const raw = await highlight(s.code, s.lang);
      const html = withSampleKeys(raw, keys, { html: true });
      const text = html
        .replace(/<[^>]+>/g, "")
        .replace(/&#x3C;|&#60;|&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&amp;/g, "&");
      expect(text.trim(), s.id).toBe(code.trim());
    }
  }, 60_000); // loading shiki's grammars takes seconds on a busy machine

  it("keeps placeholders it has no value for, and escapes what it puts into HTML", () => {
    expect(
      withSampleKeys("X-API-Key: pk_live_your_public_key, Bearer <access_token>", {
        ...keys,
        publicKey: "",
        accessToken: "",
      }),
    ).toBe("X-API-Key: pk_live_your_public_key, Bearer <access_token>");
    expect(withSampleKeys('"pk_live_your_public_key"', { ...keys, publicKey: "<b>" }, { html: true })).toBe(
      '"&lt;b&gt;"',
    );
  });

  it("finds the escaped token placeholder in highlighted code, even split across spans", () => {
    const split = '<span>"Bearer &#x3C;</span><span style="x">access_token</span><span>>"</span>';
    expect(withSampleKeys(split, keys, { html: true })).toBe(
      '<span>"Bearer </span><span style="x">eyJ.a.b</span><span>"</span>',
    );
    expect(withSampleKeys("Bearer &lt;access_token&gt;", keys, { html: true })).toBe("Bearer eyJ.a.b");
  });
});
