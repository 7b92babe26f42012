import { ApiError } from "../errors";
import { findPlan, listActivePlans, listFreePlans, pagePlans, toPlan } from "../resources/plan";
import { ok } from "./helpers";
import type { Handler, HandlerMap, Query } from "./types";

const listPlans: Handler<unknown, { skip: number; limit: number; include_inactive: boolean }> = async (ctx) => {
  const { skip, limit, include_inactive } = ctx.query;
  const { rows, total } = await pagePlans(ctx.sql, ctx.tenant.id, { skip, limit, includeInactive: include_inactive });
  return ok({
    plans: rows.map(toPlan),
    total,
    page: Math.floor(skip / limit) + 1,
    per_page: limit,
    has_next: skip + rows.length < total,
    has_prev: skip > 0,
  });
};

const activePlans: Handler = async (ctx) => ok((await listActivePlans(ctx.sql, ctx.tenant.id)).map(toPlan));

const freePlans: Handler = async (ctx) => ok((await listFreePlans(ctx.sql, ctx.tenant.id)).map(toPlan));

/** Any plan of the tenant, deactivated ones included (a subscription may still name one). */
const getPlan: Handler<unknown, Query, { plan_id: string }> = async (ctx) => {
  const row = await findPlan(ctx.sql, ctx.tenant.id, ctx.params.plan_id);
  if (!row) throw new ApiError(404, "Plan not found");
  return ok(toPlan(row));
};

/** Handlers of the plans endpoints (plans are seeded per tenant: seed.ts). */
export const plansHandlers: HandlerMap = {
  "plans.list-plans": listPlans,
  "plans.list-active-plans": activePlans,
  "plans.list-free-plans": freePlans,
  "plans.get-plan": getPlan,
};
