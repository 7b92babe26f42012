"use client";

import Link from "@/components/intent-link";
import { useState } from "react";
import { apiMessage, failBox, okBox } from "./api-message";

/** Your app's reset form, as the sandbox plays it: a new password sent with the link's token and the tenant's public key. */
export function ResetPasswordForm({ token, action, apiKey }: { token: string; action: string; apiKey: string }) {
  const [password, setPassword] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch(action, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": apiKey },
        body: JSON.stringify({ token, new_password: password }),
      });
      setResult({ ok: res.ok, text: await apiMessage(res) });
    } catch (e) {
      setResult({ ok: false, text: `Could not reach the sandbox: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };

  if (result?.ok) {
    return (
      <div role="status" className={`mt-6 rounded-lg border p-4 text-sm ${okBox}`}>
        <p className="font-semibold">Password changed</p>
        <p className="mt-1">
          {result.text}. Every session of the user has ended:{" "}
          <Link href="/console?endpoint=authentication.login" className="underline">
            log in with the new password
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="mt-6 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <label htmlFor="new-password" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        New password
      </label>
      <div className="mt-2 flex flex-wrap gap-2">
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className="min-w-0 flex-1 basis-56 rounded border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-60"
        >
          {busy ? "Saving…" : "Set new password"}
        </button>
      </div>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        At least 8 characters with an upper-case letter, a lower-case letter and a digit.
      </p>
      {result && (
        <div role="alert" className={`mt-3 rounded border p-3 text-sm ${failBox}`}>
          {result.text}
        </div>
      )}
    </form>
  );
}
