import type { ExternalAgentCallRequest } from "@/lib/catalog/schemas/external-agent-call";
import { ApiError } from "../errors";
import { externalAgentExists, insertExternalAgentCall, toExternalAgentCall } from "../resources/external-agent-call";
import { findOrganization } from "../resources/organization";
import { findUsageOrganization } from "../resources/usage";
import { findUserById } from "../resources/user";
import { created, requireUser } from "./helpers";
import type { Handler, HandlerMap, Input, Query } from "./types";

/** A 422 for an id of the body that names nothing in the tenant. */
const unknownId = (field: string, what: string) => new ApiError(422, [{ loc: ["body", field], msg: `${what} not found in this tenant`, type: "value_error" }]);

/**
 * Records a reported call; nothing is billed. user_id defaults to the token's user, organization_id
 * to that user's organization (the default one, else the first joined, else none).
 */
const registerCall: Handler<Input<typeof ExternalAgentCallRequest>, Query, { agent_id: string }> = async (ctx) => {
  const caller = requireUser(ctx);
  const body = ctx.body;
  if (!await externalAgentExists(ctx.sql, ctx.tenant.id, ctx.params.agent_id)) throw new ApiError(404, "External agent not found");
  const userId = body.user_id ?? caller.id;
  if (!await findUserById(ctx.sql, ctx.tenant.id, userId)) throw unknownId("user_id", "User");
  if (body.organization_id !== undefined && !await findOrganization(ctx.sql, ctx.tenant.id, body.organization_id)) throw unknownId("organization_id", "Organization");
  const organizationId = body.organization_id ?? await findUsageOrganization(ctx.sql, ctx.tenant.id, userId) ?? null;
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
};

export const externalAgentsHandlers: HandlerMap = { "external_agents.register-call": registerCall };
