import { describe, expect, it } from "vitest";
import { DEFERRED_SCRIPT_TYPE } from "./protocol";
import { deferNextScripts, isDeferred } from "./defer-next-scripts";

// The shape of a page `next build` (Turbopack) prerenders, cut down: chunk preload, Turbopack's chunk list, async
// chunks, a nomodule polyfill, our theme script, a streaming reveal script and the RSC payload.
const page = [
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>`,
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/310.js"/>`,
  `<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>`,
  `<script src="/_next/static/chunks/310.js" async=""></script>`,
  `<link rel="icon" href="/icon.svg" type="image/svg+xml"/>`,
  `<script>(()=>{document.documentElement.classList.toggle("dark",true)})()</script>`,
  `<script src="/_next/static/chunks/poly.js" noModule=""></script></head>`,
  `<body><main>Login</main><script>$RC("B:0","S:0")</script>`,
  `<script src="/_next/static/chunks/turbopack-1.js" async=""></script>`,
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"0:{}"])</script>`,
  `<script type="application/ld+json">{"@type":"WebPage"}</script></body></html>`,
].join("");

const scripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1] ?? "", body: m[2] ?? "" }));
const runnable = (html: string) => scripts(html).filter((s) => !s.attrs.includes(`type="`));

describe("deferNextScripts", () => {
  const out = deferNextScripts(page, "/_next/static/portal/enhance-1.js");

  it("keeps every Next script in the page, inert, and the chunks' addresses out of src", () => {
    const deferred = scripts(out).filter((s) => s.attrs.includes(`type="${DEFERRED_SCRIPT_TYPE}"`));
    expect(deferred.map((s) => s.attrs.match(/data-deferred-src="([^"]*)"/)?.[1] ?? s.body.slice(0, 20))).toEqual([
      '(globalThis["TURBOPA',
      "/_next/static/chunks/310.js",
      "/_next/static/chunks/poly.js",
      "/_next/static/chunks/turbopack-1.js",
      "(self.__next_f=self.",
      "self.__next_f.push([",
    ]);
    expect(out).not.toMatch(/\ssrc="\/_next\/static\/chunks/);
    expect(out).not.toContain('rel="preload" as="script"');
    expect(out).toContain('<link rel="stylesheet"');
  });

  it("runs only the enhancer, the theme script and streaming's reveal script", () => {
    expect(runnable(out).map((s) => s.attrs.match(/src="([^"]*)"/)?.[1] ?? s.body.slice(0, 12))).toEqual([
      "(()=>{docume",
      "/_next/static/portal/enhance-1.js",
      '$RC("B:0","S',
    ]);
    expect(out).toContain('<script type="application/ld+json">{"@type":"WebPage"}</script>');
  });

  it("refuses a page it already made static, and HTML Next did not render", () => {
    expect(isDeferred(out)).toBe(true);
    expect(isDeferred(page)).toBe(false);
    expect(() => deferNextScripts(out, "/e.js")).toThrow(/already static/);
    expect(() => deferNextScripts("<html><head></head><body>hi</body></html>", "/e.js")).toThrow(
      /not a page rendered by Next/,
    );
  });
});
