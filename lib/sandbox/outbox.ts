import { isoTime, newId, type Sql } from "./db/sql";

/** Every mail the sandbox would send (verification, reset, invitation), kept for the developer to read. */

export type MailKind = "verification" | "password_reset" | "invitation";

export interface Mail {
  to: string;
  kind: MailKind;
  subject: string;
  body: string;
  token?: string;
  link?: string;
}

/** As GET /sandbox/outbox lists it. */
export interface OutboxMessage {
  id: string;
  to: string;
  kind: MailKind;
  subject: string;
  body: string;
  token: string | null;
  link: string | null;
  created_at: string;
}

export async function sendMail(sql: Sql, tenantId: string, mail: Mail, now: Date): Promise<void> {
  await sql.run(
    `INSERT INTO outbox (id, tenant_id, to_email, kind, subject, body, token, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      newId(),
      tenantId,
      mail.to,
      mail.kind,
      mail.subject,
      mail.body,
      mail.token ?? null,
      mail.link ?? null,
      isoTime(now),
    ],
  );
}

/** Newest first. */
export async function listMail(sql: Sql, tenantId: string, limit = 100): Promise<OutboxMessage[]> {
  return await sql.all<OutboxMessage>(
    `SELECT id, to_email AS "to", kind, subject, body, token, link, created_at FROM outbox WHERE tenant_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
    [tenantId, limit],
  );
}

/** A mail as the outbox's JSON and the MCP tool read_sandbox_outbox show it: without the row id, which names nothing. */
export function shownMail({
  to,
  kind,
  subject,
  body,
  token,
  link,
  created_at,
}: OutboxMessage): Omit<OutboxMessage, "id"> {
  return { to, kind, subject, body, token, link, created_at };
}
