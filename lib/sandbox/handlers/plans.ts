import { findPlan, listActivePlans, listFreePlans, pagePlans, toPlan } from "../resources/plan";
import { defineHandler } from "./define";
import { ok } from "./helpers";

const listPlans = defineHandler("plans.list-plans", async (ctx) => {
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
});

const activePlans = defineHandler("plans.list-active-plans", async (ctx) =>
  ok((await listActivePlans(ctx.sql, ctx.tenant.id)).map(toPlan)),
);

const freePlans = defineHandler("plans.list-free-plans", async (ctx) =>
  ok((await listFreePlans(ctx.sql, ctx.tenant.id)).map(toPlan)),
);

/** Any plan of the tenant, deactivated ones included (a subscription may still name one). */
const getPlan = defineHandler("plans.get-plan", async (ctx) => {
  const row = await findPlan(ctx.sql, ctx.tenant.id, ctx.params.plan_id);
  if (!row) return ctx.fail(404);
  return ok(toPlan(row));
});

/** Handlers of the plans endpoints (plans are seeded per tenant: seed.ts). */
export const plansHandlers = [listPlans, activePlans, freePlans, getPlan];
