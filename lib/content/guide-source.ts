/**
 * Reads the structure of a guide's Markdown source: title, summary, headings with their anchor ids,
 * fenced code blocks and links. Pure and line-based, so the page (heading ids), the guide index
 * (summaries) and the tests (links, anchors, code) all agree on one reading of the same text.
 */

export interface GuideHeading {
  depth: number;
  /** The heading as plain text (inline Markdown removed). */
  text: string;
  /** The anchor id the page gives it. */
  slug: string;
  /** 1-based line in the file. */
  line: number;
}

export interface GuideCodeBlock {
  /** The first word of the fence's info string ("" when the fence has none). */
  lang: string;
  /** The rest of the info string, e.g. "nocheck" in ```ts nocheck. */
  meta: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export interface GuideLink {
  href: string;
  line: number;
}

export interface ParsedGuide {
  /** The text of the leading `# Title`, or null when the file does not start with one. */
  title: string | null;
  /** The first paragraph after the title, as Markdown (lines joined by spaces), or null. */
  summary: string | null;
  headings: GuideHeading[];
  blocks: GuideCodeBlock[];
  links: GuideLink[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** Lines that cannot start a plain paragraph. */
const NOT_PARAGRAPH = /^ {0,3}(#|```|~~~|\||>|[-*+] |\d+[.)] |<)/;

/** Inline Markdown to plain text: code spans keep their content, links their text, emphasis loses its markers. Not trimmed. */
export function inlineText(markdown: string): string {
  const codes: string[] = [];
  const withoutCode = markdown.replace(/(`+)(.+?)\1/g, (_, _ticks: string, code: string) => {
    codes.push(code.trim());
    return `\u0000${codes.length - 1}\u0000`;
  });
  return withoutCode
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, "$1")
    .replace(/(\*\*|__|\*|~~)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|\W)_(?=\S)(.+?)(?<=\S)_(?=\W|$)/g, "$1$2")
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => codes[Number(i)] ?? "");
}

/** GitHub's anchor rule (github-slugger): lower case, punctuation dropped, each space a hyphen. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Removes code spans, whose brackets and parentheses are not Markdown syntax. */
const stripCodeSpans = (line: string) => line.replace(/(`+).+?\1/g, "");

/** Parses a guide's Markdown (CommonMark + GFM, ATX headings). */
export function parseGuide(source: string): ParsedGuide {
  const lines = source.split(/\r?\n/);
  const headings: GuideHeading[] = [];
  const blocks: GuideCodeBlock[] = [];
  const links: GuideLink[] = [];
  const seen = new Map<string, number>();

  let fence: { marker: string; lang: string; meta: string; line: number; code: string[] } | null = null;
  for (const [i, text] of lines.entries()) {
    const line = i + 1;
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence.marker[0] === "`" ? "`" : "~"}{${fence.marker.length},}\\s*$`);
      if (close.test(text)) {
        blocks.push({ lang: fence.lang, meta: fence.meta, code: fence.code.join("\n"), line: fence.line });
        fence = null;
      } else {
        fence.code.push(text);
      }
      continue;
    }
    const open = FENCE_OPEN.exec(text);
    if (open) {
      const info = (open[2] ?? "").trim();
      const [lang = "", ...meta] = info.split(/\s+/);
      fence = { marker: open[1] ?? "```", lang, meta: meta.join(" "), line, code: [] };
      continue;
    }
    const heading = HEADING.exec(text);
    if (heading) {
      const plain = inlineText(heading[2] ?? "").trim();
      const base = slugify(plain);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      headings.push({ depth: heading[1]?.length ?? 1, text: plain, slug: n === 0 ? base : `${base}-${n}`, line });
    }
    for (const m of stripCodeSpans(text).matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      if (m[1]) links.push({ href: m[1], line });
    }
  }
  // An unclosed fence runs to the end of the file, as in CommonMark.
  if (fence) blocks.push({ lang: fence.lang, meta: fence.meta, code: fence.code.join("\n"), line: fence.line });

  return { title: titleOf(lines), summary: summaryOf(lines), headings, blocks, links };
}

function titleOf(lines: string[]): string | null {
  const first = lines.find((l) => l.trim() !== "");
  const m = first === undefined ? null : /^# +(.+?)\s*$/.exec(first);
  return m?.[1] ? inlineText(m[1]).trim() : null;
}

function summaryOf(lines: string[]): string | null {
  let i = lines.findIndex((l) => l.trim() !== "");
  if (i < 0 || !/^# /.test(lines[i] ?? "")) return null;
  i += 1;
  while (i < lines.length && (lines[i] ?? "").trim() === "") i += 1;
  const paragraph: string[] = [];
  for (; i < lines.length; i += 1) {
    const l = lines[i] ?? "";
    if (l.trim() === "" || (paragraph.length === 0 && NOT_PARAGRAPH.test(l)) || /^ {0,3}(#|```|~~~)/.test(l)) break;
    paragraph.push(l.trim());
  }
  return paragraph.length ? paragraph.join(" ") : null;
}
