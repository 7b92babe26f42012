"use client";

import { useEffect, useId, useState } from "react";
import { createSandboxTenant, EMAIL_VERIFICATION_DEFAULT } from "@/components/sandbox/create-tenant";
import { setSandboxLogin } from "@/components/sandbox/sandbox-credentials";
import { getEndpoint } from "@/lib/catalog";
import { mailTokenTarget } from "@/lib/console/next-step";
import { describeExpiry, decodeToken } from "@/lib/console/jwt";
import type { ConsoleEnvironment } from "@/lib/console/types";
import { callApi, detailText } from "./call-api";
import type { ConsoleState } from "./use-console-state";
import { buttonClass, hintClass, inputClass, labelClass, sectionTitle } from "./ui";

interface Organization {
  id: string;
  name: string;
  role: string;
}

function organizationsIn(json: unknown): Organization[] {
  const list =
    json && typeof json === "object" && "organizations" in json && Array.isArray(json.organizations)
      ? (json.organizations as unknown[])
      : [];
  return list.flatMap((o) => {
    if (!o || typeof o !== "object") return [];
    const { id, name, role } = o as Record<string, unknown>;
    return typeof id === "string"
      ? [{ id, name: typeof name === "string" ? name : id, role: typeof role === "string" ? role : "" }]
      : [];
  });
}

/** Re-renders every second while a token is shown, for the expiry countdown. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

function SecretKeyWarning({ env }: { env: ConsoleEnvironment }) {
  return (
    <div
      role="alert"
      className="mt-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100"
    >
      <strong>This is a secret key, and it is now in a browser.</strong> An <code className="font-mono">sk_live_</code>{" "}
      key gives full server-side access to your tenant on {env.label}: never put it in front-end code or share this
      screen. The console keeps it in this browser only and sends it to {env.label} alone; if you did not mean to paste
      it here, forget it and rotate the key in your dashboard. Prefer the public key (
      <code className="font-mono">pk_live_</code>) wherever the endpoint accepts it.
    </div>
  );
}

/** A mail's "Use this token": names the endpoint it opens (verify, reset, accept), never another body. */
function MailTokenButton({
  kind,
  token,
  onUse,
}: {
  kind: string;
  token: string;
  onUse: (token: string, kind: string) => void;
}) {
  const target = mailTokenTarget(kind);
  const endpoint = target ? getEndpoint(target) : undefined;
  if (!endpoint) return null;
  return (
    <button
      type="button"
      className={buttonClass}
      onClick={() => onUse(token, kind)}
      title={`Opens ${endpoint.method} ${endpoint.path} with this token`}
    >
      Use this token
      <span className="sr-only">
        {" "}
        in {endpoint.method} {endpoint.path}
      </span>
    </button>
  );
}

