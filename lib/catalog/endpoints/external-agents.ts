import { z } from "zod";
import { defineEndpoint } from "../define";
import { uuid } from "../primitives";
import {
  ExternalAgentCall,
  externalAgentCallExample,
  ExternalAgentCallRequest,
  externalAgentCallRequestExample,
} from "../schemas/external-agent-call";

const category = "external_agents";

export const externalAgentsEndpoints = [
  defineEndpoint({
    category,
    slug: "register-call",
    method: "POST",
    path: "/v1/external-agents/{agent_id}/calls",
    summary: "Register an external agent call",
    description:
      "Records one call made by an external agent (for example an N8N workflow): tokens, cost, duration and outcome, for analytics and cost tracking. Nothing is billed.",
    auth: { keys: ["secret"], jwt: "required" },
    rateLimit: { count: 120, windowSeconds: 60, scope: "ip" },
    pathParams: z.object({ agent_id: uuid().describe("The external agent ID") }),
    body: {
      contentType: "application/json",
      schema: ExternalAgentCallRequest,
      examples: [
        { name: "success", value: externalAgentCallRequestExample },
        {
          name: "error",
          summary: "A failed call, user and organization taken from the token",
          value: { input_tokens: 800, status: "ERROR", error_message: "Upstream model timed out", duration_ms: 30000 },
        },
      ],
    },
    responses: [
      {
        status: 201,
        description: "The recorded call; total_tokens is filled in when it was omitted",
        schema: ExternalAgentCall,
        examples: [{ name: "created", value: externalAgentCallExample }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "External agent not found",
        when: "No external agent with this ID exists in the tenant.",
        source: "implied",
      },
    ],
    notes: [
      "Does NOT add to tenant billing: the tenant pays the AI provider directly. This endpoint is for tracking and analytics only.",
      "Needs the secret key and a user's access token: call it from your server or workflow, forwarding the end user's JWT. user_id defaults to that user and organization_id to the user's default organization.",
      "total_tokens defaults to input_tokens + output_tokens; input_tokens, output_tokens, cost_usd and duration_ms default to 0 and status to SUCCESS.",
    ],
    keywords: ["n8n", "workflow", "report usage", "analytics", "cost tracking", "log llm call", "telemetry", "webhook"],
  }),
];
