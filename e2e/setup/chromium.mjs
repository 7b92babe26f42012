// How the e2e suite and the benches launch Chromium: Debian's (these machines cannot download Playwright's browsers),
// as root without the sandbox, and quiet (no background requests that would skew what a page loads).
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