/** API keys, the access token and the organization: what every request of the console is sent with. */
export function CredentialsSection({
  state,
  onMailToken,
}: {
  state: ConsoleState;
  onMailToken: (token: string, kind: string) => void;
}) {
  const { environment: env, credentials: c, setCredentials, remember, setRemember, forget } = state;
  const id = useId();
  const [verification, setVerification] = useState(EMAIL_VERIFICATION_DEFAULT);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [outbox, setOutbox] = useState<Array<{
    to: string;
    kind: string;
    subject: string;
    token: string | null;
    created_at: string;
  }> | null>(null);
  const token = decodeToken(c.accessToken);
  const now = useNow(c.accessToken !== "");
  const set = (k: keyof typeof c) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setCredentials((old) => ({ ...old, [k]: value }));
  };
  /** An input's props for credential `k`: keys and tokens are neither autocompleted nor spell-checked. */
  const field = (k: keyof typeof c, placeholder: string) => ({
    className: inputClass,
    value: c[k],
    onChange: set(k),
    placeholder,
    autoComplete: "off",
    spellCheck: false,
  });
  const secretInBrowser = env.id === "live" && [c.secretKey, c.publicKey].some((k) => k.trim().startsWith("sk_"));

  const getKeys = async () => {
    setBusy("keys");
    setStatus(null);
    try {
      const body = await createSandboxTenant(verification);
      const { public_key, secret_key } = body;
      setCredentials(() => ({
        publicKey: public_key,
        secretKey: secret_key,
        accessToken: "",
        refreshToken: "",
        organizationId: "",
      }));
      setSandboxLogin(null);
      setOrganizations([]);
      setOutbox(null);
      setStatus(
        `New sandbox tenant: keys filled in, email verification ${verification ? "on" : "off"}, expires ${body.expires_at ? new Date(body.expires_at).toLocaleString() : "in 24 h"}.`,
      );
    } catch (e) {
      setStatus(`Could not create a sandbox tenant: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const fillDemo = async () => {
    setBusy("demo");
    setStatus(null);
    try {
      const res = await fetch("/sandbox/demo", { cache: "no-store" });
      const body = (await res.json()) as {
        public_key?: string;
        secret_key?: string;
        email?: string;
        password?: string;
        detail?: string;
      };
      if (!res.ok || !body.public_key || !body.secret_key) throw new Error(body.detail ?? `HTTP ${res.status}`);
      const { public_key, secret_key } = body;
      setCredentials(() => ({
        publicKey: public_key,
        secretKey: secret_key,
        accessToken: "",
        refreshToken: "",
        organizationId: "",
      }));
      if (body.email && body.password) setSandboxLogin({ email: body.email, password: body.password });
      setOrganizations([]);
      setOutbox(null);
      setStatus(
        `Demo tenant keys filled in (shared with every visitor); login examples now use its ready-made user ${body.email ?? "demo@example.com"} / ${body.password ?? ""}.`,
      );
    } catch (e) {
      setStatus(`Could not read the demo tenant: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const loadOrganizations = async () => {
    setBusy("orgs");
    const r = await callApi(env, c, "organizations.my-organizations");
    setBusy(null);
    if ("error" in r) return setStatus(`Could not list organizations: ${r.error}`);
    if (r.status !== 200) return setStatus(`Could not list organizations: ${detailText(r.json, r.status)}`);
    const list = organizationsIn(r.json);
    setOrganizations(list);
    setStatus(
      list.length === 0
        ? "You belong to no organization yet: create one first."
        : `${list.length} organization${list.length === 1 ? "" : "s"} loaded.`,
    );
    const first = list[0];
    if (first && !list.some((o) => o.id === c.organizationId))
      setCredentials((old) => ({ ...old, organizationId: first.id }));
  };

  const loadOutbox = async () => {
    setBusy("outbox");
    try {
      const res = await fetch("/sandbox/outbox", {
        headers: { accept: "application/json", "x-api-key": c.secretKey.trim() },
        credentials: "omit",
        cache: "no-store",
      });
      const body = (await res.json()) as { messages?: typeof outbox; detail?: string };
      if (!res.ok || !body.messages) throw new Error(body.detail ?? `HTTP ${res.status}`);
      setOutbox(body.messages);
      setStatus(`${body.messages.length} message${body.messages.length === 1 ? "" : "s"} in the outbox.`);
    } catch (e) {
      setStatus(`Could not read the outbox: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-lg border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800"
    >
      <h3 id={`${id}-title`} className={sectionTitle}>
        Credentials
      </h3>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-pk`} className={labelClass}>
            Public key
          </label>
          <input id={`${id}-pk`} {...field("publicKey", "pk_live_…")} />
        </div>
        <div>
          <label htmlFor={`${id}-sk`} className={labelClass}>
            Secret key
          </label>
          <input id={`${id}-sk`} {...field("secretKey", "sk_live_…")} />
        </div>
      </div>
      {secretInBrowser && <SecretKeyWarning env={env} />}
      {env.id === "sandbox" ? (
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <p className="min-w-0 basis-full text-xs text-zinc-600 sm:basis-0 sm:flex-1 dark:text-zinc-400">
            Sandbox keys and tokens are kept in this browser and shared by every page and tab (the console, each “Try
            it”, the code samples). They work on this sandbox only.
          </p>
          <button type="button" className={buttonClass} onClick={forget}>
            Forget sandbox credentials
          </button>
        </div>
      ) : (
        <>
          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
              Remember in this browser
            </label>
            <button type="button" className={buttonClass} onClick={forget}>
              Forget credentials
            </button>
          </div>
          <p className={hintClass}>
            {remember
              ? "Kept in this browser's local storage until you forget them."
              : "Kept for this tab only; tick “Remember” to keep them across reloads."}{" "}
            Keys go only to the API they belong to.
          </p>
        </>
      )}

      {env.id === "sandbox" && (
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-zinc-200 pt-3 text-sm dark:border-zinc-800">
          <button type="button" className={buttonClass} onClick={getKeys} disabled={busy !== null}>
            {busy === "keys" ? "Creating…" : "Get sandbox keys"}
          </button>
          <button type="button" className={buttonClass} onClick={fillDemo} disabled={busy !== null}>
            {busy === "demo" ? "Reading…" : "Use the demo tenant"}
          </button>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={verification} onChange={(e) => setVerification(e.target.checked)} />
            Require email verification
          </label>
          <button
            type="button"
            className={buttonClass}
            onClick={loadOutbox}
            disabled={busy !== null || !c.secretKey.trim()}
          >
            {busy === "outbox" ? "Reading…" : "Show sandbox outbox"}
          </button>
        </div>
      )}

      {outbox && (
        <div className="mt-3">
          <h4 className="text-sm font-semibold">Sandbox outbox</h4>
          {outbox.length === 0 ? (
            <p className={hintClass}>No mail yet.</p>
          ) : (
            <ul aria-label="Sandbox outbox" className="mt-1 space-y-2 text-sm">
              {outbox.map((m, i) => (
                <li
                  key={`${m.created_at}-${i}`}
                  className="min-w-0 rounded border border-zinc-200 p-2 dark:border-zinc-800"
                >
                  <p className="[overflow-wrap:anywhere]">
                    <strong>{m.subject}</strong>{" "}
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">
                      ({m.kind}) to {m.to}
                    </span>
                  </p>
                  {m.token && (
                    <p className="mt-1 flex flex-wrap items-center gap-2">
                      <span>Token:</span>
                      <code className="font-mono text-xs break-all" data-testid="outbox-token">
                        {m.token}
                      </code>
                      <MailTokenButton kind={m.kind} token={m.token} onUse={onMailToken} />
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
        <label htmlFor={`${id}-jwt`} className={labelClass}>
          Access token (JWT)
        </label>
        <input
          id={`${id}-jwt`}
          {...field("accessToken", "From login, register or refresh")}
          aria-describedby={`${id}-jwt-state`}
        />
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
          <span
            id={`${id}-jwt-state`}
            data-testid="token-expiry"
            className={
              token?.expiresAt != null && token.expiresAt <= now
                ? "font-semibold text-red-700 dark:text-red-400"
                : "text-zinc-600 dark:text-zinc-400"
            }
          >
            {c.accessToken === ""
              ? "No token: log in, then choose “Use this token”."
              : token
                ? `Token ${describeExpiry(token.expiresAt, now)}${token.expiresAt ? ` (${new Date(token.expiresAt).toLocaleTimeString()})` : ""}.`
                : "Not a JWT."}
          </span>
          {state.tokenStatus && <span role="status">{state.tokenStatus}</span>}
          {c.refreshToken && (
            <button
              type="button"
              className={buttonClass}
              onClick={() => void state.refreshToken()}
              disabled={busy !== null}
            >
              Refresh token
            </button>
          )}
          {c.accessToken && (
            <button
              type="button"
              className={buttonClass}
              onClick={() => setCredentials((old) => ({ ...old, accessToken: "", refreshToken: "" }))}
            >
              Clear token
            </button>
          )}
        </div>
      </div>

      <div className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
        <label htmlFor={`${id}-org`} className={labelClass}>
          X-Organization-Id
        </label>
        <div className="flex flex-wrap gap-2 sm:flex-nowrap">
          <input id={`${id}-org`} {...field("organizationId", "Organization uuid")} />
          <button
            type="button"
            className={`${buttonClass} shrink-0`}
            onClick={loadOrganizations}
            disabled={busy !== null || !c.accessToken}
          >
            {busy === "orgs" ? "Loading…" : "Load my organizations"}
          </button>
        </div>
        {organizations.length > 0 && (
          <div className="mt-2">
            <label htmlFor={`${id}-orgs`} className={labelClass}>
              Your organizations
            </label>
            <select id={`${id}-orgs`} className={inputClass} value={c.organizationId} onChange={set("organizationId")}>
              {!organizations.some((o) => o.id === c.organizationId) && (
                <option value={c.organizationId}>{c.organizationId || "Choose…"}</option>
              )}
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.role})
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
        {status}
      </p>
    </section>
  );
}
