/** What POST /sandbox/tenants answers (201). */
export interface SandboxKeys {
  tenant_id: string;
  public_key: string;
  secret_key: string;
  email_verification: boolean;
  expires_at: string;
}

/** Creates a private sandbox tenant from the browser; throws with the API's `detail` when it is refused. */
export async function createSandboxTenant(emailVerification: boolean): Promise<SandboxKeys> {
  const res = await fetch("/sandbox/tenants", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email_verification: emailVerification }),
  });
  const body = (await res.json()) as Partial<SandboxKeys> & { detail?: unknown };
  if (!res.ok || !body.public_key || !body.secret_key)
    throw new Error(typeof body.detail === "string" ? body.detail : `HTTP ${res.status}`);
  return body as SandboxKeys;
}

/** "Require email verification" starts ticked on /sandbox and in the console alike: the full flow, outbox included. */
export const EMAIL_VERIFICATION_DEFAULT = true;
