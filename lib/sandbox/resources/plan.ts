import type { BillingPlan } from "@/lib/catalog/schemas/billing";
import type { Plan } from "@/lib/catalog/schemas/plan";
import { isTrue, parseJson, type Sql } from "../db/sql";

/** A row of `plans`: seeded per tenant (seed.ts). Prices are decimal amounts (29.99). */
export interface PlanRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  price_monthly: number;
  price_yearly: number;
  currency: string;
  features: string;
  is_active: number;
  is_free: number;
  max_cost_usd_per_month: number | null;
  max_messages_per_month: number | null;
  max_tokens_per_month: number | null;
  stripe_product_id: string | null;
  stripe_price_id_monthly: string | null;
  stripe_price_id_yearly: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export type BillingCycle = "monthly" | "yearly";

export function toPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price_monthly: row.price_monthly,
    price_yearly: row.price_yearly,
    currency: row.currency,
    features: parseJson<string[]>(row.features, []),
    is_active: isTrue(row.is_active),
    is_free: isTrue(row.is_free),
    max_cost_usd_per_month: row.max_cost_usd_per_month,
    max_messages_per_month: row.max_messages_per_month,
    max_tokens_per_month: row.max_tokens_per_month,
    stripe_product_id: row.stripe_product_id,
    stripe_price_id_monthly: row.stripe_price_id_monthly,
    stripe_price_id_yearly: row.stripe_price_id_yearly,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The plan's price for a billing cycle, as a decimal amount. */
export const planPrice = (row: PlanRow, cycle: BillingCycle): number =>
  cycle === "yearly" ? row.price_yearly : row.price_monthly;

/** The Stripe price a checkout for this cycle charges; null for free plans. */
export const stripePriceId = (row: PlanRow, cycle: BillingCycle): string | null =>
  cycle === "yearly" ? row.stripe_price_id_yearly : row.stripe_price_id_monthly;

/** A decimal amount in cents: 29.99 → 2999. */
export const toCents = (amount: number): number => Math.round(amount * 100);

/** "$29.99" for usd, "€29.99" for eur: cents formatted in the plan's currency. */
export function formatPrice(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** The plan as the billing endpoints present it: the monthly price in cents, the monthly Stripe price. */
export function toBillingPlan(row: PlanRow): BillingPlan {
  const cents = toCents(row.price_monthly);
  return {
    id: row.id,
    name: row.name,
    price_cents: cents,
    price_display: formatPrice(cents, row.currency),
    currency: row.currency,
    features: parseJson<string[]>(row.features, []),
    is_free: isTrue(row.is_free),
    stripe_price_id: row.stripe_price_id_monthly,
  };
}

const ORDER = `ORDER BY sort_order, created_at, id`;

/** Any plan of the tenant, active or not. */
export const findPlan = async (sql: Sql, tenantId: string, id: string): Promise<PlanRow | undefined> =>
  await sql.get<PlanRow>(`SELECT * FROM plans WHERE tenant_id = ? AND id = ?`, [tenantId, id]);

/** A plan customers can move to (subscribe, check out, assign): active plans only. */
export const findActivePlan = async (sql: Sql, tenantId: string, id: string): Promise<PlanRow | undefined> =>
  await sql.get<PlanRow>(`SELECT * FROM plans WHERE tenant_id = ? AND id = ? AND is_active = 1`, [tenantId, id]);

export const listActivePlans = async (sql: Sql, tenantId: string): Promise<PlanRow[]> =>
  await sql.all<PlanRow>(`SELECT * FROM plans WHERE tenant_id = ? AND is_active = 1 ${ORDER}`, [tenantId]);

export const listFreePlans = async (sql: Sql, tenantId: string): Promise<PlanRow[]> =>
  await sql.all<PlanRow>(`SELECT * FROM plans WHERE tenant_id = ? AND is_active = 1 AND is_free = 1 ${ORDER}`, [
    tenantId,
  ]);

/** One page of the tenant's plans (paged in SQL) and the total they are taken from. */
export async function pagePlans(
  sql: Sql,
  tenantId: string,
  options: { skip: number; limit: number; includeInactive: boolean },
): Promise<{ rows: PlanRow[]; total: number }> {
  const where = options.includeInactive ? `tenant_id = ?` : `tenant_id = ? AND is_active = 1`;
  const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM plans WHERE ${where}`, [tenantId]))?.n ?? 0;
  const rows = await sql.all<PlanRow>(`SELECT * FROM plans WHERE ${where} ${ORDER} LIMIT ? OFFSET ?`, [
    tenantId,
    options.limit,
    options.skip,
  ]);
  return { rows, total };
}
