import type { ChatMessage } from "@/lib/catalog/schemas/completion";
import type { CreateConversationRequest } from "@/lib/catalog/schemas/conversation";
import type { ChatRequest } from "@/lib/catalog/schemas/execution";
import { ApiError } from "../errors";
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
import { created, noContent, ok, requireUser } from "./helpers";
import type { Handler, HandlerContext, HandlerMap, Input, Query } from "./types";

type AgentParams = { agent_id: string };
type ConversationParams = AgentParams & { conversation_id: string };
type Paging = { skip: number; limit: number };

async function requireAgent(ctx: HandlerContext<unknown, Query, AgentParams>): Promise<AgentRow> {
  const agent = await findActiveAgent(ctx.sql, ctx.tenant.id, ctx.params.agent_id);
  if (!agent) throw new ApiError(404, "Agent not found");
  return agent;
}

async function requireConversation(ctx: HandlerContext<unknown, Query, AgentParams>, conversationId: string): Promise<ConversationRow> {
  const user = requireUser(ctx);
  const conversation = await findConversation(ctx.sql, ctx.tenant.id, user.id, ctx.params.agent_id, conversationId);
  if (!conversation) throw new ApiError(404, "Conversation not found");
  return conversation;
}

const listAvailable: Handler<unknown, Paging> = async (ctx) => ok((await listActiveAgents(ctx.sql, ctx.tenant.id, ctx.query.skip, ctx.query.limit)).map(toAgent));

const getAgent: Handler<unknown, Query, AgentParams> = async (ctx) => ok(toAgent(await requireAgent(ctx)));

/**
 * Runs the agent deterministically: its reply_template filled with the user's message. Usage is
 * checked before the run (402) and recorded with the execution, and with conversation_id the
 * saved messages are the context and the new exchange is appended, all in one transaction.
 */
const chat: Handler<Input<typeof ChatRequest>, Query, AgentParams> = async (ctx) => {
  const user = requireUser(ctx);
  const agent = await requireAgent(ctx);
  const body = ctx.body;
  const now = ctx.now();
  return await ctx.sql.tx(async () => {
    const conversation = body.conversation_id === undefined ? undefined : await requireConversation(ctx, body.conversation_id);
    if (conversation?.status === "ENDED") throw new ApiError(400, "Conversation has ended");
    const account = await requireAiUsageAllowance(ctx.sql, ctx.tenant.id, user.id, now);

    const sent: ChatMessage[] = [...(body.messages ?? []), ...(body.input === undefined ? [] : [{ role: "user" as const, content: body.input }])];
    const history: ChatMessage[] = conversation ? await listConversationMessages(ctx.sql, ctx.tenant.id, conversation.id) : [];
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
        [...sent, { role: "assistant", content: output.text, tokensUsed, metadata: { model, execution_id: execution.id } }],
        now,
      );
    }
    await recordAiRequest(ctx.sql, account, prompt, output.completionTokens, now);
    return ok(toExecution(execution));
  });
};

const history: Handler<unknown, Paging, AgentParams> = async (ctx) => {
  const user = requireUser(ctx);
  await requireAgent(ctx);
  return ok((await listExecutions(ctx.sql, ctx.tenant.id, user.id, ctx.params.agent_id, ctx.query.skip, ctx.query.limit)).map(toExecution));
};

const createConversation: Handler<Input<typeof CreateConversationRequest> | undefined, Query, AgentParams> = async (ctx) => {
  const user = requireUser(ctx);
  const agent = await requireAgent(ctx);
  return created(toConversation(await insertConversation(ctx.sql, ctx.tenant.id, user.id, agent.id, ctx.body?.title ?? null, ctx.now())));
};

const listUserConversations: Handler<unknown, Paging, AgentParams> = async (ctx) => {
  const user = requireUser(ctx);
  await requireAgent(ctx);
  return ok((await listConversations(ctx.sql, ctx.tenant.id, user.id, ctx.params.agent_id, ctx.query.skip, ctx.query.limit)).map(toConversation));
};

const getConversation: Handler<unknown, Query, ConversationParams> = async (ctx) => {
  const conversation = await requireConversation(ctx, ctx.params.conversation_id);
  return ok(toConversationWithMessages(conversation, await listConversationMessages(ctx.sql, ctx.tenant.id, conversation.id)));
};

const endUserConversation: Handler<unknown, Query, ConversationParams> = async (ctx) => {
  await endConversation(ctx.sql, await requireConversation(ctx, ctx.params.conversation_id), ctx.now());
  return noContent();
};

export const agentsHandlers: HandlerMap = {
  "agents.list-available": listAvailable,
  "agents.get-agent": getAgent,
  "agents.chat": chat,
  "agents.history": history,
  "agents.create-conversation": createConversation,
  "agents.list-conversations": listUserConversations,
  "agents.get-conversation": getConversation,
  "agents.end-conversation": endUserConversation,
};
