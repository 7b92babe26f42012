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
import { defineHandler } from "./define";
import { ok, requireUser } from "./helpers";
import type { BodyOf, Raises, TenantContext } from "./types";

/** The signed-in user's usage key in the organization, after checking membership (403). */
async function memberKey(ctx: TenantContext, organizationId: string): Promise<UsageKey> {
  const user = requireUser(ctx);
  await requireMembership(ctx.sql, ctx.tenant.id, organizationId, user.id);
  return { tenantId: ctx.tenant.id, organizationId, userId: user.id };
}

/** The period's usage against the plan. */
async function currentState(ctx: TenantContext, key: UsageKey) {
  const now = ctx.now();
  const period = usagePeriod(now);
  return {
    period,
    limits: await findPlanLimits(ctx.sql, key.tenantId, key.organizationId, now),
    used: usageTotals(await findUsageCounter(ctx.sql, key, period)),
  };
}

const current = defineHandler("usage.current", async (ctx) => {
  const { period, limits, used } = await currentState(ctx, await memberKey(ctx, ctx.query.organization_id));
  // Every tenant is seeded with a free plan and nothing deletes plans: no plan is a broken tenant.
  if (!limits) throw new Error("the tenant has no free plan");
  return ok(toCurrentUsage(limits, used, period));
});

const stats = defineHandler("usage.stats", async (ctx) => {
  const { period, limits, used } = await currentState(ctx, await memberKey(ctx, ctx.query.organization_id));
  return ok(toUsageStats(limits, used, period));
});

const history = defineHandler("usage.history", async (ctx) => {
  const key = await memberKey(ctx, ctx.query.organization_id);
  return ok((await listUsageCounters(ctx.sql, key, ctx.query.limit, ctx.query.offset)).map(toUsageHistoryRecord));
});

const entityUsage = defineHandler("usage.entity-usage", async (ctx) => {
  const key = await memberKey(ctx, ctx.query.organization_id);
  const counts = await countEntities(ctx.sql, key.tenantId, key.organizationId);
  return ok({ organization_id: key.organizationId, schemas_count: counts.schemas, records_count: counts.records });
});

/** The meter the request's amount is measured against, for the user named in the body (must be the caller). */
async function requestedMeter<F extends string>(
  ctx: TenantContext & Raises<403, F> & { body: BodyOf<"usage.check"> | BodyOf<"usage.consume"> },
  forbidden: F,
) {
  const user = requireUser(ctx);
  if (ctx.body.user_id !== user.id) return ctx.fail(403, forbidden);
  const key = await memberKey(ctx, ctx.body.organization_id);
  const { limits, used } = await currentState(ctx, key);
  const meter = ctx.body.usage_type === "messages" ? messagesMeter(limits, used) : tokensMeter(limits, used);
  return { key, limits, meter, allowed: fits(meter, ctx.body.tokens) };
}

const check = defineHandler("usage.check", async (ctx) => {
  const { meter, allowed } = await requestedMeter(ctx, "Cannot check usage for another user");
  return ok({
    allowed,
    current_usage: meter.current,
    max_limit: meter.max,
    remaining: meter.remaining,
    requested: ctx.body.tokens,
    error: allowed ? null : "Usage limit exceeded",
  });
});

const consume = defineHandler(
  "usage.consume",
  async (ctx) =>
    await ctx.sql.tx(async () => {
      const { key, limits, allowed } = await requestedMeter(ctx, "Cannot consume usage for another user");
      if (!allowed) return ctx.fail(402);
      const amount = ctx.body.tokens;
      await addUsage(
        ctx.sql,
        key,
        limits?.planId ?? null,
        ctx.body.usage_type === "messages" ? { messages: amount } : { tokensIn: amount },
        ctx.now(),
      );
      const after = (await requestedMeter(ctx, "Cannot consume usage for another user")).meter;
      return ok({
        success: true,
        consumed: amount,
        usage_type: ctx.body.usage_type,
        allowed: true,
        limits: { current_usage: after.current, max_limit: after.max, remaining: after.remaining },
        error: null,
      });
    }),
);

export const usageHandlers = [current, history, entityUsage, stats, check, consume];
