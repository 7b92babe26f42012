import { randomBytes } from "node:crypto";
import type { Invoice } from "@/lib/catalog/schemas/invoice";
import type { Sql } from "../db/sql";

/** A row of `invoices`: Stripe-shaped, amounts in cents and times in Unix seconds. */
export interface InvoiceRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  subscription_id: string | null;
  number: string | null;
  status: Invoice["status"];
  amount_due: number;
  amount_paid: number;
  currency: string;
  created: number;
  period_start: number;
  period_end: number;
  hosted_invoice_url: string | null;
  invoice_pdf: string | null;
}

export function toInvoice(row: InvoiceRow): Invoice {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    amount_due: row.amount_due,
    amount_paid: row.amount_paid,
    currency: row.currency,
    created: row.created,
    period_start: row.period_start,
    period_end: row.period_end,
    hosted_invoice_url: row.hosted_invoice_url,
    invoice_pdf: row.invoice_pdf,
  };
}

export const unixSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/** The organization's invoices, newest first, at most `limit`. */
export const listOrganizationInvoices = async (
  sql: Sql,
  tenantId: string,
  organizationId: string,
  limit: number,
): Promise<InvoiceRow[]> =>
  await sql.all<InvoiceRow>(
    `SELECT * FROM invoices WHERE tenant_id = ? AND organization_id = ? ORDER BY created DESC, number DESC LIMIT ?`,
    [tenantId, organizationId, limit],
  );

export interface NewPaidInvoice {
  organizationId: string;
  subscriptionId: string | null;
  amountCents: number;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
}

/**
 * A paid invoice numbered per organization (SBX-<org prefix>-0001, ...). The sandbox hosts no
 * invoice pages or PDFs, so hosted_invoice_url and invoice_pdf are null.
 */
export async function insertPaidInvoice(sql: Sql, tenantId: string, i: NewPaidInvoice, now: Date): Promise<InvoiceRow> {
  const id = `in_sandbox_${randomBytes(12).toString("hex")}`;
  const count =
    (
      await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM invoices WHERE tenant_id = ? AND organization_id = ?`, [
        tenantId,
        i.organizationId,
      ])
    )?.n ?? 0;
  const number = `SBX-${i.organizationId.slice(0, 8).toUpperCase()}-${String(count + 1).padStart(4, "0")}`;
  const cents = Math.max(0, i.amountCents);
  await sql.run(
    `INSERT INTO invoices (id, tenant_id, organization_id, subscription_id, number, status, amount_due, amount_paid, currency, created, period_start, period_end, hosted_invoice_url, invoice_pdf)
     VALUES (?, ?, ?, ?, ?, 'paid', ?, ?, ?, ?, ?, ?, NULL, NULL)`,
    [
      id,
      tenantId,
      i.organizationId,
      i.subscriptionId,
      number,
      cents,
      cents,
      i.currency.toLowerCase(),
      unixSeconds(now),
      unixSeconds(i.periodStart),
      unixSeconds(i.periodEnd),
    ],
  );
  return (await sql.get<InvoiceRow>(`SELECT * FROM invoices WHERE tenant_id = ? AND id = ?`, [tenantId, id]))!;
}
