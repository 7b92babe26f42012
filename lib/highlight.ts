import "server-only";
import { createHighlighter, type BundledLanguage, type Highlighter } from "shiki";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

/** "text" is shiki's plain-text language: no grammar, just escaped lines (the fallback for unknown fences). */
export const HIGHLIGHT_LANGS = ["json", "bash", "typescript", "javascript", "python", "go", "http", "tsx", "markdown", "dotenv", "text", "php", "ruby"] as const;
export type HighlightLang = (typeof HIGHLIGHT_LANGS)[number];

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: ["github-light", "github-dark"],
    langs: [...HIGHLIGHT_LANGS] as BundledLanguage[],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/**
 * Highlights on the server, at build time for static pages: both themes are emitted as CSS
 * variables (--shiki-light / --shiki-dark) so the page switches theme without a highlighter in the browser.
 */
export async function highlight(code: string, lang: HighlightLang): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code, {
    lang,
    themes: { light: "github-light", dark: "github-dark" },
    defaultColor: false,
  });
}
