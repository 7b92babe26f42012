import type { NextConfig } from "next";
import {
  BASE_SECURITY_HEADERS,
  HSTS,
  pageCsp,
  REDIRECTING_FORM_PATHS,
  SANDBOXED_CSP,
} from "./lib/http/security-headers";

const dev = process.env.NODE_ENV === "development";
const list = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` (next typegen, then tsc over the whole project, route types included) is the type check;
  // `npm test` runs it before the build, so the build does not check the same types a second time.
  typescript: { ignoreBuildErrors: true },
  async rewrites() {
    return {
      beforeFiles: [
        // /sandbox/outbox is a page for browsers and JSON for clients that ask for it (the console, MCP, scripts):
        // a page and a route handler cannot share a path, so the JSON request goes to the handler beside the page.
        {
          source: "/sandbox/outbox",
          has: [{ type: "header", key: "accept", value: ".*application/json.*" }],
          destination: "/sandbox/outbox/messages",
        },
      ],
      afterFiles: [
        // The Markdown twin of every page: /reference/ai.md is served by app/md/[...path] as /md/reference/ai.
        // A route segment cannot hold a dynamic parameter and a `.md` suffix at once, hence the rewrite.
        { source: "/:path+.md", destination: "/md/:path+" },
      ],
      fallback: [],
    };
  },
  // The same headers the portal server (lib/server) sets for what it answers itself; later entries win.
  async headers() {
    return [
      { source: "/:path*", headers: list({ ...BASE_SECURITY_HEADERS, "Content-Security-Policy": pageCsp({ dev }) }) },
      ...REDIRECTING_FORM_PATHS.map((path) => ({
        source: `${path}/:path*`,
        headers: list({ "Content-Security-Policy": pageCsp({ dev, formTargets: "http: https:" }) }),
      })),
      { source: "/api/console/proxy", headers: list({ "Content-Security-Policy": SANDBOXED_CSP }) },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: list({ "Strict-Transport-Security": HSTS }),
      },
    ];
  },
};

export default nextConfig;
