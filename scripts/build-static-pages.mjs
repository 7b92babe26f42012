#!/usr/bin/env node
/**
 * After `next build`: serves the endpoint pages as static pages with a small enhancer script instead of Next's
 * client runtime (issue 12, item 8: an endpoint page's first load within 100 KB of gzipped JavaScript).
 * Bundles components/static-page/enhance.ts to .next/static/portal/enhance-<hash>.js and rewrites each prerendered
 * endpoint page (.next/server/app/reference/<category>/<endpoint>.html) with lib/static-pages/defer-next-scripts.ts.
 * The .rsc payloads stay: a client-side navigation from another page still renders the endpoint page in React.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const next = join(root, ".next");
const ENDPOINT_ROUTE = "/reference/[category]/[endpoint]";

async function bundle(entry, options) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    absWorkingDir: root,
    tsconfig: join(root, "tsconfig.json"),
    logLevel: "error",
    ...options,
  });
  return result.outputFiles[0].contents;
}

const enhancer = await bundle("components/static-page/enhance.ts", {
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
});
const hash = createHash("sha256").update(enhancer).digest("hex").slice(0, 16);
const enhancerSrc = `/_next/static/portal/enhance-${hash}.js`;
mkdirSync(join(next, "static", "portal"), { recursive: true });
writeFileSync(join(next, "static", "portal", `enhance-${hash}.js`), enhancer);

const transform = await bundle("lib/static-pages/defer-next-scripts.ts", { format: "esm", platform: "node" });
const { deferNextScripts, isDeferred } = await import(
  `data:text/javascript;base64,${Buffer.from(transform).toString("base64")}`
);

const manifest = JSON.parse(readFileSync(join(next, "prerender-manifest.json"), "utf8"));
const pages = Object.entries(manifest.routes)
  .filter(([, r]) => r.srcRoute === ENDPOINT_ROUTE)
  .map(([route]) => join(next, "server", "app", `${route}.html`));
if (pages.length === 0) throw new Error(`no prerendered page of ${ENDPOINT_ROUTE} in .next/prerender-manifest.json`);
let rewritten = 0;
for (const file of pages) {
  if (!existsSync(file)) throw new Error(`${file} is missing`);
  const html = readFileSync(file, "utf8");
  if (isDeferred(html)) continue;
  writeFileSync(file, deferNextScripts(html, enhancerSrc));
  rewritten++;
}
console.log(
  `static pages: ${rewritten} of ${pages.length} endpoint pages served with ${enhancerSrc} (${(gzipSync(enhancer, { level: 9 }).length / 1024).toFixed(1)} KB gzipped)`,
);
