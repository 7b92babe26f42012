import type { OutboxMessage } from "./outbox";

/** The outbox as a small standalone HTML page (a route answers it, next to its JSON variant). */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface OutboxPageData {
  tenantLabel: string | null;
  key: string;
  messages: OutboxMessage[];
  error: string | null;
}

function message(m: OutboxMessage): string {
  const link = m.link ? `<p><a href="${escape(m.link)}">${escape(m.link)}</a></p>` : "";
  const token = m.token ? `<p>Token: <code>${escape(m.token)}</code></p>` : "";
  return `<article>
  <header><strong>${escape(m.subject)}</strong> <span class="kind">${escape(m.kind)}</span></header>
  <p class="meta">To ${escape(m.to)} · <time datetime="${escape(m.created_at)}">${escape(m.created_at)}</time></p>
  <pre>${escape(m.body)}</pre>${token}${link}
</article>`;
}

export function renderOutboxPage(d: OutboxPageData): string {
  const list = d.messages.length > 0 ? d.messages.map(message).join("\n") : `<p>No mail yet${d.tenantLabel ? ` for ${escape(d.tenantLabel)}` : ""}.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Sandbox outbox</title>
<style>
  :root { color-scheme: light dark; font-family: ui-sans-serif, system-ui, sans-serif; }
  body { max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
  article { border: 1px solid #8884; border-radius: .5rem; padding: .75rem 1rem; margin: 1rem 0; }
  .kind { font-size: .75rem; border: 1px solid #8886; border-radius: 1rem; padding: 0 .5rem; margin-left: .5rem; }
  .meta { color: #888; font-size: .875rem; margin: .25rem 0; }
  pre { white-space: pre-wrap; word-break: break-all; }
  code { word-break: break-all; }
  input { width: 24rem; max-width: 100%; font: inherit; padding: .25rem .5rem; }
  .error { color: #c00; }
</style>
</head>
<body>
<main>
<p><a href="/sandbox">← Sandbox</a></p>
<h1>Sandbox outbox</h1>
<p>Mail the sandbox would have sent (verification, password reset, invitations), newest first${d.tenantLabel ? `, for ${escape(d.tenantLabel)}` : ""}.
As JSON: <code>curl -H "Accept: application/json" -H "X-API-Key: sk_live_…" /sandbox/outbox</code></p>
<form method="get" action="/sandbox/outbox">
  <label>Your sandbox key (pk_live_… or sk_live_…): <input name="key" value="${escape(d.key)}" autocomplete="off" spellcheck="false"></label>
  <button type="submit">Show</button>
</form>
${d.error ? `<p class="error" role="alert">${escape(d.error)}</p>` : ""}
${list}
</main>
</body>
</html>`;
}
