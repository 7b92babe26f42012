import { SDK_DOWNLOAD_PATH, SDK_FIXES, SDK_USAGE, sdkIntro, sdkMethodCount, sdkNamespaces } from "@/lib/sdk/summary";

/** The /sdk page as Markdown (/sdk.md), from the same data as app/sdk/page.tsx. */
export function sdkMarkdown(baseUrl: string): string {
  const download = `${baseUrl}${SDK_DOWNLOAD_PATH}`;
  const namespaces = sdkNamespaces();
  return [
    "# TypeScript SDK",
    "",
    sdkIntro,
    "",
    `- Download: ${download}`,
    `- Page: ${baseUrl}/sdk`,
    "",
    "## Install and use",
    "",
    "Save the file into your project (it has no dependencies), then import it:",
    "",
    "```bash",
    `curl -o src/api-client.ts ${download}`,
    "```",
    "",
    "```ts",
    SDK_USAGE.trimEnd(),
    "```",
    "",
    "## What it fixes in the original SDK template",
    "",
    ...SDK_FIXES.map((f) => `- **${f.title}.** ${f.now} *The template:* ${f.seed}`),
    "",
    `## Namespaces (${namespaces.length} namespaces, ${sdkMethodCount()} methods)`,
    "",
    "| Namespace | Category | Methods | Names |",
    "| --- | --- | --- | --- |",
    ...namespaces.map(
      (n) =>
        `| \`client.${n.property}\` | ${n.category.title} | ${n.methods.length} | ${n.methods.map((m) => `\`${m}\``).join(", ")} |`,
    ),
    "",
  ].join("\n");
}
