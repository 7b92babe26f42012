import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { User, UserPage, UserStats, UserWithSettings } from "@/lib/catalog/schemas/user";
import type { UserRow } from "../resources/user";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

let tenant: TenantRow;
let client: SandboxClient;
let otherClient: SandboxClient;
/** An admin's token: create-user takes sk_live_* and a JWT. */
let adminToken: string;

beforeAll(async () => {
  tenant = await newTenant();
  client = sandboxClient(tenant);
  otherClient = sandboxClient(await newTenant());
  adminToken = (await newUser(tenant)).tokens.access_token;
});

const expectError = expectCatalogError;

describe("POST /v1/users", () => {
  it("creates a user from the backend with defaults for what is left out", async () => {
    const res = await client.call("POST", "/v1/users", {
      key: "secret",
      token: adminToken,
      body: { sub: "auth0|created-1", email: "Imported@Example.com", display_name: "Imported" },
    });
    expect(res.status).toBe(201);
    const user = await expectMatchesCatalog<User>("users.create-user", res);
    expect(user).toMatchObject({
      sub: "auth0|created-1",
      email: "imported@example.com",
      display_name: "Imported",
      locale: "en",
      is_email_verified: false,
      status: "pending",
      is_active: true,
      tenant_id: tenant.id,
      settings: null,
    });
  });

  it("answers 409 for a sub or an email already in the tenant, and allows them in another tenant", async () => {
    await client.call("POST", "/v1/users", {
      key: "secret",
      token: adminToken,
      body: { sub: "dup|1", email: "dup@example.com" },
    });
    const sameSub = await client.call("POST", "/v1/users", {
      key: "secret",
      token: adminToken,
      body: { sub: "dup|1" },
    });
    await expectError("users.create-user", sameSub, 409, "User already exists");
    const sameEmail = await client.call("POST", "/v1/users", {
      key: "secret",
      token: adminToken,
      body: { sub: "dup|2", email: "DUP@example.com" },
    });
    await expectError("users.create-user", sameEmail, 409, "User already exists");

    const otherAdmin = (await newUser(otherClient.tenant!)).tokens.access_token;
    const elsewhere = await otherClient.call("POST", "/v1/users", {
      key: "secret",
      token: otherAdmin,
      body: { sub: "dup|1", email: "dup@example.com" },
    });
    expect(elsewhere.status).toBe(201);
  });

  it("creates deactivated users on request, and refuses another tenant's id", async () => {
    const inactive = await client.call("POST", "/v1/users", {
      key: "secret",
      token: adminToken,
      body: { sub: "inactive|1", is_active: false, status: "active" },
    });
    expect(await expectMatchesCatalog<User>("users.create-user", inactive)).toMatchObject({
      is_active: false,
      status: "active",
      email: null,
    });

    const foreign = await client.call("POST", "/v1/users", {
      key: "secret",
      token: adminToken,
      body: { sub: "x|1", tenant_id: otherClient.tenant!.id },
    });
    expect(foreign.status).toBe(422);
    expect(await expectMatchesCatalog("users.create-user", foreign)).toEqual({
      detail: [{ loc: ["body", "tenant_id"], msg: "tenant_id must be the API key's tenant", type: "value_error" }],
    });
  });

  it("needs the JWT as well as the secret key", async () => {
    await expectError(
      "users.create-user",
      await client.call("POST", "/v1/users", { key: "secret", body: { sub: "nojwt|1" } }),
      401,
      "Not authenticated",
    );
  });
});

