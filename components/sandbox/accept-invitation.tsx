"use client";

import Link from "@/components/intent-link";
import { useEffect, useState } from "react";
import { apiMessage, failBox, okBox } from "./api-message";

export interface InvitationPaths {
  /** GET, with `{token}` in place of the invitation token. */
  details: string;
  accept: string;
  reject: string;
  login: string;
}

interface Details {
  email: string;
  role: string;
  status: string;
  organization_name: string;
  expires_at: string;
}

const input =
  "min-w-0 flex-1 basis-56 rounded border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
const button = "rounded px-4 py-2 text-sm font-medium disabled:opacity-60";

/**
 * Your app's invitation page, as the sandbox plays it: shows the invitation, then accepts it as the invited user (log in
 * with their password first: accepting needs their access token) or rejects it (no login needed).
 */
export function AcceptInvitation({ token, apiKey, paths }: { token: string; apiKey: string; paths: InvitationPaths }) {
  const [details, setDetails] = useState<Details | null>(null);
  const [password, setPassword] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const headers = { "content-type": "application/json", "x-api-key": apiKey };

  useEffect(() => {
    void (async () => {
      const res = await fetch(paths.details.replace("{token}", encodeURIComponent(token)), {
        headers: { "x-api-key": apiKey },
      });
      if (res.ok) setDetails((await res.json()) as Details);
      else setResult({ ok: false, text: await apiMessage(res) });
    })();
  }, [apiKey, paths.details, token]);

  const act = async (what: "accept" | "reject") => {
    setBusy(true);
    setResult(null);
    try {
      const auth: Record<string, string> = {};
      if (what === "accept") {
        const login = await fetch(paths.login, {
          method: "POST",
          headers,
          body: JSON.stringify({ email: details?.email, password }),
        });
        if (!login.ok) return setResult({ ok: false, text: `Log in as ${details?.email}: ${await apiMessage(login)}` });
        auth.authorization = `Bearer ${((await login.json()) as { access_token: string }).access_token}`;
      }
      const res = await fetch(what === "accept" ? paths.accept : paths.reject, {
        method: "POST",
        headers: { ...headers, ...auth },
        body: JSON.stringify({ token }),
      });
      setResult({ ok: res.ok, text: await apiMessage(res) });
    } catch (e) {
      setResult({ ok: false, text: `Could not reach the sandbox: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mt-6 space-y-4">
      {details && (
        <div className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
          <p className="text-zinc-900 dark:text-zinc-100">
            <strong>{details.organization_name}</strong> invites <span className="break-all">{details.email}</span> as{" "}
            <strong>{details.role}</strong>.
          </p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            Status: {details.status} · valid until{" "}
            <time dateTime={details.expires_at}>{new Date(details.expires_at).toLocaleString()}</time>
          </p>
          {details.status === "pending" && !result?.ok && (
            <form
              method="post"
              className="mt-4"
              onSubmit={(e) => {
                e.preventDefault();
                void act("accept");
              }}
            >
              <label htmlFor="invitee-password" className="block font-medium text-zinc-800 dark:text-zinc-200">
                Password of {details.email} (accepting needs the invited user&apos;s login)
              </label>
              <div className="mt-2 flex flex-wrap gap-2">
                <input
                  id="invitee-password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  className={input}
                />
                <button type="submit" disabled={busy} className={`${button} bg-blue-600 text-white hover:bg-blue-700`}>
                  Log in and accept
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void act("reject")}
                  className={`${button} border border-zinc-300 text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800`}
                >
                  Decline
                </button>
              </div>
              <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
                No account yet?{" "}
                <Link href="/console?endpoint=authentication.register" className="underline">
                  Register {details.email}
                </Link>{" "}
                first, then come back to this link.
              </p>
            </form>
          )}
        </div>
      )}
      {result && (
        <div
          role={result.ok ? "status" : "alert"}
          className={`rounded-lg border p-4 text-sm ${result.ok ? okBox : failBox}`}
        >
          {result.text}
        </div>
      )}
    </div>
  );
}
