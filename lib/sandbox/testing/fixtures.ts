import { randomUUID } from "node:crypto";
import { hashPasswordSync } from "../auth/passwords";
import { issueSession, type IssuedTokens } from "../auth/sessions";
import { insertUser, type UserRow } from "../resources/user";
import { getStore } from "../store";
import { createTenant, type CreateTenantOptions, type TenantRow } from "../tenants";

/** Direct database set-up for tests (real code, no HTTP): tenants, users and sessions in one line each. */

export const TEST_PASSWORD = "SecurePass123";

export async function newTenant(options: CreateTenantOptions = {}, now = new Date()): Promise<TenantRow> {
  return createTenant(await getStore(), options, now);
}

let users = 0;

/** A verified, active user with TEST_PASSWORD (or none), plus a session. */
export async function newUser(
  tenant: TenantRow,
  options: { email?: string; password?: string | null; displayName?: string } = {},
  now = new Date(),
): Promise<{ user: UserRow; tokens: IssuedTokens }> {
  users += 1;
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  const user = await insertUser(
    await getStore(),
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
  return { user, tokens: await issueSession(await getStore(), tenant.id, user.id, now) };
}

/** An organization owned by `ownerId`, written straight to the database. */
export async function addOrganization(tenant: TenantRow, ownerId: string): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await (
    await getStore()
  ).run(
    `INSERT INTO organizations (id, tenant_id, name, slug, description, logo_url, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
    [id, tenant.id, "Acme", `acme-${id.slice(0, 8)}`, ownerId, at, at],
  );
  await addMember(tenant, id, ownerId, "owner");
  return id;
}

/** An active membership with `role`. */
export async function addMember(
  tenant: TenantRow,
  organizationId: string,
  userId: string,
  role = "member",
): Promise<void> {
  const at = new Date().toISOString();
  await (
    await getStore()
  ).run(
    `INSERT INTO memberships (id, tenant_id, organization_id, user_id, role, is_active, joined_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    [randomUUID(), tenant.id, organizationId, userId, role, at, at],
  );
}