describe("GET /v1/users and /v1/users/stats", () => {
  let listTenant: TenantRow;
  let list: SandboxClient;
  beforeAll(async () => {
    listTenant = await newTenant();
    list = sandboxClient(listTenant);
    const users: UserRow[] = [];
    for (let i = 0; i < 5; i++) users.push((await newUser(listTenant)).user);
    await list.call("DELETE", `/v1/users/${users[4]!.id}`, { key: "secret" });
  });

  it("pages the active users in SQL order of creation", async () => {
    const first = await expectMatchesCatalog<UserPage>(
      "users.list-users",
      await list.call("GET", "/v1/users", { key: "secret", query: { per_page: "3" } }),
    );
    expect({ ...first, users: first.users.length }).toEqual({
      users: 3,
      total: 4,
      page: 1,
      per_page: 3,
      has_next: true,
      has_prev: false,
    });
    const second = await expectMatchesCatalog<UserPage>(
      "users.list-users",
      await list.call("GET", "/v1/users", { key: "secret", query: { per_page: "3", page: "2" } }),
    );
    expect({ ...second, users: second.users.length }).toEqual({
      users: 1,
      total: 4,
      page: 2,
      per_page: 3,
      has_next: false,
      has_prev: true,
    });
    const ids = [...first.users, ...second.users].map((u) => u.id);
    expect(new Set(ids).size).toBe(4);
    expect([...first.users, ...second.users].every((u) => u.is_active && u.tenant_id === listTenant.id)).toBe(true);
  });

  it("includes deactivated users with include_inactive=true", async () => {
    const all = await expectMatchesCatalog<UserPage>(
      "users.list-users",
      await list.call("GET", "/v1/users", { key: "secret", query: { include_inactive: "true" } }),
    );
    expect(all.total).toBe(5);
    expect(all.users.filter((u) => !u.is_active)).toHaveLength(1);
  });

  it("counts total, active and inactive users of the tenant only", async () => {
    const stats = await expectMatchesCatalog<UserStats>(
      "users.user-stats",
      await list.call("GET", "/v1/users/stats", { key: "secret" }),
    );
    expect(stats).toEqual({ total_users: 5, active_users: 4, inactive_users: 1 });
  });

  it("is secret-key only", async () => {
    const res = await list.call("GET", "/v1/users", { key: "public" });
    await expectError("users.list-users", res, 403, "This endpoint requires a secret API key (sk_live_*)");
  });
});

describe("GET /v1/users/{user_id}", () => {
  it("reads any user with the secret key, only oneself with a public key", async () => {
    const alice = await newUser(tenant);
    const bob = await newUser(tenant);
    const bySecret = await client.call("GET", `/v1/users/${bob.user.id}`, { key: "secret" });
    expect(await expectMatchesCatalog<User>("users.get-user", bySecret)).toMatchObject({
      id: bob.user.id,
      settings: null,
    });

    const self = await client.call("GET", `/v1/users/${alice.user.id}`, { token: alice.tokens.access_token });
    expect(await expectMatchesCatalog<User>("users.get-user", self)).toMatchObject({
      id: alice.user.id,
      email: alice.user.email,
    });

    await expectError(
      "users.get-user",
      await client.call("GET", `/v1/users/${bob.user.id}`, { token: alice.tokens.access_token }),
      404,
      "User not found",
    );
    await expectError("users.get-user", await client.call("GET", `/v1/users/${bob.user.id}`), 404, "User not found");
    await expectError(
      "users.get-user",
      await client.call("GET", `/v1/users/${randomUUID()}`, { key: "secret" }),
      404,
      "User not found",
    );
  });

  it("includes the settings on request", async () => {
    const { user } = await newUser(tenant);
    const res = await client.call("GET", `/v1/users/${user.id}`, {
      key: "secret",
      query: { include_settings: "true" },
    });
    expect((await expectMatchesCatalog<User>("users.get-user", res)).settings).toEqual({});
  });
});

