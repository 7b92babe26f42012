/**
 * Copy-paste client configurations for the portal's MCP server at `base` (lib/site/origin.ts publicOrigin); the
 * /mcp page and its .md twin read these.
 */
export function mcpSetups(base: string) {
  const url = `${base}/api/mcp`;
  const stdioPath = "/path/to/saas-api-portal/bin/mcp-stdio.mjs";
  return {
    url,
    clients: [
      {
        id: "claude-code",
        title: "Claude Code",
        note: "Adds the server over Streamable HTTP for the current project (use --scope user for every project).",
        lang: "bash" as const,
        code: `claude mcp add --transport http saas-api ${url}`,
      },
      {
        id: "cursor",
        title: "Cursor",
        note: "In .cursor/mcp.json of your project, or ~/.cursor/mcp.json for every project.",
        lang: "json" as const,
        code: JSON.stringify({ mcpServers: { "saas-api": { url } } }, null, 2),
      },
      {
        id: "vscode",
        title: "VS Code",
        note: "In .vscode/mcp.json of your workspace (GitHub Copilot agent mode), or run “MCP: Add Server…”.",
        lang: "json" as const,
        code: JSON.stringify({ servers: { "saas-api": { type: "http", url } } }, null, 2),
      },
      {
        id: "stdio",
        title: "stdio (any client, configured the seed's way)",
        note: "From a checkout of this portal (after npm ci && npm run build): the same tools over stdio, no server needed.",
        lang: "json" as const,
        code: JSON.stringify({ mcpServers: { "saas-api": { command: "node", args: [stdioPath] } } }, null, 2),
      },
      {
        id: "claude-code-stdio",
        title: "Claude Code over stdio",
        note: "The stdio entry registered with Claude Code.",
        lang: "bash" as const,
        code: `claude mcp add saas-api -- node ${stdioPath}`,
      },
      {
        id: "self-hosted-http",
        title: "Self-hosted over HTTP, without the portal",
        note: "From a checkout of this portal (after npm ci && npm run build): the same endpoint and checks on plain node:http, at http://127.0.0.1:3001/api/mcp by default (MCP_HTTP_HOST, MCP_HTTP_PORT; links in answers point to PORTAL_URL). Then add that URL to your client as above.",
        lang: "bash" as const,
        code: `PORTAL_URL=${base} npm run mcp:http`,
      },
    ],
  };
}
