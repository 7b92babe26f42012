import type { Agent } from "@/lib/catalog/schemas/agent";
import { isTrue, parseJson, type Sql } from "../db/sql";

/** A row of `agents`. reply_template drives the sandbox's deterministic answers. */
export interface AgentRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  system_prompt: string;
  response_type: Agent["response_type"];
  rag_provider: Agent["rag_provider"];
  is_active: number;
  rag_config: string | null;
  mcp_servers: string;
  reply_template: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export function toAgent(row: AgentRow): Agent {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    name: row.name,
    description: row.description,
    system_prompt: row.system_prompt,
    response_type: row.response_type,
    rag_provider: row.rag_provider,
    is_active: isTrue(row.is_active),
    rag_config: parseJson<Record<string, unknown> | null>(row.rag_config, null),
    mcp_servers: parseJson<Record<string, unknown>[]>(row.mcp_servers, []),
    created_by: row.created_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** An active agent of the tenant: the only ones end-users can see or use. */
export const findActiveAgent = async (sql: Sql, tenantId: string, id: string): Promise<AgentRow | undefined> =>
  await sql.get<AgentRow>(`SELECT * FROM agents WHERE tenant_id = ? AND id = ? AND is_active = 1`, [tenantId, id]);

export const listActiveAgents = async (sql: Sql, tenantId: string, skip: number, limit: number): Promise<AgentRow[]> =>
  await sql.all<AgentRow>(
    `SELECT * FROM agents WHERE tenant_id = ? AND is_active = 1 ORDER BY created_at, name, id LIMIT ? OFFSET ?`,
    [tenantId, limit, skip],
  );
