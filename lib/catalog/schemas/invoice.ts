import { z } from "zod";

export const INVOICE_STATUSES = ["draft", "open", "paid", "uncollectible", "void"] as const;

const unixTime = () => z.number().int().min(0);
const cents = () => z.number().int().min(0);

/**
 * A Stripe invoice as the billing endpoints pass it through: Stripe's own field names and units,
 * i.e. amounts are integers in the currency's smallest unit (cents) and times are Unix timestamps in seconds.
 * Only the fields a frontend needs are documented; Stripe may include more.
 */
export const Invoice = z
  .object({
    id: z.string().describe("Stripe invoice id, e.g. in_1OaBcD..."),
    number: z.string().nullable().describe("Human-readable invoice number; null while the invoice is a draft"),
    status: z.enum(INVOICE_STATUSES).describe("draft, open (awaiting payment), paid, uncollectible or void"),
    amount_due: cents().describe("Amount due in the smallest currency unit (cents): 2999 = 29.99"),
    amount_paid: cents().describe("Amount paid so far, in cents"),
    currency: z
      .string()
      .regex(/^[a-z]{3}$/)
      .describe("Lower-case ISO 4217 currency code, e.g. usd"),
    created: unixTime().describe("When the invoice was created, Unix time in seconds"),
    period_start: unixTime().describe("Start of the billed period, Unix time in seconds"),
    period_end: unixTime().describe("End of the billed period, Unix time in seconds"),
    hosted_invoice_url: z.url().nullable().describe("Stripe-hosted page to view and pay the invoice; null for drafts"),
    invoice_pdf: z.url().nullable().describe("Link to download the PDF; null for drafts"),
  })
  .meta({ title: "Invoice" });
export type Invoice = z.infer<typeof Invoice>;

export const invoiceExample: Invoice = {
  id: "in_1OaBcDEfGhIjKlMn",
  number: "A1B2C3D4-0001",
  status: "paid",
  amount_due: 2999,
  amount_paid: 2999,
  currency: "usd",
  created: 1704067200,
  period_start: 1704067200,
  period_end: 1706745600,
  hosted_invoice_url: "https://invoice.stripe.com/i/acct_xxxxx/live_xxxxx",
  invoice_pdf: "https://pay.stripe.com/invoice/acct_xxxxx/live_xxxxx/pdf",
};

export const openInvoiceExample: Invoice = {
  ...invoiceExample,
  id: "in_1ObCdEFgHiJkLmNo",
  number: "A1B2C3D4-0002",
  status: "open",
  amount_paid: 0,
  created: 1706745600,
  period_start: 1706745600,
  period_end: 1709251200,
  hosted_invoice_url: "https://invoice.stripe.com/i/acct_xxxxx/live_yyyyy",
  invoice_pdf: "https://pay.stripe.com/invoice/acct_xxxxx/live_yyyyy/pdf",
};
