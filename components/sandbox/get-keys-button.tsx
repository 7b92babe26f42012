"use client";

import Link from "@/components/intent-link";
import { useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { createSandboxTenant, EMAIL_VERIFICATION_DEFAULT, type SandboxKeys } from "./create-tenant";
import {
  forgetSandboxCredentials,
  setSandboxCredentials,
  setSandboxLogin,
  useSandboxCredentials,
} from "./sandbox-credentials";

/**
 * Creates a private sandbox tenant (POST /sandbox/tenants), shows its keys and keeps them in this browser for the
 * console, every "Try it" and the code samples. `next` names where to go from here (the quick start's first call).
 */
export function GetKeysButton({ next }: { next?: { href: string; label: string } }) {
  const stored = useSandboxCredentials();
  const [verification, setVerification] = useState(EMAIL_VERIFICATION_DEFAULT);
  const [keys, setKeys] = useState<SandboxKeys | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await createSandboxTenant(verification);
      setKeys(created);
      setSandboxCredentials(() => ({
        publicKey: created.public_key,
        secretKey: created.secret_key,
        accessToken: "",
        refreshToken: "",
        organizationId: "",
      }));
      setSandboxLogin(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={create}
          disabled={busy}
          className="rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-60"
        >
          {busy ? "Creating…" : "Get sandbox keys"}
        </button>
        <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input type="checkbox" checked={verification} onChange={(e) => setVerification(e.target.checked)} />
          Require email verification
        </label>
      </div>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          Could not create a tenant: {error}
        </p>
      )}
      {keys && (
        <dl className="mt-4 space-y-2 text-sm" aria-live="polite">
          {(
            [
              ["Public key", keys.public_key],
              ["Secret key", keys.secret_key],
              ["Tenant id", keys.tenant_id],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="flex flex-wrap items-center gap-2">
              <dt className="w-24 text-zinc-500">{label}</dt>
              <dd className="flex items-center gap-2">
                <code className="font-mono text-xs break-all">{value}</code>
                <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
              </dd>
            </div>
          ))}
          <p className="text-zinc-600 dark:text-zinc-400">
            Email verification {keys.email_verification ? "on" : "off"}; expires{" "}
            {new Date(keys.expires_at).toLocaleString()}. Saved in this browser for the console, every “Try it” and the
            code samples.
          </p>
        </dl>
      )}
      {!keys && stored.publicKey && (
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300" data-testid="stored-sandbox-keys">
          This browser already holds sandbox keys (
          <code className="font-mono text-xs [overflow-wrap:anywhere]">{stored.publicKey}</code>): the console and the
          samples use them.
        </p>
      )}
      {(keys || stored.publicKey) && (
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          {next && (
            <Link href={next.href} className="rounded bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700">
              {next.label}
            </Link>
          )}
          <button
            type="button"
            onClick={() => {
              forgetSandboxCredentials();
              setKeys(null);
            }}
            className="rounded border border-zinc-300 px-3 py-1.5 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Forget sandbox credentials
          </button>
        </div>
      )}
    </div>
  );
}
