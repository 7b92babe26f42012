import { categories, endpointsOf } from "@/lib/catalog";
import { guideGroups } from "@/lib/content/guide-pages";
import { overview } from "@/lib/site/overview";
import { guideTwinUrl } from "./guides";
import { count, linkLine } from "./paths";
import { categoryTwinUrl } from "./reference";

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** The home page as Markdown (/index.md), from the same text as app/page.tsx. */
export function overviewMarkdown(baseUrl: string): string {
  const { authContexts, apiKeys, quickStart } = overview;
  return [
    `# ${overview.title}`,
    "",
    `*${overview.eyebrow}*`,
    "",
    overview.lead,
    "",
    `## ${authContexts.title}`,
    "",
    ...authContexts.items.flatMap((c) => [`### ${c.title}`, "", c.text, ""]),
    `## ${apiKeys.title}`,
    "",
    `| ${apiKeys.columns.join(" | ")} |`,
    "| --- | --- | --- |",
    ...apiKeys.rows.map((r) => `| \`${r.key}\` | ${cell(r.where)} | ${cell(r.what)} |`),
    "",
    apiKeys.footnote,
    "",
    `## ${quickStart.title}`,
    "",
    quickStart.intro,
    "",
    ...quickStart.steps.flatMap((step) => [`### ${step.title}`, "", step.text, ""]),
    `Sandbox keys: ${baseUrl}/sandbox#keys · the console: ${baseUrl}${quickStart.consoleLink.href}`,
    "",
    "```bash",
    quickStart.code,
    "```",
    "",
    "## Guides",
    "",
    ...guideGroups().flatMap((g) => [
      `### ${g.title}`,
      "",
      ...g.guides.map((x) => linkLine(x.title, guideTwinUrl(x.id, baseUrl))),
      "",
    ]),
    `## ${overview.categoriesTitle}`,
    "",
    ...categories.map((c) =>
      linkLine(
        c.title,
        categoryTwinUrl(c, baseUrl),
        `${count(endpointsOf(c.id).length, "endpoint")}. ${c.description}`,
      ),
    ),
    "",
    "## More",
    "",
    linkLine("API reference", `${baseUrl}/reference.md`, "every endpoint, by category"),
    linkLine("Guides", `${baseUrl}/guides.md`, "task-oriented guides"),
    linkLine("TypeScript SDK", `${baseUrl}/sdk.md`, "a generated, typed client"),
    linkLine("llms.txt", `${baseUrl}/llms.txt`, "an index of this portal for language models"),
    "",
  ].join("\n");
}
