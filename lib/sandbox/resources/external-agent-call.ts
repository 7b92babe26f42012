import type { ExternalAgentCall } from "@/lib/catalog/schemas/external-agent-call";
import { isoTime, newId, parseJson, toJson, type Sql } from "../db/sql";

/** A row of `external_agent_calls`: a call an external agent (an N8N workflow ...) reported, for analytics only. */
export interface ExternalAgentCallRow {
  id: string;
  tenant_id: string;
  external_agent_id: string;
  user_id: string | null;
  organization_id: string | null;
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  cost_usd: number;
  duration_ms: number;
  status: ExternalAgentCall["status"];
  error_message: string | null;
  call_metadata: string | null;
  created_at: string;
}

export function toExternalAgentCall(row: ExternalAgentCallRow): ExternalAgentCall {
  return {
    id: row.id,
    external_agent_id: row.external_agent_id,
    tenant_id: row.tenant_id,
    user_id: row.user_id,
    organization_id: row.organization_id,
    input_tokens: row.input_tokens,
    output_tokens: row.output_tokens,
    total_tokens: row.total_tokens,
    cost_usd: row.cost_usd,
    duration_ms: row.duration_ms,
    status: row.status,
    error_message: row.error_message,
    call_metadata: parseJson<Record<string, unknown> | null>(row.call_metadata, null),
    created_at: row.created_at,
  };
}

export const externalAgentExists = async (sql: Sql, tenantId: string, id: string): Promise<boolean> =>
  (await sql.get<{ id: string }>(`SELECT id FROM external_agents WHERE tenant_id = ? AND id = ?`, [tenantId, id])) !==
  undefined;

export interface NewExternalAgentCall {
  tenantId: string;
  externalAgentId: string;
  userId: string | null;
  organizationId: string | null;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number;
  durationMs: number;
  status: ExternalAgentCall["status"];
  errorMessage: string | null;
  callMetadata: Record<string, unknown> | null;
}

export async function insertExternalAgentCall(
  sql: Sql,
  c: NewExternalAgentCall,
  now: Date,
): Promise<ExternalAgentCallRow> {
  const id = newId();
  await sql.run(
    `INSERT INTO external_agent_calls (id, tenant_id, external_agent_id, user_id, organization_id, input_tokens, output_tokens, total_tokens, cost_usd, duration_ms, status, error_message, call_metadata, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      c.tenantId,
      c.externalAgentId,
      c.userId,
      c.organizationId,
      c.inputTokens,
      c.outputTokens,
      c.totalTokens,
      c.costUsd,
      c.durationMs,
      c.status,
      c.errorMessage,
      c.callMetadata === null ? null : toJson(c.callMetadata),
      isoTime(now),
    ],
  );
  return (await sql.get<ExternalAgentCallRow>(`SELECT * FROM external_agent_calls WHERE tenant_id = ? AND id = ?`, [
    c.tenantId,
    id,
  ]))!;
}
