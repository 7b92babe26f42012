import { revokeUserSessions } from "../auth/sessions";
import {
  countUsers,
  findUserByEmail,
  findUserById,
  findUserBySub,
  insertUser,
  listUsers,
  setUserActive,
  setUserSettings,
  toUser,
  updateUserProfile,
  type UserRow,
} from "../resources/user";
import { defineHandler } from "./define";
import { created, noContent, ok } from "./helpers";
import type { Raises, TenantContext } from "./types";

/**
 * The user a self-service endpoint acts on: any user of the tenant with sk_live_*, only the
 * JWT's own user with pk_live_* (another user_id answers 403 before any lookup, revealing nothing).
 */
async function selfServiceTarget(
  ctx: TenantContext & Raises<403, "Not enough permissions"> & Raises<404, "User not found">,
  userId: string,
): Promise<UserRow> {
  if (ctx.keyKind === "public" && userId !== ctx.userId) return ctx.fail(403, "Not enough permissions");
  const user = await findUserById(ctx.sql, ctx.tenant.id, userId);
  if (!user) return ctx.fail(404, "User not found");
  return user;
}

const createUser = defineHandler("users.create-user", async (ctx) => {
  const { sql, tenant, body } = ctx;
  if (body.tenant_id !== undefined && body.tenant_id !== tenant.id) {
    return ctx.fail(422, [
      { loc: ["body", "tenant_id"], msg: "tenant_id must be the API key's tenant", type: "value_error" },
    ]);
  }
  const user = await sql.tx(async () => {
    if (
      (await findUserBySub(sql, tenant.id, body.sub)) ||
      (body.email && (await findUserByEmail(sql, tenant.id, body.email)))
    ) {
      return ctx.fail(409);
    }
    return insertUser(
      sql,
      tenant.id,
      {
        email: body.email ?? null,
        sub: body.sub,
        displayName: body.display_name,
        avatarUrl: body.avatar_url,
        locale: body.locale,
        isEmailVerified: body.is_email_verified,
        status: body.status,
        isActive: body.is_active,
      },
      ctx.now(),
    );
  });
  return created(toUser(user));
});

const listUsersHandler = defineHandler("users.list-users", async (ctx) => {
  const { page, per_page, include_inactive } = ctx.query;
  const { rows, total } = await listUsers(ctx.sql, ctx.tenant.id, {
    page,
    perPage: per_page,
    includeInactive: include_inactive,
  });
  return ok({
    users: rows.map((row) => toUser(row)),
    total,
    page,
    per_page,
    has_next: page * per_page < total,
    has_prev: page > 1,
  });
});

const userStats = defineHandler("users.user-stats", async (ctx) => {
  const { total, active, inactive } = await countUsers(ctx.sql, ctx.tenant.id);
  return ok({ total_users: total, active_users: active, inactive_users: inactive });
});

// With pk_live_* another user answers 404, as documented, so that user's existence is not revealed.
const getUser = defineHandler("users.get-user", async (ctx) => {
  if (ctx.keyKind === "public" && ctx.params.user_id !== ctx.userId) return ctx.fail(404);
  const user = await findUserById(ctx.sql, ctx.tenant.id, ctx.params.user_id);
  if (!user) return ctx.fail(404);
  return ok(toUser(user, { includeSettings: ctx.query.include_settings }));
});

const updateUser = defineHandler("users.update-user", async (ctx) => {
  const target = await selfServiceTarget(ctx, ctx.params.user_id);
  const { display_name, avatar_url, locale } = ctx.body;
  const user = await updateUserProfile(
    ctx.sql,
    ctx.tenant.id,
    target.id,
    { displayName: display_name, avatarUrl: avatar_url, locale },
    ctx.now(),
  );
  if (!user) return ctx.fail(404);
  return ok(toUser(user));
});

const updateSettings = defineHandler("users.update-user-settings", async (ctx) => {
  const target = await selfServiceTarget(ctx, ctx.params.user_id);
  const user = await setUserSettings(ctx.sql, ctx.tenant.id, target.id, ctx.body, ctx.now());
  if (!user) return ctx.fail(404);
  return ok(toUser(user, { includeSettings: true }));
});

/** Deactivation ends the user's sessions: a reactivated user signs in again. */
async function deactivate(ctx: TenantContext & Raises<404, "User not found">, target: UserRow): Promise<UserRow> {
  const now = ctx.now();
  return await ctx.sql.tx(async () => {
    const user = await setUserActive(ctx.sql, ctx.tenant.id, target.id, false, now);
    if (!user) return ctx.fail(404, "User not found");
    await revokeUserSessions(ctx.sql, ctx.tenant.id, target.id, now);
    return user;
  });
}

const deactivateUser = defineHandler("users.deactivate-user", async (ctx) =>
  ok(toUser(await deactivate(ctx, await selfServiceTarget(ctx, ctx.params.user_id)))),
);

const activateUser = defineHandler("users.activate-user", async (ctx) => {
  const user = await setUserActive(ctx.sql, ctx.tenant.id, ctx.params.user_id, true, ctx.now());
  if (!user) return ctx.fail(404);
  return ok(toUser(user));
});

// Soft delete: the record is deactivated, not erased, and can be activated again.
const deleteUser = defineHandler("users.delete-user", async (ctx) => {
  const target = await findUserById(ctx.sql, ctx.tenant.id, ctx.params.user_id);
  if (!target) return ctx.fail(404);
  await deactivate(ctx, target);
  return noContent();
});

/** Handlers of the users endpoints, keyed by endpoint id. */
export const usersHandlers = [
  createUser,
  listUsersHandler,
  userStats,
  getUser,
  updateUser,
  updateSettings,
  deactivateUser,
  activateUser,
  deleteUser,
];
