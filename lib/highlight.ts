import "server-only";
import { createHighlighter, type BundledLanguage, type Highlighter } from "shiki";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

/** "text" is shiki's plain-text language: no grammar, just escaped lines (the fallback for unknown fences). */
export const HIGHLIGHT_LANGS = [
  "json",
  "bash",
  "typescript",
  "javascript",
  "python",
  "go",
  "http",
  "tsx",
  "markdown",
  "dotenv",
  "text",
  "php",
  "ruby",
] as const;
export type HighlightLang = (typeof HIGHLIGHT_LANGS)[number];

/**
 * The GitHub themes' colours that fall below WCAG AA (4.5:1) on our code background (zinc-50 light, zinc-900 dark),
 * each replaced by a darker (light theme) or lighter (dark theme) shade of the same hue: keywords 4.4:1 → 5.2:1,
 * orange 3.3:1 → 4.9:1, green 4.4:1 → 4.9:1, dark comments 3.7:1 → 6.4:1.
 */
const CONTRAST_FIXES: Record<string, Record<string, string>> = {
  "github-light": { "#d73a49": "#cb2431", "#e36209": "#b35000", "#22863a": "#1a7f37" },
  "github-dark": { "#6a737d": "#959da5" },
};

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
    colorReplacements: CONTRAST_FIXES,
  });
}