describe("PUT /v1/users/{user_id} and /settings", () => {
  it("updates the fields sent, oneself with a public key", async () => {
    const { user, tokens } = await newUser(tenant, { displayName: "Before" });
    const res = await client.call("PUT", `/v1/users/${user.id}`, {
      token: tokens.access_token,
      body: { locale: "fr", avatar_url: "https://cdn.example.com/a.png" },
    });
    expect(await expectMatchesCatalog<User>("users.update-user", res)).toMatchObject({
      display_name: "Before",
      locale: "fr",
      avatar_url: "https://cdn.example.com/a.png",
    });
    const renamed = await client.call("PUT", `/v1/users/${user.id}`, {
      token: tokens.access_token,
      body: { display_name: "After" },
    });
    expect(await expectMatchesCatalog<User>("users.update-user", renamed)).toMatchObject({
      display_name: "After",
      locale: "fr",
    });
  });

  it("lets the secret key update anyone; a public key only oneself (403)", async () => {
    const alice = await newUser(tenant);
    const bob = await newUser(tenant);
    const byAdmin = await client.call("PUT", `/v1/users/${bob.user.id}`, {
      key: "secret",
      token: adminToken,
      body: { display_name: "Bobby" },
    });
    expect(await expectMatchesCatalog<User>("users.update-user", byAdmin)).toMatchObject({
      id: bob.user.id,
      display_name: "Bobby",
    });

    const byAlice = await client.call("PUT", `/v1/users/${bob.user.id}`, {
      token: alice.tokens.access_token,
      body: { display_name: "Hacked" },
    });
    await expectError("users.update-user", byAlice, 403, "Not enough permissions");
    const missing = await client.call("PUT", `/v1/users/${randomUUID()}`, {
      key: "secret",
      token: adminToken,
      body: {},
    });
    await expectError("users.update-user", missing, 404, "User not found");
  });

  it("stores the settings object and answers the user with it", async () => {
    const alice = await newUser(tenant);
    const bob = await newUser(tenant);
    const res = await client.call("PUT", `/v1/users/${alice.user.id}/settings`, {
      token: alice.tokens.access_token,
      body: { theme: "dark", digest: { weekly: true } },
    });
    expect(res.status).toBe(200);
    const saved = await expectMatchesCatalog<UserWithSettings>("users.update-user-settings", res);
    expect(saved.settings).toEqual({ theme: "dark", digest: { weekly: true } });

    const read = await client.call("GET", `/v1/users/${alice.user.id}`, {
      token: alice.tokens.access_token,
      query: { include_settings: "1" },
    });
    expect((await expectMatchesCatalog<User>("users.get-user", read)).settings).toEqual({
      theme: "dark",
      digest: { weekly: true },
    });

    const other = await client.call("PUT", `/v1/users/${bob.user.id}/settings`, {
      token: alice.tokens.access_token,
      body: {},
    });
    await expectError("users.update-user-settings", other, 403, "Not enough permissions");
    const missing = await client.call("PUT", `/v1/users/${randomUUID()}/settings`, {
      key: "secret",
      token: adminToken,
      body: {},
    });
    await expectError("users.update-user-settings", missing, 404, "User not found");
  });
});

