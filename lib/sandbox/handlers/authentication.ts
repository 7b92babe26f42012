import { createHash } from "node:crypto";
import { consumeEmailToken, createEmailToken } from "../auth/email-tokens";
import { createOAuthState, errorRedirect, tokenRedirect, verifyOAuthCode, verifyOAuthState } from "../auth/oauth";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { issueSession, refreshSession, revokeSession, revokeUserSessions } from "../auth/sessions";
import { isoTime, type Sql } from "../db/sql";
import { sendBrowserTo } from "../leave-portal";
import { mailLink } from "../mail-links";
import { findUserByEmail, findUserById, insertUser, toAuthUser, type UserRow } from "../resources/user";
import { getTenant, isExpired } from "../tenants";
import { defineHandler } from "./define";
import { created, message, ok, requireUser } from "./helpers";
import type { TenantContext } from "./types";

/** Tokens plus the user: login, refresh and register without verification answer this. */
async function signIn(ctx: TenantContext, user: UserRow) {
  return { ...(await issueSession(ctx.sql, ctx.tenant.id, user.id, ctx.now())), user: toAuthUser(user) };
}

async function sendVerification(ctx: TenantContext, user: UserRow, returnTo?: string) {
  const token = await createEmailToken(ctx.sql, ctx.tenant.id, user.id, "verification", ctx.now());
  const { link, returnToIgnored } = mailLink(ctx.origin, "verification", token, returnTo);
  // Said in the mail, so a developer reading the outbox knows why the link is not their return_to.
  const why = returnToIgnored
    ? `\n(The sandbox links only to this portal, so it did not use return_to ${returnTo}.)`
    : "";
  await ctx.outbox.send({
    to: user.email ?? "",
    kind: "verification",
    subject: "Verify your email address",
    body: `Confirm your email address by opening ${link}\nThe link is valid for 24 hours.${why}`,
    token,
    link,
  });
}

async function markVerified(sql: Sql, tenantId: string, userId: string, now: Date) {
  await sql.run(
    `UPDATE users SET is_email_verified = 1, status = CASE WHEN status = 'pending' THEN 'active' ELSE status END, updated_at = ? WHERE tenant_id = ? AND id = ?`,
    [isoTime(now), tenantId, userId],
  );
}

async function setPassword(sql: Sql, user: UserRow, hash: string, now: Date) {
  await sql.run(`UPDATE users SET password_hash = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`, [
    hash,
    isoTime(now),
    user.tenant_id,
    user.id,
  ]);
}

const register = defineHandler("authentication.register", async (ctx) => {
  const { sql, tenant, body } = ctx;
  if (await findUserByEmail(sql, tenant.id, body.email)) return ctx.fail(409);
  const passwordHash = await hashPassword(body.password);
  const verify = tenant.email_verification === 1;
  const user = await sql.tx(async () => {
    if (await findUserByEmail(sql, tenant.id, body.email)) return ctx.fail(409);
    return insertUser(
      sql,
      tenant.id,
      {
        email: body.email,
        passwordHash,
        displayName: body.display_name,
        locale: body.locale,
        isEmailVerified: !verify,
        status: verify ? "pending" : "active",
      },
      ctx.now(),
    );
  });
  if (!verify) return created(await signIn(ctx, user));
  await sendVerification(ctx, user, body.return_to);
  return created({
    message: "Registration successful. Please check your email to verify your account.",
    verification_required: true,
  });
});

const login = defineHandler("authentication.login", async (ctx) => {
  const user = await findUserByEmail(ctx.sql, ctx.tenant.id, ctx.body.email);
  const valid = await verifyPassword(ctx.body.password, user?.password_hash ?? null);
  if (!user || !valid) return ctx.fail(401);
  if (user.is_active !== 1) return ctx.fail(403, "User account is inactive");
  if (ctx.tenant.email_verification === 1 && user.is_email_verified !== 1) return ctx.fail(403);
  return ok(await signIn(ctx, user));
});

const refresh = defineHandler("authentication.refresh", async (ctx) => {
  const session = await refreshSession(ctx.sql, ctx.tenant.id, ctx.body.refresh_token, ctx.now());
  const user = session ? await findUserById(ctx.sql, ctx.tenant.id, session.userId) : undefined;
  if (!session || !user || user.is_active !== 1) return ctx.fail(401);
  const { access_token, refresh_token, token_type, expires_in } = session;
  return ok({ access_token, refresh_token, token_type, expires_in, user: toAuthUser(user) });
});

const me = defineHandler("authentication.me", async (ctx) => ok(toAuthUser(requireUser(ctx))));

const logout = defineHandler("authentication.logout", async (ctx) => {
  if (ctx.sessionId) await revokeSession(ctx.sql, ctx.tenant.id, ctx.sessionId, ctx.now());
  return message("Successfully logged out");
});

// Answers the same whether or not the account exists, so accounts cannot be discovered.
const forgotPassword = defineHandler("authentication.forgot-password", async (ctx) => {
  const user = await findUserByEmail(ctx.sql, ctx.tenant.id, ctx.body.email);
  if (user && user.is_active === 1 && user.email) {
    const token = await createEmailToken(ctx.sql, ctx.tenant.id, user.id, "password_reset", ctx.now());
    const { link } = mailLink(ctx.origin, "password_reset", token);
    await ctx.outbox.send({
      to: user.email,
      kind: "password_reset",
      subject: "Reset your password",
      body: `Choose a new password by opening ${link}\nThe link is valid for 1 hour. If you did not ask for it, ignore this mail.`,
      token,
      link,
    });
  }
  return message("Password reset email sent");
});

