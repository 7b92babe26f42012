import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, jsonObject, uuid } from "../primitives";

export const EXTERNAL_CALL_STATUSES = ["SUCCESS", "ERROR"] as const;

/** POST /v1/external-agents/{agent_id}/calls. */
export const ExternalAgentCallRequest = z
  .object({
    user_id: uuid().optional().describe("End user who triggered the call; defaults to the authenticated user"),
    organization_id: uuid().optional().describe("Organization context; defaults to the user's default organization"),
    input_tokens: z.number().int().min(0).default(0).describe("Input tokens consumed"),
    output_tokens: z.number().int().min(0).default(0).describe("Output tokens consumed"),
    total_tokens: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Total tokens; input_tokens + output_tokens when omitted"),
    cost_usd: z.number().min(0).default(0).describe("Cost of the call in USD"),
    duration_ms: z.number().int().min(0).default(0).describe("Call duration in milliseconds"),
    status: z.enum(EXTERNAL_CALL_STATUSES).default("SUCCESS").describe("Outcome of the call"),
    error_message: z.string().optional().describe("Error message when status is ERROR"),
    call_metadata: jsonObject().optional().describe("Arbitrary metadata about the call"),
  })
  .meta({ title: "ExternalAgentCallRequest" });
export type ExternalAgentCallRequest = z.input<typeof ExternalAgentCallRequest>;

/** A recorded call of an external agent (for analytics and cost tracking). */
export const ExternalAgentCall = z
  .object({
    id: uuid(),
    external_agent_id: uuid(),
    tenant_id: uuid(),
    user_id: uuid().nullable(),
    organization_id: uuid().nullable(),
    input_tokens: z.number().int().min(0),
    output_tokens: z.number().int().min(0),
    total_tokens: z.number().int().min(0),
    cost_usd: z.number().min(0),
    duration_ms: z.number().int().min(0),
    status: z.enum(EXTERNAL_CALL_STATUSES),
    error_message: z.string().nullable(),
    call_metadata: jsonObject().nullable(),
    created_at: datetime(),
  })
  .meta({ title: "ExternalAgentCall" });
export type ExternalAgentCall = z.infer<typeof ExternalAgentCall>;

export const externalAgentCallRequestExample: ExternalAgentCallRequest = {
  user_id: EXAMPLE_IDS.user,
  organization_id: EXAMPLE_IDS.organization,
  input_tokens: 1200,
  output_tokens: 350,
  cost_usd: 0.0142,
  duration_ms: 2840,
  status: "SUCCESS",
  call_metadata: { workflow: "lead-enrichment", n8n_execution_id: "48213" },
};

export const externalAgentCallExample: ExternalAgentCall = {
  id: EXAMPLE_IDS.call,
  external_agent_id: EXAMPLE_IDS.externalAgent,
  tenant_id: EXAMPLE_IDS.tenant,
  user_id: EXAMPLE_IDS.user,
  organization_id: EXAMPLE_IDS.organization,
  input_tokens: 1200,
  output_tokens: 350,
  total_tokens: 1550,
  cost_usd: 0.0142,
  duration_ms: 2840,
  status: "SUCCESS",
  error_message: null,
  call_metadata: { workflow: "lead-enrichment", n8n_execution_id: "48213" },
  created_at: EXAMPLE_TIME,
};
