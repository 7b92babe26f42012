import type { AgentExecution } from "@/lib/catalog/schemas/execution";
import { isoTime, newId, parseJson, toJson, type Sql } from "../db/sql";

const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/** A row of `executions`: one agent run (chat request and answer). */
export interface ExecutionRow {
  id: string;
  tenant_id: string;
  agent_id: string;
  user_id: string;
  organization_id: string | null;
  conversation_id: string | null;
  input_text: string;
  output_text: string;
  tokens_used: number;
  execution_time_ms: number;
  status: AgentExecution["status"];
  error_message: string | null;
  metadata: string | null;
  created_at: string;
}

export function toExecution(row: ExecutionRow): AgentExecution {
  return {
    id: row.id,
    agent_id: row.agent_id,
    tenant_id: row.tenant_id,
    user_id: row.user_id,
    // Written with the organization charged; NULL only once that organization is gone: the nil UUID then.
    organization_id: row.organization_id ?? NIL_UUID,
    input_text: row.input_text,
    output_text: row.output_text,
    tokens_used: row.tokens_used,
    execution_time_ms: row.execution_time_ms,
    status: row.status,
    error_message: row.error_message,
    execution_metadata: parseJson<Record<string, unknown> | null>(row.metadata, null),
    created_at: row.created_at,
  };
}

export interface NewExecution {
  tenantId: string;
  agentId: string;
  userId: string;
  organizationId: string;
  conversationId: string | null;
  inputText: string;
  outputText: string;
  tokensUsed: number;
  executionTimeMs: number;
  metadata: Record<string, unknown>;
}

export async function insertExecution(sql: Sql, e: NewExecution, now: Date): Promise<ExecutionRow> {
  const id = newId();
  await sql.run(
    `INSERT INTO executions (id, tenant_id, agent_id, user_id, organization_id, conversation_id, input_text, output_text, tokens_used, execution_time_ms, status, error_message, metadata, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUCCESS', NULL, ?, ?)`,
    [
      id,
      e.tenantId,
      e.agentId,
      e.userId,
      e.organizationId,
      e.conversationId,
      e.inputText,
      e.outputText,
      e.tokensUsed,
      e.executionTimeMs,
      toJson(e.metadata),
      isoTime(now),
    ],
  );
  return (await sql.get<ExecutionRow>(`SELECT * FROM executions WHERE tenant_id = ? AND id = ?`, [e.tenantId, id]))!;
}

/** The user's executions with the agent, newest first. */
export const listExecutions = async (
  sql: Sql,
  tenantId: string,
  userId: string,
  agentId: string,
  skip: number,
  limit: number,
): Promise<ExecutionRow[]> =>
  await sql.all<ExecutionRow>(
    `SELECT * FROM executions WHERE tenant_id = ? AND user_id = ? AND agent_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    [tenantId, userId, agentId, limit, skip],
  );
