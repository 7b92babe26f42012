import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async rewrites() {
    return {
      beforeFiles: [
        // /sandbox/outbox is a page for browsers and JSON for clients that ask for it (the console, MCP, scripts):
        // a page and a route handler cannot share a path, so the JSON request goes to the handler beside the page.
        { source: "/sandbox/outbox", has: [{ type: "header", key: "accept", value: ".*application/json.*" }], destination: "/sandbox/outbox/messages" },
      ],
      afterFiles: [
        // The Markdown twin of every page: /reference/ai.md is served by app/md/[...path] as /md/reference/ai.
        // A route segment cannot hold a dynamic parameter and a `.md` suffix at once, hence the rewrite.
        { source: "/:path+.md", destination: "/md/:path+" },
      ],
      fallback: [],
    };
  },
};

export default nextConfig;
