import { externalAgentExists, insertExternalAgentCall, toExternalAgentCall } from "../resources/external-agent-call";
import { findOrganization } from "../resources/organization";
import { findUsageOrganization } from "../resources/usage";
import { findUserById } from "../resources/user";
import { defineHandler } from "./define";
import { created, requireUser } from "./helpers";
import type { ValidationIssue } from "../validation";

/** The 422 field error for an id of the body that names nothing in the tenant. */
const unknownId = (field: string, what: string): ValidationIssue[] => [
  { loc: ["body", field], msg: `${what} not found in this tenant`, type: "value_error" },
];

/**
 * Records a reported call; nothing is billed. user_id defaults to the token's user, organization_id
 * to that user's organization (the default one, else the first joined, else none).
 */
const registerCall = defineHandler("external_agents.register-call", async (ctx) => {
  const caller = requireUser(ctx);
  const body = ctx.body;
  if (!(await externalAgentExists(ctx.sql, ctx.tenant.id, ctx.params.agent_id))) return ctx.fail(404);
  const userId = body.user_id ?? caller.id;
  if (!(await findUserById(ctx.sql, ctx.tenant.id, userId))) return ctx.fail(422, unknownId("user_id", "User"));
  if (body.organization_id !== undefined && !(await findOrganization(ctx.sql, ctx.tenant.id, body.organization_id)))
    return ctx.fail(422, unknownId("organization_id", "Organization"));
  const organizationId = body.organization_id ?? (await findUsageOrganization(ctx.sql, ctx.tenant.id, userId)) ?? null;
  const call = await insertExternalAgentCall(
    ctx.sql,
    {
      tenantId: ctx.tenant.id,
      externalAgentId: ctx.params.agent_id,
      userId,
      organizationId,
      inputTokens: body.input_tokens,
      outputTokens: body.output_tokens,
      totalTokens: body.total_tokens ?? body.input_tokens + body.output_tokens,
      costUsd: body.cost_usd,
      durationMs: body.duration_ms,
      status: body.status,
      errorMessage: body.error_message ?? null,
      callMetadata: body.call_metadata ?? null,
    },
    ctx.now(),
  );
  return created(toExternalAgentCall(call));
});

export const externalAgentsHandlers = [registerCall];
