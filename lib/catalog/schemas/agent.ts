import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, jsonObject, uuid } from "../primitives";

export const AGENT_RESPONSE_TYPES = ["text", "audio", "video"] as const;
export const RAG_PROVIDERS = ["NONE", "GOOGLE_FILE_SEARCH"] as const;

/** An AI agent the tenant has published to its end users (AgentResponse). */
export const Agent = z
  .object({
    id: uuid(),
    tenant_id: uuid(),
    name: z.string(),
    description: z.string().nullable(),
    system_prompt: z.string().describe("Instructions the agent runs with"),
    response_type: z.enum(AGENT_RESPONSE_TYPES).describe("Kind of answer the agent produces"),
    rag_provider: z.enum(RAG_PROVIDERS).describe("Knowledge-base retrieval backend; NONE when the agent has no RAG"),
    is_active: z.boolean(),
    rag_config: jsonObject().nullable().describe("Retrieval settings of the RAG provider, if any"),
    mcp_servers: z
      .array(jsonObject().describe("MCP server config"))
      .describe("MCP servers that give the agent its tools"),
    created_by: uuid().describe("Tenant user who created the agent"),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "Agent" });
export type Agent = z.infer<typeof Agent>;

export const agentExample: Agent = {
  id: EXAMPLE_IDS.agent,
  tenant_id: EXAMPLE_IDS.tenant,
  name: "Support Assistant",
  description: "Answers questions about your account and our products",
  system_prompt: "You are a friendly support assistant. Answer concisely.",
  response_type: "text",
  rag_provider: "GOOGLE_FILE_SEARCH",
  is_active: true,
  rag_config: { store: "product-docs" },
  mcp_servers: [],
  created_by: "7a0e8400-e29b-41d4-a716-446655440018",
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};
