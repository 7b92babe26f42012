import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async rewrites() {
    return [
      // The Markdown twin of every page: /reference/ai.md is served by app/md/[...path] as /md/reference/ai.
      // A route segment cannot hold a dynamic parameter and a `.md` suffix at once, hence the rewrite.
      { source: "/:path+.md", destination: "/md/:path+" },
    ];
  },
};

export default nextConfig;
