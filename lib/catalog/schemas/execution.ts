import { z } from "zod";
import { datetime, EXAMPLE_IDS, jsonObject, uuid } from "../primitives";
import { ChatMessage } from "./completion";

export const EXECUTION_STATUSES = ["SUCCESS", "FAILED", "PENDING"] as const;

/** One run of an agent: the chat answer, also listed by the history endpoint (AgentExecutionResponse). */
export const AgentExecution = z
  .object({
    id: uuid().describe("Execution ID"),
    agent_id: uuid(),
    tenant_id: uuid(),
    user_id: uuid().describe("The user who sent the input"),
    organization_id: uuid().describe("The user's organization the usage is counted against"),
    input_text: z.string().describe("The user's input"),
    output_text: z.string().describe("The agent's answer"),
    tokens_used: z.number().int().min(0),
    execution_time_ms: z.number().int().min(0),
    status: z.enum(EXECUTION_STATUSES).describe("FAILED executions carry error_message"),
    error_message: z.string().nullable(),
    execution_metadata: jsonObject().nullable().describe("Details such as the model and temperature used"),
    created_at: datetime(),
  })
  .meta({ title: "AgentExecution" });
export type AgentExecution = z.infer<typeof AgentExecution>;

export const agentExecutionExample: AgentExecution = {
  id: EXAMPLE_IDS.execution,
  agent_id: EXAMPLE_IDS.agent,
  tenant_id: EXAMPLE_IDS.tenant,
  user_id: EXAMPLE_IDS.user,
  organization_id: EXAMPLE_IDS.organization,
  input_text: "Hello, how can you help me?",
  output_text: "I'm an AI assistant designed to help you with...",
  tokens_used: 150,
  execution_time_ms: 1234,
  status: "SUCCESS",
  error_message: null,
  execution_metadata: { model: "gpt-4o", temperature: 0.7 },
  created_at: "2024-01-30T10:30:00Z",
};

export const failedAgentExecutionExample: AgentExecution = {
  ...agentExecutionExample,
  output_text: "",
  tokens_used: 0,
  execution_time_ms: 30012,
  status: "FAILED",
  error_message: "Tool call timed out",
};

/** POST /v1/user/agents/{agent_id}/chat. */
export const ChatRequest = z
  .object({
    messages: z
      .array(ChatMessage)
      .min(1)
      .optional()
      .describe('Chat messages, oldest first, e.g. [{ role: "user", content: "..." }]. Give messages or input.'),
    input: z.string().min(1).optional().describe("A single user input, instead of messages. Give messages or input."),
    conversation_id: uuid()
      .optional()
      .describe("Conversation to continue: its previous messages are injected and the new ones are saved"),
    model: z.string().min(1).optional().describe("LLM model override"),
    temperature: z.number().min(0).max(2).optional().describe("Sampling temperature, 0-2"),
    max_tokens: z.number().int().positive().optional().describe("Upper bound on generated tokens"),
    use_tools: z.boolean().default(true).describe("Let the agent call its tools"),
    use_rag: z.boolean().default(true).describe("Let the agent retrieve context from its knowledge bases"),
  })
  .refine((v) => v.messages !== undefined || v.input !== undefined, {
    message: "Provide messages or input",
    path: ["messages"],
  })
  .meta({ title: "ChatRequest" });
export type ChatRequest = z.input<typeof ChatRequest>;
