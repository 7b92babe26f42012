#!/usr/bin/env node
/**
 * What a first visit downloads: gzipped JavaScript of the first load, and prefetch requests made after it, for `/`,
 * an endpoint page, a guide and /console, in Chromium against the built portal (`npm start`). Prints figures only.
 *
 * JavaScript is every script the page fetched until the network was quiet, gzipped here (level 9, as `next build`
 * reports sizes) whatever the server sent. Prefetches are RSC requests (`?_rsc=` or Next's prefetch headers) made
 * after the load event without any navigation.
 *
 * Env: BENCH_WEIGHT_ORIGIN=http://host:port measures a server already running instead of starting one;
 *      BENCH_PORTAL_PORT (default a free port); CHROMIUM_PATH (default /usr/bin/chromium);
 *      BENCH_WEIGHT_IDLE_MS (quiet time that ends a page's measurement, default 2500).
 * Assumes `npm run build` ran; builds first when .next/BUILD_ID is missing.
 */
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/setup/chromium.mjs";
import { Abort, ensureBuild, fmtInt, sleep, startPortal, stopChildren, table } from "./lib.mjs";

const PAGES = ["/", "/reference/authentication/login", "/guides/quick-start", "/console"];
const IDLE_MS = Number(process.env.BENCH_WEIGHT_IDLE_MS) || 2500;

const isPrefetch = (req) => {
  const h = req.headers();
  return (
    "next-router-prefetch" in h || "next-router-segment-prefetch" in h || new URL(req.url()).searchParams.has("_rsc")
  );
};

/** Loads `url` in a fresh context (empty cache) and waits until no request has started for IDLE_MS. */
async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scripts = [];
  const prefetches = [];
  let loaded = false;
  let lastRequest = Date.now();
  page.on("request", (req) => {
    lastRequest = Date.now();
    if (loaded && isPrefetch(req)) prefetches.push(req.url());
  });
  page.on("response", (res) => {
    if (res.request().resourceType() === "script")
      scripts.push(
        res.body().then(
          (b) => gzipSync(b, { level: 9 }).length,
          () => 0,
        ),
      );
  });
  await page.goto(url, { waitUntil: "load" });
  loaded = true;
  while (Date.now() - lastRequest < IDLE_MS) await sleep(200);
  const sizes = await Promise.all(scripts);
  await context.close();
  return { scripts: sizes.length, gzip: sizes.reduce((a, b) => a + b, 0), prefetches: prefetches.length };
}

/** What opening search costs on first use: the dialog's scripts and one answer of /api/search, gzipped. */
async function measureSearch(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/reference/authentication/login`, { waitUntil: "networkidle" });
  const sizes = [];
  let answer = 0;
  page.on("response", (res) => {
    const gz = res.body().then(
      (b) => gzipSync(b, { level: 9 }).length,
      () => 0,
    );
    if (res.request().resourceType() === "script") sizes.push(gz);
    else if (res.url().includes("/api/search?")) void gz.then((n) => (answer = n));
  });
  await page.keyboard.press("Control+K");
  await page.getByRole("combobox").fill("upload a file");
  await page.getByRole("option").first().waitFor();
  await sleep(300);
  const js = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { scripts: sizes.length, js, answer };
}

async function main() {
  let origin = process.env.BENCH_WEIGHT_ORIGIN;
  if (!origin) {
    ensureBuild();
    origin = (await startPortal()).origin;
  }
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    // One throwaway visit, so that the server's first-request compilation and caches do not count.
    await measure(browser, `${origin}/`);
    const rows = [];
    for (const path of PAGES) {
      const m = await measure(browser, origin + path);
      rows.push([path, fmtInt(m.scripts), `${(m.gzip / 1024).toFixed(1)} KB`, fmtInt(m.prefetches)]);
    }
    console.log(`\nFirst load in Chromium at 1280 px (${origin}); JavaScript gzipped (level 9)\n`);
    console.log(table(["page", "scripts", "JS gzipped", "prefetches after load"], rows, [1, 2, 3]));
    const s = await measureSearch(browser, origin);
    console.log(
      `\nSearch on first use (⌘K on an endpoint page, then "upload a file"): ${s.scripts} script(s), ${(s.js / 1024).toFixed(1)} KB of JavaScript and ${(s.answer / 1024).toFixed(1)} KB for the /api/search answer, gzipped`,
    );
  } finally {
    await browser.close();
  }
}

main()
  .catch((e) => {
    console.error(e instanceof Abort ? `bench/weight: ${e.message}` : e);
    process.exitCode = 1;
  })
  .finally(stopChildren);
