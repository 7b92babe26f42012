import type { ChatMessage } from "@/lib/catalog/schemas/completion";
import type { Conversation, ConversationMessage, ConversationWithMessages } from "@/lib/catalog/schemas/conversation";
import { isoTime, newId, parseJson, toJson, type Sql } from "../db/sql";

/** A row of `conversations`: a user's persistent chat with an agent. */
export interface ConversationRow {
  id: string;
  tenant_id: string;
  user_id: string;
  agent_id: string;
  title: string | null;
  status: Conversation["status"];
  created_at: string;
  updated_at: string;
}

/** A row of `conversation_messages`; position orders messages written in the same millisecond. */
export interface ConversationMessageRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  position: number;
  role: ConversationMessage["role"];
  content: string;
  tokens_used: number | null;
  metadata: string | null;
  created_at: string;
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    user_id: row.user_id,
    agent_id: row.agent_id,
    title: row.title,
    status: row.status,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export const toConversationMessage = (row: ConversationMessageRow): ConversationMessage => ({
  id: row.id,
  role: row.role,
  content: row.content,
  tokens_used: row.tokens_used,
  message_metadata: parseJson<Record<string, unknown> | null>(row.metadata, null),
  created_at: row.created_at,
});

export const toConversationWithMessages = (
  row: ConversationRow,
  messages: ConversationMessageRow[],
): ConversationWithMessages => ({
  ...toConversation(row),
  messages: messages.map(toConversationMessage),
});

/** The user's conversation with the agent: other users' and other agents' conversations are not found. */
export const findConversation = async (
  sql: Sql,
  tenantId: string,
  userId: string,
  agentId: string,
  id: string,
): Promise<ConversationRow | undefined> =>
  await sql.get<ConversationRow>(
    `SELECT * FROM conversations WHERE tenant_id = ? AND user_id = ? AND agent_id = ? AND id = ?`,
    [tenantId, userId, agentId, id],
  );

/** Most recently active first. */
export const listConversations = async (
  sql: Sql,
  tenantId: string,
  userId: string,
  agentId: string,
  skip: number,
  limit: number,
): Promise<ConversationRow[]> =>
  await sql.all<ConversationRow>(
    `SELECT * FROM conversations WHERE tenant_id = ? AND user_id = ? AND agent_id = ? ORDER BY updated_at DESC, created_at DESC, id LIMIT ? OFFSET ?`,
    [tenantId, userId, agentId, limit, skip],
  );

export async function insertConversation(
  sql: Sql,
  tenantId: string,
  userId: string,
  agentId: string,
  title: string | null,
  now: Date,
): Promise<ConversationRow> {
  const id = newId();
  const at = isoTime(now);
  await sql.run(
    `INSERT INTO conversations (id, tenant_id, user_id, agent_id, title, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)`,
    [id, tenantId, userId, agentId, title, at, at],
  );
  return (await findConversation(sql, tenantId, userId, agentId, id))!;
}

export async function endConversation(sql: Sql, row: ConversationRow, now: Date): Promise<void> {
  if (row.status === "ENDED") return;
  await sql.run(`UPDATE conversations SET status = 'ENDED', updated_at = ? WHERE tenant_id = ? AND id = ?`, [
    isoTime(now),
    row.tenant_id,
    row.id,
  ]);
}

/** Oldest first. */
export const listConversationMessages = async (
  sql: Sql,
  tenantId: string,
  conversationId: string,
): Promise<ConversationMessageRow[]> =>
  await sql.all<ConversationMessageRow>(
    `SELECT * FROM conversation_messages WHERE tenant_id = ? AND conversation_id = ? ORDER BY position`,
    [tenantId, conversationId],
  );

export interface NewConversationMessage extends ChatMessage {
  tokensUsed?: number | null;
  metadata?: Record<string, unknown> | null;
}

/** Appends messages after the conversation's last one and marks the conversation active now. */
export async function appendConversationMessages(
  sql: Sql,
  row: ConversationRow,
  messages: readonly NewConversationMessage[],
  now: Date,
): Promise<void> {
  const at = isoTime(now);
  const last = await sql.get<{ position: number | null }>(
    `SELECT MAX(position) AS position FROM conversation_messages WHERE tenant_id = ? AND conversation_id = ?`,
    [row.tenant_id, row.id],
  );
  let position = last?.position ?? 0;
  for (const m of messages) {
    position += 1;
    await sql.run(
      `INSERT INTO conversation_messages (id, tenant_id, conversation_id, position, role, content, tokens_used, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        newId(),
        row.tenant_id,
        row.id,
        position,
        m.role,
        m.content,
        m.tokensUsed ?? null,
        m.metadata ? toJson(m.metadata) : null,
        at,
      ],
    );
  }
  await sql.run(`UPDATE conversations SET updated_at = ? WHERE tenant_id = ? AND id = ?`, [at, row.tenant_id, row.id]);
}
