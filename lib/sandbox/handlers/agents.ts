import type { ChatMessage } from "@/lib/catalog/schemas/completion";
import { findActiveAgent, listActiveAgents, toAgent, type AgentRow } from "../resources/agent";
import { agentReply, generate, lastUserContent, promptTokens, SANDBOX_MODEL } from "../resources/completion";
import {
  appendConversationMessages,
  endConversation,
  findConversation,
  insertConversation,
  listConversationMessages,
  listConversations,
  toConversation,
  toConversationWithMessages,
  type ConversationRow,
} from "../resources/conversation";
import { insertExecution, listExecutions, toExecution } from "../resources/execution";
import { recordAiRequest, requireAiUsageAllowance } from "../resources/usage";
import { defineHandler } from "./define";
import { created, noContent, ok, requireUser } from "./helpers";
import type { Raises, TenantContext } from "./types";

async function requireAgent(ctx: TenantContext & Raises<404, "Agent not found">, agentId: string): Promise<AgentRow> {
  const agent = await findActiveAgent(ctx.sql, ctx.tenant.id, agentId);
  if (!agent) return ctx.fail(404, "Agent not found");
  return agent;
}

async function requireConversation(
  ctx: TenantContext & Raises<404, "Conversation not found">,
  agentId: string,
  conversationId: string,
): Promise<ConversationRow> {
  const user = requireUser(ctx);
  const conversation = await findConversation(ctx.sql, ctx.tenant.id, user.id, agentId, conversationId);
  if (!conversation) return ctx.fail(404, "Conversation not found");
  return conversation;
}

const listAvailable = defineHandler("agents.list-available", async (ctx) =>
  ok((await listActiveAgents(ctx.sql, ctx.tenant.id, ctx.query.skip, ctx.query.limit)).map(toAgent)),
);

const getAgent = defineHandler("agents.get-agent", async (ctx) =>
  ok(toAgent(await requireAgent(ctx, ctx.params.agent_id))),
);

/**
 * Runs the agent deterministically: its reply_template filled with the user's message. Usage is
 * checked before the run (402) and recorded with the execution, and with conversation_id the
 * saved messages are the context and the new exchange is appended, all in one transaction.
 */
const chat = defineHandler("agents.chat", async (ctx) => {
  const user = requireUser(ctx);
  const agent = await requireAgent(ctx, ctx.params.agent_id);
  const body = ctx.body;
  const now = ctx.now();
  return await ctx.sql.tx(async () => {
    const conversation =
      body.conversation_id === undefined
        ? undefined
        : await requireConversation(ctx, ctx.params.agent_id, body.conversation_id);
    if (conversation?.status === "ENDED") return ctx.fail(400);
    const account = await requireAiUsageAllowance(ctx.sql, ctx.tenant.id, user.id, now);

    const sent: ChatMessage[] = [
      ...(body.messages ?? []),
      ...(body.input === undefined ? [] : [{ role: "user" as const, content: body.input }]),
    ];
    const history: ChatMessage[] = conversation
      ? await listConversationMessages(ctx.sql, ctx.tenant.id, conversation.id)
      : [];
    const context = [...history, ...sent];
    const input = lastUserContent(sent);
    const output = generate(agentReply(agent.reply_template, input), body.max_tokens);
    const prompt = promptTokens(context, agent.system_prompt);
    const tokensUsed = prompt + output.completionTokens;
    const model = body.model ?? SANDBOX_MODEL;

    const execution = await insertExecution(
      ctx.sql,
      {
        tenantId: ctx.tenant.id,
        agentId: agent.id,
        userId: user.id,
        organizationId: account.key.organizationId,
        conversationId: conversation?.id ?? null,
        inputText: input,
        outputText: output.text,
        tokensUsed,
        // Simulated: a fixed overhead plus a millisecond per generated token.
        executionTimeMs: 25 + output.completionTokens,
        metadata: {
          model,
          temperature: body.temperature ?? null,
          max_tokens: body.max_tokens ?? null,
          use_tools: body.use_tools,
          use_rag: body.use_rag,
          prompt_tokens: prompt,
          completion_tokens: output.completionTokens,
          finish_reason: output.finishReason,
          context_messages: context.length,
          sandbox: true,
        },
      },
      now,
    );
    if (conversation) {
      await appendConversationMessages(
        ctx.sql,
        conversation,
        [
          ...sent,
          { role: "assistant", content: output.text, tokensUsed, metadata: { model, execution_id: execution.id } },
        ],
        now,
      );
    }
    await recordAiRequest(ctx.sql, account, prompt, output.completionTokens, now);
    return ok(toExecution(execution));
  });
});

const history = defineHandler("agents.history", async (ctx) => {
  const user = requireUser(ctx);
  await requireAgent(ctx, ctx.params.agent_id);
  return ok(
    (await listExecutions(ctx.sql, ctx.tenant.id, user.id, ctx.params.agent_id, ctx.query.skip, ctx.query.limit)).map(
      toExecution,
    ),
  );
});

const createConversation = defineHandler("agents.create-conversation", async (ctx) => {
  const user = requireUser(ctx);
  const agent = await requireAgent(ctx, ctx.params.agent_id);
  return created(
    toConversation(
      await insertConversation(ctx.sql, ctx.tenant.id, user.id, agent.id, ctx.body?.title ?? null, ctx.now()),
    ),
  );
});

const listUserConversations = defineHandler("agents.list-conversations", async (ctx) => {
  const user = requireUser(ctx);
  await requireAgent(ctx, ctx.params.agent_id);
  return ok(
    (
      await listConversations(ctx.sql, ctx.tenant.id, user.id, ctx.params.agent_id, ctx.query.skip, ctx.query.limit)
    ).map(toConversation),
  );
});

const getConversation = defineHandler("agents.get-conversation", async (ctx) => {
  const conversation = await requireConversation(ctx, ctx.params.agent_id, ctx.params.conversation_id);
  return ok(
    toConversationWithMessages(conversation, await listConversationMessages(ctx.sql, ctx.tenant.id, conversation.id)),
  );
});

const endUserConversation = defineHandler("agents.end-conversation", async (ctx) => {
  await endConversation(
    ctx.sql,
    await requireConversation(ctx, ctx.params.agent_id, ctx.params.conversation_id),
    ctx.now(),
  );
  return noContent();
});

export const agentsHandlers = [
  listAvailable,
  getAgent,
  chat,
  history,
  createConversation,
  listUserConversations,
  getConversation,
  endUserConversation,
];
