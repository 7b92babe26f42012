import type { UsageCheckRequest, UsageConsumeRequest } from "@/lib/catalog/schemas/usage";
import { ApiError } from "../errors";
import { usagePeriod } from "../resources/org-usage";
import {
  addUsage,
  countEntities,
  findPlanLimits,
  findUsageCounter,
  fits,
  listUsageCounters,
  messagesMeter,
  requireMembership,
  toCurrentUsage,
  toUsageHistoryRecord,
  toUsageStats,
  tokensMeter,
  usageTotals,
  type UsageKey,
} from "../resources/usage";
import { ok, requireUser } from "./helpers";
import type { Handler, HandlerContext, HandlerMap, Input } from "./types";

type OrgQuery = { organization_id: string };
type UsageRequest = Input<typeof UsageCheckRequest> | Input<typeof UsageConsumeRequest>;

/** The signed-in user's usage key in the organization, after checking membership (403). */
function memberKey(ctx: HandlerContext, organizationId: string): UsageKey {
  const user = requireUser(ctx);
  requireMembership(ctx.sql, ctx.tenant.id, organizationId, user.id);
  return { tenantId: ctx.tenant.id, organizationId, userId: user.id };
}

/** The period's usage against the plan. */
function currentState(ctx: HandlerContext, key: UsageKey) {
  const now = ctx.now();
  const period = usagePeriod(now);
  return { period, limits: findPlanLimits(ctx.sql, key.tenantId, key.organizationId, now), used: usageTotals(findUsageCounter(ctx.sql, key, period)) };
}

const current: Handler<unknown, OrgQuery> = (ctx) => {
  const { period, limits, used } = currentState(ctx, memberKey(ctx, ctx.query.organization_id));
  // Every tenant is seeded with a free plan and nothing deletes plans: no plan is a broken tenant.
  if (!limits) throw new Error("the tenant has no free plan");
  return ok(toCurrentUsage(limits, used, period));
};

const stats: Handler<unknown, OrgQuery> = (ctx) => {
  const { period, limits, used } = currentState(ctx, memberKey(ctx, ctx.query.organization_id));
  return ok(toUsageStats(limits, used, period));
};

const history: Handler<unknown, OrgQuery & { limit: number; offset: number }> = (ctx) => {
  const key = memberKey(ctx, ctx.query.organization_id);
  return ok(listUsageCounters(ctx.sql, key, ctx.query.limit, ctx.query.offset).map(toUsageHistoryRecord));
};

const entityUsage: Handler<unknown, OrgQuery> = (ctx) => {
  const key = memberKey(ctx, ctx.query.organization_id);
  const counts = countEntities(ctx.sql, key.tenantId, key.organizationId);
  return ok({ organization_id: key.organizationId, schemas_count: counts.schemas, records_count: counts.records });
};

/** The meter the request's amount is measured against, for the user named in the body (must be the caller). */
function requestedMeter(ctx: HandlerContext<UsageRequest>, forbidden: string) {
  const user = requireUser(ctx);
  if (ctx.body.user_id !== user.id) throw new ApiError(403, forbidden);
  const key = memberKey(ctx, ctx.body.organization_id);
  const { limits, used } = currentState(ctx, key);
  const meter = ctx.body.usage_type === "messages" ? messagesMeter(limits, used) : tokensMeter(limits, used);
  return { key, limits, meter, allowed: fits(meter, ctx.body.tokens) };
}

const check: Handler<Input<typeof UsageCheckRequest>> = (ctx) => {
  const { meter, allowed } = requestedMeter(ctx, "Cannot check usage for another user");
  return ok({
    allowed,
    current_usage: meter.current,
    max_limit: meter.max,
    remaining: meter.remaining,
    requested: ctx.body.tokens,
    error: allowed ? null : "Usage limit exceeded",
  });
};

const consume: Handler<Input<typeof UsageConsumeRequest>> = (ctx) =>
  ctx.sql.tx(() => {
    const { key, limits, allowed } = requestedMeter(ctx, "Cannot consume usage for another user");
    if (!allowed) throw new ApiError(402, "Usage limit exceeded");
    const amount = ctx.body.tokens;
    addUsage(ctx.sql, key, limits?.planId ?? null, ctx.body.usage_type === "messages" ? { messages: amount } : { tokensIn: amount }, ctx.now());
    const after = requestedMeter(ctx, "Cannot consume usage for another user").meter;
    return ok({
      success: true,
      consumed: amount,
      usage_type: ctx.body.usage_type,
      allowed: true,
      limits: { current_usage: after.current, max_limit: after.max, remaining: after.remaining },
      error: null,
    });
  });

export const usageHandlers: HandlerMap = {
  "usage.current": current,
  "usage.history": history,
  "usage.entity-usage": entityUsage,
  "usage.stats": stats,
  "usage.check": check,
  "usage.consume": consume,
};
