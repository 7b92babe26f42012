import { type Endpoint, getCategory } from "@/lib/catalog";
import { describeRateLimit, formatDuration } from "@/lib/catalog/errors";
import { exampleText } from "@/lib/catalog/examples";
import { type FieldRow, fieldRows, parameterRows } from "@/lib/catalog/fields";
import { authSummary, requestHeaders } from "@/lib/catalog/headers";
import { docsPath } from "@/lib/catalog/serialize";

/** The heading of the conflicts between the source documents, on the page, in its .md twin and in MCP answers. */
export const SOURCE_NOTES_TITLE = "Notes on the source documentation";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function fieldLines(rows: FieldRow[], depth = 0): string[] {
  const pad = "  ".repeat(depth);
  return rows.flatMap((f) => {
    const bits = [
      `\`${f.type}${f.nullable ? " | null" : ""}\``,
      f.required ? "required" : "optional",
      ...f.constraints,
    ];
    const line = `${pad}- \`${f.name}\` (${bits.join(", ")})${f.description ? `: ${f.description}` : ""}`;
    return [line, ...fieldLines(f.children, depth + 1)];
  });
}

const fence = (code: string, lang: string) => `\`\`\`${lang}\n${code}\n\`\`\``;

export interface MarkdownOptions {
  /** Origin that reference links are made absolute with, e.g. https://portal.example.com */
  baseUrl?: string;
  /** Heading level of the title (1 for a page, 2 inside a list). */
  level?: 1 | 2;
}

/** An endpoint as Markdown: every fact of its catalog entry, for assistants and the page's .md twin. */
export function endpointMarkdown(e: Endpoint, { baseUrl = "", level = 1 }: MarkdownOptions = {}): string {
  const h = (n: number) => "#".repeat(Math.min(6, level + n));
  const out: string[] = [];
  out.push(`${h(0)} ${e.method} ${e.path}`, "", `**${e.summary}.** ${e.description}`, "");
  out.push(`- Category: ${getCategory(e.category).title} (\`${e.category}\`), id \`${e.id}\``);
  out.push(
    `- Auth: ${authSummary(e)}${e.auth.roles ? `; roles ${e.auth.roles.join("/")}` : ""}${e.auth.permission ? `; permission ${e.auth.permission}` : ""}`,
  );
  if (e.auth.condition) out.push(`- Condition: ${e.auth.condition}`);
  if (e.rateLimit) {
    out.push(
      `- Rate limit: ${describeRateLimit(e.rateLimit)} (429 with Retry-After${e.rateLimit.blockSeconds ? `; blocked ${formatDuration(e.rateLimit.blockSeconds)}` : ""})`,
    );
  }
  out.push(`- Reference: ${baseUrl}${docsPath(e)}`, "");

  const headers = requestHeaders(e);
  out.push(`${h(1)} Headers`, "");
  if (headers.length === 0) out.push("None.", "");
  else {
    out.push("| Header | Required | Value | Notes |", "| --- | --- | --- | --- |");
    for (const x of headers)
      out.push(`| ${x.name} | ${x.required ? "yes" : "no"} | \`${cell(x.value)}\` | ${cell(x.description)} |`);
    out.push("");
  }
  if (e.pathParams) out.push(`${h(1)} Path parameters`, "", ...fieldLines(parameterRows(e.pathParams)), "");
  if (e.query) out.push(`${h(1)} Query parameters`, "", ...fieldLines(parameterRows(e.query)), "");
  if (e.body) {
    out.push(`${h(1)} Request body (${e.body.contentType})`, "", ...fieldLines(fieldRows(e.body.schema, "input")), "");
    for (const x of e.body.examples)
      out.push(`Example${x.summary ? ` (${x.summary})` : ""}:`, "", fence(exampleText(x.value), "json"), "");
  }
  out.push(`${h(1)} Responses`, "");
  for (const r of e.responses) {
    const ct = r.contentType ?? (r.schema ? "application/json" : undefined);
    out.push(`${h(2)} ${r.status}: ${r.description}`, "");
    if (ct) out.push(`Content-Type: \`${ct}\``, "");
    if (r.headers) for (const [k, v] of Object.entries(r.headers)) out.push(`- Header \`${k}\`: ${v}`);
    if (r.headers) out.push("");
    if (r.schema && ct === "application/json") out.push(...fieldLines(fieldRows(r.schema, "output")), "");
    for (const x of r.examples)
      out.push(
        `Example${x.summary ? ` (${x.summary})` : ""}:`,
        "",
        fence(exampleText(x.value), ct === "application/json" ? "json" : "text"),
        "",
      );
  }
  out.push(
    `${h(1)} Errors`,
    "",
    'Every error answers `{"detail": ...}`; 422 lists each invalid field.',
    "",
    "| Status | detail | When |",
    "| --- | --- | --- |",
  );
  for (const x of e.errors)
    out.push(
      `| ${x.status} | ${cell(x.detail)} | ${cell(x.when)}${x.source === "documented" ? " (documented)" : ""} |`,
    );
  out.push("");
  if (e.notes.length) out.push(`${h(1)} Notes`, "", ...e.notes.map((n) => `- ${n}`), "");
  // Last, as on the page: it concerns the documents the reference was built from, not calling the API.
  if (e.conflicts.length) {
    out.push(
      `${h(1)} ${SOURCE_NOTES_TITLE}`,
      "",
      "The source documents contradict each other here; this reference follows the endpoint's own rule.",
      "",
    );
    out.push(...e.conflicts.map((c) => `- **${c.topic}.** ${c.text}`), "");
  }
  return out.join("\n").trimEnd() + "\n";
}

/** One compact line: `POST /v1/auth/login: Login with email and password [pk_live_* or sk_live_*]`. */
export function endpointLine(e: Endpoint): string {
  return `${e.method} ${e.path}: ${e.summary} [${authSummary(e)}]`;
}
