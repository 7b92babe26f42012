"use client";

import Link from "@/components/intent-link";
import { useEffect, useRef, useState } from "react";
import { apiMessage, failBox, okBox } from "./api-message";

/** Verifies with the link's token as soon as the page opens (the keyless endpoint), and says what happened. */
export function VerifyEmail({ token, action }: { token: string; action: string }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const started = useRef(false);

  const verify = async () => {
    setResult(null);
    try {
      const res = await fetch(action, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token }),
      });
      setResult({ ok: res.ok, text: await apiMessage(res) });
    } catch (e) {
      setResult({ ok: false, text: `Could not reach the sandbox: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  useEffect(() => {
    // Once per page: a token works once, and React's development mode runs effects twice.
    if (started.current) return;
    started.current = true;
    void verify();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!result) {
    return (
      <p role="status" className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Verifying…
      </p>
    );
  }
  return (
    <div role="status" className={`mt-6 rounded-lg border p-4 text-sm ${result.ok ? okBox : failBox}`}>
      <p className="font-semibold">{result.ok ? "Email verified" : "Not verified"}</p>
      <p className="mt-1">{result.text}</p>
      <p className="mt-2">
        {result.ok ? (
          <>
            The user can log in now:{" "}
            <Link href="/console?endpoint=authentication.login" className="underline">
              log in in the console
            </Link>
            .
          </>
        ) : (
          <>
            A link works once and for 24 hours. Ask for a new one with{" "}
            <Link href="/console?endpoint=authentication.resend-verification" className="underline">
              resend-verification
            </Link>
            .
          </>
        )}
      </p>
    </div>
  );
}
