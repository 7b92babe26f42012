"use client";

import { useCallback, useEffect, useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { safeHref } from "@/lib/site/safe-href";

/** One mail as GET /sandbox/outbox (JSON) lists it. */
interface Mail {
  to: string;
  kind: string;
  subject: string;
  body: string;
  token: string | null;
  link: string | null;
  created_at: string;
}

/** Kept for this tab only: the secret key is not worth a place in the browser's long-term storage. */
const STORAGE_KEY = "sandbox-outbox-secret-key";
const PUBLIC_KEY_REFUSAL =
  "That is a public key (pk_live_…). The outbox holds password-reset and verification tokens, so it needs the tenant's secret key (sk_live_…): a public key sits in every frontend, and anyone holding it could take over the tenant's users.";

const KIND_LABEL: Record<string, string> = {
  verification: "Verification",
  password_reset: "Password reset",
  invitation: "Invitation",
};

/**
 * Reads the outbox of the tenant whose secret key the visitor enters. The key goes in the X-API-Key header of a
 * same-origin fetch, never in the URL; the form has no named field and posts, so even without script it cannot land
 * in a query string.
 */
export function OutboxReader({ jsonPath, demoPath }: { jsonPath: string; demoPath: string }) {
  const [key, setKey] = useState("");
  const [mails, setMails] = useState<Mail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = useCallback(
    async (value: string) => {
      const k = value.trim();
      setError(null);
      if (!k) return setError("Enter your tenant's secret key (sk_live_…).");
      if (k.startsWith("pk_")) {
        setMails(null);
        return setError(PUBLIC_KEY_REFUSAL);
      }
      setBusy(true);
      try {
        const res = await fetch(jsonPath, {
          headers: { accept: "application/json", "x-api-key": k },
          cache: "no-store",
          credentials: "omit",
        });
        const body = (await res.json().catch(() => ({}))) as { messages?: Mail[]; detail?: unknown };
        if (!res.ok || !body.messages) {
          setMails(null);
          setError(typeof body.detail === "string" ? body.detail : `The outbox answered HTTP ${res.status}.`);
          return;
        }
        sessionStorage.setItem(STORAGE_KEY, k);
        setMails(body.messages);
      } catch (e) {
        setError(`Could not reach the outbox: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setBusy(false);
      }
    },
    [jsonPath],
  );

  useEffect(() => {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (saved) {
      // Restores the tab's key once on load (sessionStorage exists only in the browser, hence not in useState).
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setKey(saved);
      void read(saved);
    }
  }, [read]);

  const useDemo = async () => {
    const res = await fetch(demoPath, { cache: "no-store" });
    const demo = (await res.json().catch(() => ({}))) as { secret_key?: string };
    if (!demo.secret_key) return setError("The demo tenant is not available.");
    setKey(demo.secret_key);
    await read(demo.secret_key);
  };

  const forget = () => {
    sessionStorage.removeItem(STORAGE_KEY);
    setKey("");
    setMails(null);
    setError(null);
  };

  const button = "rounded px-3 py-2 text-sm font-medium";
  return (
    <div className="mt-6">
      <form
        method="post"
        onSubmit={(e) => {
          e.preventDefault();
          void read(key);
        }}
        className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      >
        <label htmlFor="outbox-key" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Your tenant&apos;s secret key
        </label>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <input
            id="outbox-key"
            type="password"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder="sk_live_…"
            autoComplete="off"
            spellCheck={false}
            className="min-w-0 flex-1 basis-64 rounded border border-zinc-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          />
          <button
            type="submit"
            disabled={busy}
            className={`${button} bg-blue-600 text-white hover:bg-blue-700 disabled:opacity-60`}
          >
            {busy ? "Reading…" : mails ? "Refresh" : "Show mail"}
          </button>
        </div>
        <div className="mt-3 flex flex-wrap gap-2 text-sm">
          <button type="button" onClick={useDemo} className="text-blue-700 underline dark:text-blue-400">
            Use the demo tenant
          </button>
          {mails && (
            <button type="button" onClick={forget} className="text-zinc-600 underline dark:text-zinc-400">
              Forget the key
            </button>
          )}
        </div>
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          Sent in the <code className="font-mono">X-API-Key</code> header, never in the address; kept for this tab only.
        </p>
      </form>

      {error && (
        <p
          role="alert"
          className="mt-4 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      )}

      {mails && (
        <section aria-label="Mail" className="mt-6">
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            {mails.length === 0
              ? "No mail yet for this tenant."
              : `${mails.length} mail${mails.length === 1 ? "" : "s"}, newest first.`}
          </p>
          <ol className="mt-3 space-y-4">
            {mails.map((m, i) => (
              <MailItem key={`${m.created_at}-${i}`} mail={m} />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function MailItem({ mail }: { mail: Mail }) {
  const href = mail.link ? safeHref(mail.link) : undefined;
  return (
    <li className="min-w-0 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 className="font-semibold break-words text-zinc-900 dark:text-white">{mail.subject}</h2>
        <span className="rounded-full border border-zinc-300 px-2 text-xs text-zinc-700 dark:border-zinc-600 dark:text-zinc-300">
          {KIND_LABEL[mail.kind] ?? mail.kind}
        </span>
      </div>
      <p className="mt-1 text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">
        To {mail.to} · <time dateTime={mail.created_at}>{new Date(mail.created_at).toLocaleString()}</time>
      </p>
      <pre className="mt-3 text-sm whitespace-pre-wrap wrap-anywhere text-zinc-800 dark:text-zinc-200">{mail.body}</pre>
      {mail.token && (
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">Token</span>
          <code
            data-testid="outbox-token"
            className="min-w-0 font-mono text-xs break-all text-zinc-900 dark:text-zinc-100"
          >
            {mail.token}
          </code>
          <CopyButton value={mail.token} label="Copy token" />
        </div>
      )}
      {mail.link && (
        <p className="mt-2 text-sm wrap-anywhere">
          {href ? (
            <a href={href} className="text-blue-700 underline dark:text-blue-400">
              {mail.link}
            </a>
          ) : (
            <span className="text-zinc-600 dark:text-zinc-400">
              {mail.link} (not an http(s) link, so not clickable)
            </span>
          )}
        </p>
      )}
    </li>
  );
}
