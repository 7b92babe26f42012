import { isAllowedTarget } from "./allowed-origin";
import type { MailKind } from "./outbox";

/** The portal page each mail links to: it does what your app's page would (verify, reset, accept) and says what happened. */
export const MAIL_PAGES: Record<MailKind, string> = {
  verification: "/sandbox/verify-email",
  password_reset: "/sandbox/reset-password",
  invitation: "/sandbox/accept-invitation",
};

/**
 * The link in a mail: `returnTo` when the request named one on an allowed origin (see allowed-origin.ts), else the
 * portal's own page for the kind; `?token=` appended either way. `origin` is the portal's address for links.
 */
export function mailLink(
  origin: string,
  kind: MailKind,
  token: string,
  returnTo?: string,
): { link: string; returnToIgnored: boolean } {
  const useReturnTo = returnTo !== undefined && isAllowedTarget(returnTo);
  const url = new URL(useReturnTo ? returnTo : `${origin}${MAIL_PAGES[kind]}`);
  url.searchParams.set("token", token);
  return { link: url.toString(), returnToIgnored: returnTo !== undefined && !useReturnTo };
}