const resetPassword = defineHandler("authentication.reset-password", async (ctx) => {
  const hash = await hashPassword(ctx.body.new_password);
  const now = ctx.now();
  await ctx.sql.tx(async () => {
    const used = await consumeEmailToken(ctx.sql, "password_reset", ctx.body.token, now, ctx.tenant.id);
    const user = used && (await findUserById(ctx.sql, ctx.tenant.id, used.userId));
    if (!user) return ctx.fail(400);
    await setPassword(ctx.sql, user, hash, now);
    await revokeUserSessions(ctx.sql, ctx.tenant.id, user.id, now);
  });
  return message("Password reset successfully");
});

const changePassword = defineHandler("authentication.change-password", async (ctx) => {
  const user = requireUser(ctx);
  if (!(await verifyPassword(ctx.body.current_password, user.password_hash))) return ctx.fail(400);
  await setPassword(ctx.sql, user, await hashPassword(ctx.body.new_password), ctx.now());
  return message("Password changed successfully");
});

const verifyEmail = defineHandler("authentication.verify-email", async (ctx) => {
  const used = await consumeEmailToken(ctx.sql, "verification", ctx.body.token, ctx.now(), ctx.tenant.id);
  if (!used) return ctx.fail(400);
  await markVerified(ctx.sql, used.tenantId, used.userId, ctx.now());
  return message("Email verified successfully");
});

// No API key: the token names the tenant.
const verifyEmailWithToken = defineHandler("authentication.verify-email-with-token", async (ctx) => {
  const used = await consumeEmailToken(ctx.sql, "verification", ctx.body.token, ctx.now());
  const tenant = used && (await getTenant(ctx.sql, used.tenantId));
  if (!used || !tenant || isExpired(tenant, ctx.now())) return ctx.fail(400);
  await markVerified(ctx.sql, used.tenantId, used.userId, ctx.now());
  return message("Email verified successfully");
});

const resendVerification = defineHandler("authentication.resend-verification", async (ctx) => {
  const user = await findUserByEmail(ctx.sql, ctx.tenant.id, ctx.body.email);
  if (user && user.is_email_verified !== 1) await sendVerification(ctx, user);
  return message("Verification email sent");
});

const providers = defineHandler("authentication.providers", async (ctx) =>
  ok({ providers: ctx.tenant.google_enabled === 1 ? [{ provider: "google", name: "Google" }] : [] }),
);

const googleUrl = defineHandler("authentication.google-url", async (ctx) => {
  if (ctx.tenant.google_enabled !== 1) return ctx.fail(400, "Google sign-in is not enabled for this tenant");
  // The sandbox allows any http(s) redirect_uri; the real API checks the tenant's configured list.
  if (!/^https?:$/.test(new URL(ctx.query.redirect_uri).protocol)) return ctx.fail(400);
  const state = await createOAuthState(
    ctx.sql,
    { tenantId: ctx.tenant.id, redirectUri: ctx.query.redirect_uri },
    ctx.now(),
  );
  return ok({ authorization_url: `${ctx.origin}/sandbox/oauth/google?state=${encodeURIComponent(state)}` });
});

// redirect_uri is the app's: off the portal's allowed hosts the browser gets a page with the link, not a redirect.
const SIGNED_IN = { status: 302, purpose: "Google sign-in is done." } as const;
const FAILED = { status: 302, purpose: "Google sign-in failed." } as const;

// Reached from the sandbox consent page as Google would reach the API: the state names tenant and redirect_uri.
const googleCallback = defineHandler("authentication.google-callback", async (ctx) => {
  const now = ctx.now();
  const state = await verifyOAuthState(ctx.sql, ctx.query.state, now);
  const tenant = state && (await getTenant(ctx.sql, state.tenantId));
  if (!state || !tenant || isExpired(tenant, now)) {
    return ctx.fail(422, [{ loc: ["query", "state"], msg: "Invalid or expired OAuth state", type: "value_error" }]);
  }
  const identity = await verifyOAuthCode(ctx.sql, ctx.query.code, tenant.id, now);
  if (!identity)
    return sendBrowserTo(errorRedirect(state.redirectUri, "Invalid or expired authorization code"), FAILED);
  const user = await ctx.sql.tx(async () => {
    const existing = await findUserByEmail(ctx.sql, tenant.id, identity.email);
    if (existing) {
      if (existing.is_email_verified !== 1) await markVerified(ctx.sql, tenant.id, existing.id, now);
      return existing;
    }
    const sub = `google|${createHash("sha256").update(identity.email.toLowerCase()).digest("hex").slice(0, 21)}`;
    return insertUser(
      ctx.sql,
      tenant.id,
      { email: identity.email, displayName: identity.displayName, isEmailVerified: true, status: "active", sub },
      now,
    );
  });
  if (user.is_active !== 1) return sendBrowserTo(errorRedirect(state.redirectUri, "User account is inactive"), FAILED);
  return sendBrowserTo(
    tokenRedirect(state.redirectUri, await issueSession(ctx.sql, tenant.id, user.id, now)),
    SIGNED_IN,
  );
});

export const authenticationHandlers = [
  register,
  login,
  refresh,
  me,
  logout,
  forgotPassword,
  resetPassword,
  changePassword,
  verifyEmail,
  verifyEmailWithToken,
  resendVerification,
  providers,
  googleUrl,
  googleCallback,
];
