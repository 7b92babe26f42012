import { beforeAll, describe, expect, it } from "vitest";
import type { Department } from "@/lib/catalog/schemas/department";
import type { Organization } from "@/lib/catalog/schemas/organization";
import { newId } from "../db/sql";
import type { TenantRow } from "../tenants";
import { expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

type Detail = { detail: string };

describe("GET /v1/departments/{department_id}", () => {
  let tenant: TenantRow;
  let client: SandboxClient;
  let ownerId: string;
  let outsiderId: string;
  let department: Department;

  beforeAll(async () => {
    tenant = await newTenant();
    client = sandboxClient(tenant);
    const owner = await newUser(tenant);
    ownerId = owner.user.id;
    outsiderId = (await newUser(tenant)).user.id;
    const created = await client.call("POST", "/v1/organizations", {
      token: owner.tokens.access_token,
      body: { name: "Dept Co", slug: "dept-co" },
    });
    const org = (await created.json()) as Organization;
    const list = await client.call("GET", `/v1/organizations/${org.id}/departments`, {
      token: owner.tokens.access_token,
    });
    department = ((await list.json()) as Department[])[0]!;
  });

  it("returns the department to a member named by user_id, with no JWT", async () => {
    const res = await client.call("GET", `/v1/departments/${department.id}`, { query: { user_id: ownerId } });
    expect(res.status).toBe(200);
    expect(await expectMatchesCatalog<Department>("departments.get", res)).toEqual(department);
    expect(department).toMatchObject({ name: "General", is_default: true });
    const secret = await client.call("GET", `/v1/departments/${department.id}`, {
      query: { user_id: ownerId },
      key: "secret",
    });
    expect(secret.status).toBe(200);
  });

  it("403 for a user who is not a member, 404 for an unknown department, 422 without user_id", async () => {
    const notMember = await client.call("GET", `/v1/departments/${department.id}`, { query: { user_id: outsiderId } });
    const body = await expectMatchesCatalog<Detail>("departments.get", notMember);
    expect([notMember.status, body.detail]).toEqual([403, "User is not a member of this organization"]);

    const missing = await client.call("GET", `/v1/departments/${newId()}`, { query: { user_id: ownerId } });
    expect([missing.status, (await expectMatchesCatalog<Detail>("departments.get", missing)).detail]).toEqual([
      404,
      "Department not found",
    ]);

    const noUser = await client.call("GET", `/v1/departments/${department.id}`);
    expect(noUser.status).toBe(422);
    await expectMatchesCatalog("departments.get", noUser);
  });

  it("another tenant's key reaches nothing: 404 even with the right user_id", async () => {
    const other = sandboxClient(await newTenant());
    const res = await other.call("GET", `/v1/departments/${department.id}`, { query: { user_id: ownerId } });
    expect([res.status, (await expectMatchesCatalog<Detail>("departments.get", res)).detail]).toEqual([
      404,
      "Department not found",
    ]);
  });
});
