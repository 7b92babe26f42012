"use client";

import { useState } from "react";

/** Calls the keyless verify endpoint with the link's token and says what happened. */
export function VerifyEmailButton({ token }: { token: string }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const verify = async () => {
    const res = await fetch("/sandbox/v1/auth/verify-email-with-token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    const body = (await res.json().catch(() => ({}))) as { message?: string; detail?: unknown };
    setResult({ ok: res.ok, text: body.message ?? (typeof body.detail === "string" ? body.detail : `HTTP ${res.status}`) });
  };
  return (
    <div className="mt-6 space-y-3">
      <button type="button" onClick={verify} className="rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700">
        Verify my email
      </button>
      {result && (
        <p role="status" className={`text-sm ${result.ok ? "text-green-700 dark:text-green-300" : "text-red-700 dark:text-red-300"}`}>
          {result.text}
        </p>
      )}
    </div>
  );
}
