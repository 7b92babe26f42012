/** The site's own pages, as search offers them. Keywords are what people type for them, not their contents. */
export interface SitePage {
  title: string;
  href: string;
  description: string;
  keywords: string;
}

export const SITE_PAGES: readonly SitePage[] = [
  {
    title: "Reference",
    href: "/reference",
    description: "Every end-user endpoint, by category",
    keywords: "api reference endpoints categories docs documentation",
  },
  {
    title: "Guides",
    href: "/guides",
    description: "Quick start and how-to guides",
    keywords: "guides tutorials how-to quick start getting started",
  },
  {
    title: "Console",
    href: "/console",
    description: "Send requests to the sandbox or the live API from the browser",
    keywords: "console playground try it request send api explorer",
  },
  {
    title: "Sandbox",
    href: "/sandbox",
    description: "A stateful sandbox of the API with demo keys and an outbox",
    keywords: "sandbox test tenant demo keys outbox mails testing",
  },
  {
    title: "MCP",
    href: "/mcp",
    description: "Connect Claude Code, Cursor or VS Code to the MCP server",
    keywords: "mcp model context protocol assistant claude cursor vscode copilot ai tools llm",
  },
  {
    title: "SDK",
    href: "/sdk",
    description: "The generated TypeScript client",
    keywords: "sdk typescript client library generated javascript",
  },
  {
    title: "OpenAPI",
    href: "/openapi.json",
    description: "The OpenAPI 3.1 document (JSON)",
    keywords: "openapi swagger spec specification json schema",
  },
  {
    title: "llms.txt",
    href: "/llms.txt",
    description: "Every page as Markdown, listed for language models",
    keywords: "llms txt markdown llm ai",
  },
];