describe("deactivate, activate and delete", () => {
  it("a user deactivates their own account: its tokens stop working, and the secret key reactivates it", async () => {
    const { user, tokens } = await newUser(tenant);
    const res = await client.call("POST", `/v1/users/${user.id}/deactivate`, { token: tokens.access_token });
    expect(await expectMatchesCatalog<User>("users.deactivate-user", res)).toMatchObject({
      id: user.id,
      is_active: false,
    });

    const after = await client.call("GET", `/v1/users/${user.id}`, { token: tokens.access_token });
    expect(after.status).toBe(401);
    const refresh = await client.call("POST", "/v1/auth/refresh", { body: { refresh_token: tokens.refresh_token } });
    expect(refresh.status).toBe(401);

    const activated = await client.call("POST", `/v1/users/${user.id}/activate`, { key: "secret" });
    expect(await expectMatchesCatalog<User>("users.activate-user", activated)).toMatchObject({
      id: user.id,
      is_active: true,
    });
  });

  it("a public key cannot deactivate another user; the secret key can", async () => {
    const alice = await newUser(tenant);
    const bob = await newUser(tenant);
    const byAlice = await client.call("POST", `/v1/users/${bob.user.id}/deactivate`, {
      token: alice.tokens.access_token,
    });
    await expectError("users.deactivate-user", byAlice, 403, "Not enough permissions");
    const byAdmin = await client.call("POST", `/v1/users/${bob.user.id}/deactivate`, {
      key: "secret",
      token: adminToken,
    });
    expect((await expectMatchesCatalog<User>("users.deactivate-user", byAdmin)).is_active).toBe(false);
    const missing = await client.call("POST", `/v1/users/${randomUUID()}/deactivate`, {
      key: "secret",
      token: adminToken,
    });
    await expectError("users.deactivate-user", missing, 404, "User not found");
  });

  it("delete is a soft delete (204): the user is kept, deactivated, and can be activated again", async () => {
    const { user } = await newUser(tenant);
    const res = await client.call("DELETE", `/v1/users/${user.id}`, { key: "secret" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    await expectMatchesCatalog("users.delete-user", res);

    const kept = await client.call("GET", `/v1/users/${user.id}`, { key: "secret" });
    expect((await expectMatchesCatalog<User>("users.get-user", kept)).is_active).toBe(false);
    const back = await client.call("POST", `/v1/users/${user.id}/activate`, { key: "secret" });
    expect((await expectMatchesCatalog<User>("users.activate-user", back)).is_active).toBe(true);

    await expectError(
      "users.delete-user",
      await client.call("DELETE", `/v1/users/${randomUUID()}`, { key: "secret" }),
      404,
      "User not found",
    );
    await expectError(
      "users.activate-user",
      await client.call("POST", `/v1/users/${randomUUID()}/activate`, { key: "secret" }),
      404,
      "User not found",
    );
  });
});

describe("tenant isolation", () => {
  it("another tenant's keys reach none of this tenant's users", async () => {
    const { user } = await newUser(tenant);
    const otherToken = (await newUser(otherClient.tenant!)).tokens.access_token;
    const id = user.id;
    await expectError(
      "users.get-user",
      await otherClient.call("GET", `/v1/users/${id}`, { key: "secret" }),
      404,
      "User not found",
    );
    await expectError(
      "users.update-user",
      await otherClient.call("PUT", `/v1/users/${id}`, {
        key: "secret",
        token: otherToken,
        body: { display_name: "x" },
      }),
      404,
      "User not found",
    );
    await expectError(
      "users.update-user-settings",
      await otherClient.call("PUT", `/v1/users/${id}/settings`, { key: "secret", token: otherToken, body: {} }),
      404,
      "User not found",
    );
    await expectError(
      "users.deactivate-user",
      await otherClient.call("POST", `/v1/users/${id}/deactivate`, { key: "secret", token: otherToken }),
      404,
      "User not found",
    );
    await expectError(
      "users.activate-user",
      await otherClient.call("POST", `/v1/users/${id}/activate`, { key: "secret" }),
      404,
      "User not found",
    );
    await expectError(
      "users.delete-user",
      await otherClient.call("DELETE", `/v1/users/${id}`, { key: "secret" }),
      404,
      "User not found",
    );
    // This tenant's token is not valid with the other tenant's key.
    const alice = await newUser(tenant);
    const crossed = await otherClient.call("GET", `/v1/users/${alice.user.id}`, { token: alice.tokens.access_token });
    expect(crossed.status).toBe(401);

    const listed = await expectMatchesCatalog<UserPage>(
      "users.list-users",
      await otherClient.call("GET", "/v1/users", { key: "secret", query: { per_page: "100" } }),
    );
    expect(listed.users.every((u) => u.tenant_id === otherClient.tenant!.id)).toBe(true);
    expect(listed.users.map((u) => u.id)).not.toContain(id);
    const unchanged = await expectMatchesCatalog<User>(
      "users.get-user",
      await client.call("GET", `/v1/users/${id}`, { key: "secret" }),
    );
    expect(unchanged).toMatchObject({ is_active: true, display_name: user.display_name });
  });
});
