import { SHARED_DETAIL } from "../errors";
import { z } from "zod";
import { defineEndpoint } from "../define";
import { EXAMPLE_IDS, skipLimit, uuid } from "../primitives";
import { Agent, agentExample } from "../schemas/agent";
import {
  Conversation,
  conversationExample,
  ConversationWithMessages,
  conversationWithMessagesExample,
  CreateConversationRequest,
} from "../schemas/conversation";
import { AgentExecution, agentExecutionExample, ChatRequest, failedAgentExecutionExample } from "../schemas/execution";

const category = "agents";
const apiKeyAndJwt = { keys: ["public", "secret"], jwt: "required" } as const;

const agentId = uuid().describe("The agent's ID");
const agentPath = z.object({ agent_id: agentId });
const conversationPath = z.object({
  agent_id: agentId,
  conversation_id: uuid().describe("The conversation's ID"),
});

const agentNotFound = {
  status: 404,
  detail: "Agent not found",
  when: "No active agent with this ID is available to the tenant's users.",
  source: "implied",
} as const;
const conversationNotFound = {
  status: 404,
  detail: "Conversation not found",
  when: "No conversation with this ID belongs to the user and this agent.",
  source: "implied",
} as const;

export const agentsEndpoints = [
  defineEndpoint({
    category,
    slug: "list-available",
    method: "GET",
    path: "/v1/user/agents/available",
    summary: "List available agents for end-users",
    description: "Lists the active agents the tenant has made available to its end users, for an agent picker.",
    auth: apiKeyAndJwt,
    query: z.object(skipLimit(50, 100)),
    responses: [
      {
        status: 200,
        description: "Available agents",
        schema: z.array(Agent),
        examples: [{ name: "ok", value: [agentExample] }],
      },
    ],
    notes: [
      "Returns only active agents that the tenant has made available.",
      "The agent's system_prompt is part of the answer: do not display it unless the tenant wants it shown.",
    ],
    keywords: ["ai assistants", "chatbots", "bots", "browse agents", "agent picker", "catalogue"],
  }),
  defineEndpoint({
    category,
    slug: "get-agent",
    method: "GET",
    path: "/v1/user/agents/{agent_id}",
    summary: "Get agent details by ID",
    description: "Returns one available agent: name, description, answer type, retrieval and tool settings.",
    auth: apiKeyAndJwt,
    pathParams: agentPath,
    responses: [
      { status: 200, description: "The agent", schema: Agent, examples: [{ name: "ok", value: agentExample }] },
    ],
    errors: [agentNotFound],
    keywords: ["agent info", "bot details", "assistant profile", "response type", "rag"],
  }),
  defineEndpoint({
    category,
    slug: "chat",
    method: "POST",
    path: "/v1/user/agents/{agent_id}/chat",
    summary: "Chat with an agent (execute)",
    description:
      "Sends messages (or a single input) to an agent and returns its answer as an execution record. With conversation_id, the conversation's earlier messages are given to the agent and the new exchange is saved to it. Counts against the plan's usage limits.",
    auth: apiKeyAndJwt,
    rateLimit: { count: 60, windowSeconds: 60, scope: "user" },
    pathParams: agentPath,
    body: {
      contentType: "application/json",
      schema: ChatRequest,
      examples: [
        {
          name: "messages",
          value: { messages: [{ role: "user", content: "Hello, how can you help me?" }], temperature: 0.7 },
        },
        {
          name: "input",
          summary: "A single input instead of messages",
          value: { input: "What are your opening hours?" },
        },
        {
          name: "conversation",
          summary: "Continue a saved conversation",
          value: {
            conversation_id: EXAMPLE_IDS.conversation,
            messages: [{ role: "user", content: "And how do I cancel?" }],
            use_rag: true,
          },
        },
      ],
    },
    responses: [
      {
        status: 200,
        description: "The execution: the agent's answer in output_text, or status FAILED with error_message",
        schema: AgentExecution,
        examples: [
          { name: "ok", value: agentExecutionExample },
          { name: "failed", summary: "The agent run failed", value: failedAgentExecutionExample },
        ],
      },
    ],
    errors: [
      {
        status: 400,
        detail: "Conversation has ended",
        when: "conversation_id names a conversation whose status is ENDED.",
        source: "implied",
      },
      {
        status: 402,
        detail: SHARED_DETAIL.usageLimitExceeded,
        when: "The organization's plan has no messages or AI budget left for the current period.",
      },
      agentNotFound,
      conversationNotFound,
    ],
    notes: [
      "Give messages or input (at least one); a request with neither is rejected with 422.",
      "Usage is tracked against your plan limits. Use /v1/api/usage/current to check remaining usage.",
      "To keep history across requests, create a conversation and pass its id as conversation_id: previous messages are injected automatically and new ones saved, so send only the new message.",
      "use_tools and use_rag default to true. Agents with tools may take longer to answer while tools run: allow a generous client timeout and show progress.",
      "Check status in the answer: a FAILED execution carries error_message.",
    ],
    keywords: [
      "send message",
      "ask the agent",
      "chatbot",
      "prompt",
      "llm",
      "talk to ai",
      "run agent",
      "assistant reply",
    ],
  }),
  defineEndpoint({
    category,
    slug: "history",
    method: "GET",
    path: "/v1/user/agents/{agent_id}/history",
    summary: "Get your conversation history with an agent",
    description: "Lists the signed-in user's past executions (chat requests and answers) with an agent.",
    auth: { ...apiKeyAndJwt, condition: "Only the caller's own executions are returned." },
    pathParams: agentPath,
    query: z.object(skipLimit(20, 50)),
    responses: [
      {
        status: 200,
        description: "Past executions (same structure as the chat answer)",
        schema: z.array(AgentExecution),
        examples: [{ name: "ok", value: [agentExecutionExample] }],
      },
    ],
    errors: [agentNotFound],
    notes: [
      "Returns only your past interactions with this agent.",
      "These are executions, one per chat request, not the conversations of the /conversations endpoints; to rebuild a saved thread use GET /v1/user/agents/{agent_id}/conversations/{conversation_id}.",
    ],
    keywords: ["past chats", "previous messages", "executions", "chat log", "activity"],
  }),
  defineEndpoint({
    category,
    slug: "create-conversation",
    method: "POST",
    path: "/v1/user/agents/{agent_id}/conversations",
    summary: "Create a new conversation session with an agent",
    description:
      "Starts a persistent conversation with an agent. Pass its id as conversation_id to the chat endpoint so that messages are saved and replayed.",
    auth: apiKeyAndJwt,
    pathParams: agentPath,
    body: {
      contentType: "application/json",
      schema: CreateConversationRequest,
      examples: [
        { name: "titled", value: { title: "Billing questions" } },
        { name: "untitled", value: {} },
      ],
    },
    responses: [
      {
        status: 201,
        description: "The new conversation, ACTIVE",
        schema: Conversation,
        examples: [{ name: "created", value: conversationExample }],
      },
    ],
    errors: [agentNotFound],
    notes: ["Use the returned conversation ID in the chat endpoint's conversation_id field to persist messages."],
    keywords: ["start chat", "new thread", "chat session", "persistent history", "memory", "multi-turn"],
  }),
  defineEndpoint({
    category,
    slug: "list-conversations",
    method: "GET",
    path: "/v1/user/agents/{agent_id}/conversations",
    summary: "List your conversations with an agent",
    description: "Lists the signed-in user's conversations with an agent, active and ended, without their messages.",
    auth: { ...apiKeyAndJwt, condition: "Only the caller's own conversations are returned." },
    pathParams: agentPath,
    query: z.object(skipLimit(20, 50)),
    responses: [
      {
        status: 200,
        description: "Conversations (same shape as the create answer)",
        schema: z.array(Conversation),
        examples: [{ name: "ok", value: [conversationExample] }],
      },
    ],
    errors: [agentNotFound],
    keywords: [
      "conversations",
      "list conversations",
      "my conversations",
      "threads",
      "chat sessions",
      "saved chats",
      "sidebar",
      "inbox",
    ],
  }),
  defineEndpoint({
    category,
    slug: "get-conversation",
    method: "GET",
    path: "/v1/user/agents/{agent_id}/conversations/{conversation_id}",
    summary: "Get a conversation with all messages",
    description: "Returns one of the user's conversations with an agent, including every saved message, oldest first.",
    auth: { ...apiKeyAndJwt, condition: "Only the caller's own conversations are visible." },
    pathParams: conversationPath,
    responses: [
      {
        status: 200,
        description: "The conversation and its messages",
        schema: ConversationWithMessages,
        examples: [{ name: "ok", value: conversationWithMessagesExample }],
      },
    ],
    errors: [conversationNotFound],
    keywords: ["messages", "transcript", "thread", "resume chat", "load chat", "reopen"],
  }),
  defineEndpoint({
    category,
    slug: "end-conversation",
    method: "DELETE",
    path: "/v1/user/agents/{agent_id}/conversations/{conversation_id}",
    summary: "End a conversation (soft close)",
    description:
      "Closes a conversation: its status becomes ENDED and it accepts no new messages. It is kept and can still be read.",
    auth: { ...apiKeyAndJwt, condition: "Only the caller's own conversations can be ended." },
    pathParams: conversationPath,
    responses: [{ status: 204, description: "Ended (no content)", examples: [] }],
    errors: [conversationNotFound],
    notes: [
      "Marks the conversation as ENDED. No new messages can be added; start a new conversation to continue.",
      "Answers 204 No Content: do not parse a JSON body.",
    ],
    keywords: ["close conversation", "finish chat", "archive", "delete conversation", "end thread"],
  }),
];
