import "server-only";
import { safeHref } from "@/lib/site/safe-href";
import { isAllowedTarget } from "./allowed-origin";

/**
 * Sends the browser on to a URL that came from API input (the Google redirect_uri, a checkout's success_url or
 * cancel_url): a redirect when the URL is on an allowed origin (allowed-origin.ts), otherwise a page of the portal
 * that names the URL and links to it. So the sandbox is never an open redirect: leaving for another site takes the
 * visitor's own click, and the catalog's examples (https://myapp.com/...) still work without configuration.
 */
export function sendBrowserTo(target: string, options: { status: 302 | 303; purpose: string }): Response {
  if (isAllowedTarget(target)) return new Response(null, { status: options.status, headers: { Location: target } });
  return new Response(leavingPage(target, options.purpose), {
    status: 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // The link may carry tokens in its fragment: never cached, and the next site is not told where the visitor was.
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function leavingPage(target: string, purpose: string): string {
  const href = safeHref(target);
  const url = href ? new URL(href) : null;
  // Shown without the fragment: the tokens of a sign-in are not for the screen.
  const shown = url ? `${url.origin}${url.pathname}${url.search}` : target;
  const fragment = url?.hash ? " (with the tokens in the URL fragment)" : "";
  const link =
    href && url
      ? `<p><a href="${escapeHtml(href)}" rel="noreferrer">Continue to ${escapeHtml(url.host)}</a></p>`
      : "<p>This address is not a web address, so there is no link to it.</p>";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="color-scheme" content="light dark"><title>Leaving the portal</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>You are leaving the portal</h1>
<p>${escapeHtml(purpose)} Your app asked to continue at an address outside this portal:</p>
<p><code style="word-break: break-all">${escapeHtml(shown)}</code>${escapeHtml(fragment)}</p>
${link}
<p style="font-size: 0.875rem">The sandbox sends the browser on by itself only to the portal's own hosts (PORTAL_URL, the served host,
ALLOWED_HOSTS); add your app's host to ALLOWED_HOSTS to skip this page.</p>
</body></html>`;
}
