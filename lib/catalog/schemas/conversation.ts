import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, jsonObject, uuid } from "../primitives";
import { chatRole } from "./completion";

export const CONVERSATION_STATUSES = ["ACTIVE", "ENDED"] as const;

/** A persistent chat session between the user and an agent (ConversationResponse). */
export const Conversation = z
  .object({
    id: uuid(),
    tenant_id: uuid(),
    user_id: uuid().describe("The user who owns the conversation"),
    agent_id: uuid(),
    title: z.string().nullable(),
    status: z.enum(CONVERSATION_STATUSES).describe("ACTIVE accepts new messages; ENDED is closed for good"),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "Conversation" });
export type Conversation = z.infer<typeof Conversation>;

export const conversationExample: Conversation = {
  id: EXAMPLE_IDS.conversation,
  tenant_id: EXAMPLE_IDS.tenant,
  user_id: EXAMPLE_IDS.user,
  agent_id: EXAMPLE_IDS.agent,
  title: "Billing questions",
  status: "ACTIVE",
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};

/** One saved message of a conversation. */
export const ConversationMessage = z
  .object({
    id: uuid(),
    role: chatRole().describe("Who wrote the message"),
    content: z.string(),
    tokens_used: z.number().int().min(0).nullable().describe("Tokens the message cost, when known"),
    message_metadata: jsonObject().nullable().describe("Details such as the model used"),
    created_at: datetime(),
  })
  .meta({ title: "ConversationMessage" });
export type ConversationMessage = z.infer<typeof ConversationMessage>;

/** A conversation with all its messages, oldest first. */
export const ConversationWithMessages = Conversation.extend({
  messages: z.array(ConversationMessage).describe("All messages, oldest first"),
}).meta({ title: "ConversationWithMessages" });
export type ConversationWithMessages = z.infer<typeof ConversationWithMessages>;

export const conversationWithMessagesExample: ConversationWithMessages = {
  ...conversationExample,
  updated_at: "2024-01-15T10:31:02Z",
  messages: [
    {
      id: "8b0e8400-e29b-41d4-a716-446655440019",
      role: "user",
      content: "How do I change my plan?",
      tokens_used: null,
      message_metadata: null,
      created_at: "2024-01-15T10:31:00Z",
    },
    {
      id: "9c0e8400-e29b-41d4-a716-446655440020",
      role: "assistant",
      content: "Open Settings → Billing and choose Change plan.",
      tokens_used: 42,
      message_metadata: { model: "gpt-4o" },
      created_at: "2024-01-15T10:31:02Z",
    },
  ],
};

export const CreateConversationRequest = z
  .object({
    title: z.string().optional().describe("Conversation title shown in your UI"),
  })
  .meta({ title: "CreateConversationRequest" });
