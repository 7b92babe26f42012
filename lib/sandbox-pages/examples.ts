import { catalogPath as path } from "./endpoint-paths";

/**
 * What the /sandbox page and its Markdown twin both say: terminal commands (paths from the catalog) and how the
 * sandbox differs from the real API. The page fills in the demo tenant's keys; the prerendered twin cannot.
 */

export interface DemoCredentials {
  publicKey: string;
  email: string;
  password: string;
}

export function sandboxCommands(origin: string, demo?: DemoCredentials | null) {
  const base = `${origin}/sandbox`;
  const key = demo?.publicKey ?? "pk_live_…";
  return {
    login: `curl -s ${base}${path("authentication.login")} \\
  -H "X-API-Key: ${key}" \\
  -H "Content-Type: application/json" \\
  -d '{"email": "${demo?.email ?? "demo@example.com"}", "password": "${demo?.password ?? "…"}"}'`,
    me: `curl -s ${base}${path("authentication.me")} \\
  -H "X-API-Key: ${key}" \\
  -H "Authorization: Bearer <access_token>"`,
    createTenant: `curl -s -X POST ${base}/tenants -H "Content-Type: application/json" -d '{"email_verification": true}'`,
    demo: `curl -s ${base}/demo`,
    outbox: `curl -s ${base}/outbox -H "Accept: application/json" -H "X-API-Key: sk_live_…"`,
    reset: `curl -s -X POST ${base}/tenants/reset -H "X-API-Key: sk_live_…"`,
  };
}

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

export function sandboxDifferences(limits: { maxUploadBytes: number; tenantStorageBytes: number }): string[] {
  return [
    "Public keys are accepted from any origin (the real API checks the tenant's allowed origins).",
    "Google sign-in accepts any http(s) redirect_uri and asks you which email to sign in as; nothing is sent to Google.",
    "Mails link to this portal's own pages (verify email, reset password, accept invitation), which do the action; a return_to is used only when it is on this portal's address.",
    "Checkout URLs lead to a local page (pay or cancel) instead of Stripe.",
    "Agents and completions answer deterministically; usage is counted as documented.",
    `Uploads are limited to ${mib(limits.maxUploadBytes)} per file and ${mib(limits.tenantStorageBytes)} per tenant.`,
  ];
}
