import { hashPasswordSync } from "../auth/passwords";
import { issueSession, type IssuedTokens } from "../auth/sessions";
import { insertUser, type UserRow } from "../resources/user";
import { getStore } from "../store";
import { createTenant, type CreateTenantOptions, type TenantRow } from "../tenants";

/** Direct database set-up for tests (real code, no HTTP): tenants, users and sessions in one line each. */

export const TEST_PASSWORD = "SecurePass123";

export function newTenant(options: CreateTenantOptions = {}, now = new Date()): TenantRow {
  return createTenant(getStore(), options, now);
}

let users = 0;

/** A verified, active user with TEST_PASSWORD (or none), plus a session. */
export function newUser(
  tenant: TenantRow,
  options: { email?: string; password?: string | null; displayName?: string } = {},
  now = new Date(),
): { user: UserRow; tokens: IssuedTokens } {
  users += 1;
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  const user = insertUser(
    getStore(),
    tenant.id,
    {
      email: options.email ?? `user${users}@example.com`,
      passwordHash: password === null ? null : hashPasswordSync(password),
      displayName: options.displayName ?? `Test User ${users}`,
      isEmailVerified: true,
      status: "active",
    },
    now,
  );
  return { user, tokens: issueSession(getStore(), tenant.id, user.id, now) };
}
