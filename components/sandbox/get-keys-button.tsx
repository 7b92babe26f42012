"use client";

import { useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { createSandboxTenant, type SandboxKeys } from "./create-tenant";

/** Creates a private sandbox tenant (POST /sandbox/tenants) and shows its keys once. */
export function GetKeysButton() {
  const [verification, setVerification] = useState(false);
  const [keys, setKeys] = useState<SandboxKeys | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setKeys(await createSandboxTenant(verification));
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
            Email verification {keys.email_verification ? "on" : "off"}; expires {new Date(keys.expires_at).toLocaleString()}. Keep the keys: they are
            shown once.
          </p>
        </dl>
      )}
    </div>
  );
}
