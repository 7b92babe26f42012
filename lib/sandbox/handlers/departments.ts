import { findDepartment, toDepartment } from "../resources/department";
import { findActiveMembership } from "../resources/membership";
import { defineHandler } from "./define";
import { ok } from "./helpers";

/**
 * No JWT: membership is checked for the caller-asserted user_id, as the catalog documents. The
 * department is looked up first, so an unknown id answers 404 whoever is named.
 */
const getDepartment = defineHandler("departments.get", async (ctx) => {
  const department = await findDepartment(ctx.sql, ctx.tenant.id, ctx.params.department_id);
  if (!department) return ctx.fail(404);
  if (!(await findActiveMembership(ctx.sql, ctx.tenant.id, department.organization_id, ctx.query.user_id)))
    return ctx.fail(403);
  return ok(toDepartment(department));
});

/** Handlers of the departments endpoints. */
export const departmentsHandlers = [getDepartment];
