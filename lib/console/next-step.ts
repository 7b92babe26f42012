import { tokensIn } from "./jwt";

/** The sandbox's mail kinds (lib/sandbox/outbox.ts), as the outbox's JSON names them. */
export type MailKind = "verification" | "password_reset" | "invitation";

/**
 * The endpoint a mail's token is for. Verification goes to /v1/auth/verify-email: the console holds the public
 * key, as a frontend does (the catalog says which of the two verify endpoints a frontend uses).
 */
const MAIL_TARGETS: Record<MailKind, string> = {
  verification: "authentication.verify-email",
  password_reset: "authentication.reset-password",
  invitation: "organizations.accept-invitation",
};

export function mailTokenTarget(kind: string): string | null {
  return Object.hasOwn(MAIL_TARGETS, kind) ? MAIL_TARGETS[kind as MailKind] : null;
}

/** The endpoint's example body with the mail's token in its `token` field (other fields kept, e.g. new_password). */
export function bodyWithToken(example: unknown, token: string): Record<string, unknown> {
  const base =
    example && typeof example === "object" && !Array.isArray(example) ? (example as Record<string, unknown>) : {};
  return { ...base, token };
}

/** What a successful answer makes the obvious next step: take its tokens, or use the new organization. */
export type NextStep =
  | { kind: "tokens"; accessToken: string; refreshToken: string | null }
  | { kind: "organization"; id: string; name: string }
  | null;

const TOKEN_ENDPOINTS = new Set(["authentication.register", "authentication.login", "authentication.refresh"]);

export function nextStep(endpointId: string, status: number, body: unknown): NextStep {
  if (status < 200 || status >= 300) return null;
  if (TOKEN_ENDPOINTS.has(endpointId)) {
    const tokens = tokensIn(body);
    return tokens ? { kind: "tokens", ...tokens } : null;
  }
  if (endpointId === "organizations.create" && body && typeof body === "object") {
    const { id, name } = body as { id?: unknown; name?: unknown };
    if (typeof id === "string" && id !== "")
      return { kind: "organization", id, name: typeof name === "string" ? name : id };
  }
  return null;
}
