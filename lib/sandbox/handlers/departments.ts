import { ApiError } from "../errors";
import { findDepartment, toDepartment } from "../resources/department";
import { findActiveMembership } from "../resources/membership";
import { ok } from "./helpers";
import type { Handler, HandlerMap } from "./types";

/**
 * No JWT: membership is checked for the caller-asserted user_id, as the catalog documents. The
 * department is looked up first, so an unknown id answers 404 whoever is named.
 */
const getDepartment: Handler<unknown, { user_id: string }, { department_id: string }> = async (ctx) => {
  const department = await findDepartment(ctx.sql, ctx.tenant.id, ctx.params.department_id);
  if (!department) throw new ApiError(404, "Department not found");
  if (!await findActiveMembership(ctx.sql, ctx.tenant.id, department.organization_id, ctx.query.user_id)) {
    throw new ApiError(403, "User is not a member of this organization");
  }
  return ok(toDepartment(department));
};

/** Handlers of the departments endpoints, keyed by endpoint id. */
export const departmentsHandlers: HandlerMap = { "departments.get": getDepartment };
