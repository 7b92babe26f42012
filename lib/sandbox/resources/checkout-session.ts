import { randomBytes } from "node:crypto";
import { isoTime, type Sql } from "../db/sql";
import type { BillingCycle } from "./org-subscription";

/** A row of `checkout_sessions`: the sandbox's stand-in for a Stripe Checkout session. */
export interface CheckoutSessionRow {
  id: string;
  tenant_id: string;
  user_id: string | null;
  /** null: a personal checkout of a user without an organization (paying sets the user's plan). */
  organization_id: string | null;
  plan_id: string;
  billing_cycle: BillingCycle;
  success_url: string;
  cancel_url: string;
  status: "open" | "complete" | "cancelled" | "expired";
  subscription_id: string | null;
  created_at: string;
  completed_at: string | null;
}

/** Checkout sessions can be paid for 24 hours, as Stripe's. */
export const CHECKOUT_TTL_MS = 24 * 3600_000;

/** `cs_sandbox_` and 128 random bits: the id is all it takes to open (and pay) the checkout page. */
const newSessionId = () => `cs_sandbox_${randomBytes(16).toString("hex")}`;

export interface NewCheckoutSession {
  userId: string | null;
  organizationId: string | null;
  planId: string;
  billingCycle: BillingCycle;
  successUrl: string;
  cancelUrl: string;
}

export async function insertCheckoutSession(
  sql: Sql,
  tenantId: string,
  s: NewCheckoutSession,
  now: Date,
): Promise<CheckoutSessionRow> {
  const id = newSessionId();
  await sql.run(
    `INSERT INTO checkout_sessions (id, tenant_id, user_id, organization_id, plan_id, billing_cycle, success_url, cancel_url, status, subscription_id, created_at, completed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, ?, NULL)`,
    [id, tenantId, s.userId, s.organizationId, s.planId, s.billingCycle, s.successUrl, s.cancelUrl, isoTime(now)],
  );
  return (await findCheckoutSession(sql, id))!;
}

/** By id alone: the checkout page has no API key, the session names its tenant. */
export const findCheckoutSession = async (sql: Sql, id: string): Promise<CheckoutSessionRow | undefined> =>
  await sql.get<CheckoutSessionRow>(`SELECT * FROM checkout_sessions WHERE id = ?`, [id]);

/** Open and not older than CHECKOUT_TTL_MS. */
export const isPayable = (row: CheckoutSessionRow, now: Date): boolean =>
  row.status === "open" && Date.parse(row.created_at) + CHECKOUT_TTL_MS > now.getTime();

/**
 * Closes an open session (complete or cancelled). False when it was no longer open, so a double
 * submission pays once.
 */
export async function closeCheckoutSession(
  sql: Sql,
  row: CheckoutSessionRow,
  status: "complete" | "cancelled",
  subscriptionId: string | null,
  now: Date,
): Promise<boolean> {
  return (
    (
      await sql.run(
        `UPDATE checkout_sessions SET status = ?, subscription_id = ?, completed_at = ? WHERE tenant_id = ? AND id = ? AND status = 'open'`,
        [status, subscriptionId, isoTime(now), row.tenant_id, row.id],
      )
    ).changes === 1
  );
}

/** Where the checkout page lives, on the portal the API was reached at. */
export const checkoutUrl = (origin: string, sessionId: string): string =>
  `${origin}/sandbox/checkout/${encodeURIComponent(sessionId)}`;
