import { DEFERRED_SCRIPT_TYPE, DEFERRED_SRC_ATTRIBUTE } from "./protocol";

/**
 * Turns a prerendered App Router page into a static page: Next's scripts (the framework chunks and the inline RSC
 * payload) stay in the HTML but inert, and one small enhancer script gives the page its behaviour. The enhancer
 * runs Next's scripts, which hydrate the page as before, when the visitor uses search or "Try it".
 * Scripts Next's HTML needs without React stay: the theme script, streaming's `$RC` reveal scripts.
 */

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const LINK = /<link\b([^>]*)>/g;
const SRC = /\bsrc="([^"]*)"/;

/** Whether `html` is already a static page (the build step may run twice on one build). */
export const isDeferred = (html: string) => html.includes(`type="${DEFERRED_SCRIPT_TYPE}"`);

/** A link that fetches a script ahead: pointless for scripts that may never run. */
const preloadsScript = (attributes: string) =>
  /\brel="modulepreload"/.test(attributes) || (/\brel="preload"/.test(attributes) && /\bas="script"/.test(attributes));

/** A Next script: one of its chunks (`/_next/…`), the RSC payload pushed to `self.__next_f`, Turbopack's chunk list. */
function isNextScript(attributes: string, body: string): boolean {
  if (/\btype="/.test(attributes)) return false;
  const src = SRC.exec(attributes)?.[1];
  if (src !== undefined) return src.startsWith("/_next/");
  return /^\s*\(?self\.__next_f\b/.test(body) || /^\s*\(?globalThis\["TURBOPACK"\]/.test(body);
}

/**
 * The static version of a prerendered page.
 * @param enhancerSrc the enhancer script's address, e.g. `/_next/static/portal/enhance-1a2b.js`
 * @throws when the page has no Next script or no `</head>` (not a page Next rendered: better to stop the build)
 */
export function deferNextScripts(html: string, enhancerSrc: string): string {
  if (isDeferred(html)) throw new Error("this page is already static");
  let deferred = 0;
  let out = html
    .replace(LINK, (whole, attributes: string) => (preloadsScript(attributes) ? "" : whole))
    .replace(SCRIPT, (whole, attributes: string, body: string) => {
      if (!isNextScript(attributes, body)) return whole;
      deferred++;
      const attrs = attributes.replace(SRC, (_, src: string) => `${DEFERRED_SRC_ATTRIBUTE}="${src}"`);
      return `<script type="${DEFERRED_SCRIPT_TYPE}"${attrs}>${body}</script>`;
    });
  if (deferred === 0 || !out.includes("</head>"))
    throw new Error("not a page rendered by Next: no Next script or no </head>");
  out = out.replace("</head>", `<script src="${enhancerSrc}" defer=""></script></head>`);
  return out;
}
