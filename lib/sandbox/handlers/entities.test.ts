import { beforeAll, describe, expect, it } from "vitest";
import type { OrgRole } from "@/lib/catalog";
import type { z } from "zod";
import {
  RECORD_SEARCH_LIMITS,
  type EntityRecord,
  type EntityRecordPage as RecordPageSchema,
} from "@/lib/catalog/schemas/entity-record";
import type { EntitySchema, EntitySchemaPage as SchemaPageSchema } from "@/lib/catalog/schemas/entity-schema";
import type { ValidationIssue } from "../validation";
import { insertMembership } from "../resources/membership";
import { insertOrganization } from "../resources/organization";
import { getStore } from "../store";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, type CallOptions, type SandboxClient } from "../testing/client";
import { setupTempDatabase, testEngine } from "../testing/database";
import { newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

type EntityRecordPage = z.infer<typeof RecordPageSchema>;
type EntitySchemaPage = z.infer<typeof SchemaPageSchema>;
type Issues = { detail: ValidationIssue[] };

let orgs = 0;
async function newOrganization(tenant: TenantRow, ownerId: string): Promise<string> {
  orgs += 1;
  return (
    await insertOrganization(
      await getStore(),
      tenant.id,
      ownerId,
      { name: `Org ${orgs}`, slug: `org-${orgs}` },
      new Date(),
    )
  ).id;
}
const addMember = async (tenant: TenantRow, orgId: string, userId: string, role: OrgRole) =>
  insertMembership(await getStore(), tenant.id, orgId, userId, role, new Date());

/** A member of a fresh organization of a fresh tenant, calling with the secret key by default. */
interface Actor {
  tenant: TenantRow;
  client: SandboxClient;
  token: string;
  userId: string;
  org: string;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
}

function actorFor(
  tenant: TenantRow,
  client: SandboxClient,
  user: { user: { id: string }; tokens: { access_token: string } },
  org: string,
): Actor {
  return {
    tenant,
    client,
    token: user.tokens.access_token,
    userId: user.user.id,
    org,
    call: (method, path, options = {}) =>
      client.call(method, path, { key: "secret", token: user.tokens.access_token, org, ...options }),
  };
}

/** A clock that moves 1 s per reading, so records get distinct, ordered created_at / updated_at. */
function tickingClock(start = Date.parse("2025-01-01T00:00:00Z")) {
  let t = start;
  return () => new Date((t += 1000));
}

async function newActor(): Promise<Actor> {
  const tenant = await newTenant();
  const owner = await newUser(tenant);
  return actorFor(
    tenant,
    sandboxClient(tenant, { now: tickingClock() }),
    owner,
    await newOrganization(tenant, owner.user.id),
  );
}

const PRODUCTS = {
  name: "Products",
  slug: "products",
  description: "Product catalog",
  fields_definition: {
    name: { type: "string", required: true, max_length: 200, description: "Product name" },
    price: { type: "float", required: true, minimum: 0 },
    qty: { type: "integer" },
    category: { type: "enum", values: ["electronics", "books", "clothing"] },
    status: { type: "enum", values: ["active", "pending", "archived"], default: "active" },
    in_stock: { type: "boolean", default: true },
    released: { type: "datetime" },
  },
};

async function createSchema(a: Actor, body: Record<string, unknown> = PRODUCTS): Promise<EntitySchema> {
  const res = await a.call("POST", "/v1/entity/schemas", { body });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return expectMatchesCatalog<EntitySchema>("entities.create-schema", res);
}

async function createRecord(a: Actor, schemaId: string, data: Record<string, unknown>): Promise<EntityRecord> {
  const res = await a.call("POST", "/v1/entity/records", { body: { schema_id: schemaId, data }, key: "public" });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return expectMatchesCatalog<EntityRecord>("entities.create-record", res);
}

const expectError = expectCatalogError;

async function search(
  a: Actor,
  body: Record<string, unknown>,
  query: Record<string, string> = {},
): Promise<EntityRecordPage> {
  const res = await a.call("POST", "/v1/entity/records/search", { body, query });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
  return expectMatchesCatalog<EntityRecordPage>("entities.search-records", res);
}

async function expect422(id: string, res: Response): Promise<ValidationIssue[]> {
  expect(res.status, id).toBe(422);
  return (await expectMatchesCatalog<Issues>(id, res)).detail;
}

describe("entity schemas", () => {
  let a: Actor;
  beforeAll(async () => {
    a = await newActor();
  });

  it("create → get → update (version bump only when fields change) → delete", async () => {
    const schema = await createSchema(a);
    expect(schema).toMatchObject({
      name: "Products",
      slug: "products",
      description: "Product catalog",
      version: 1,
      is_active: true,
    });
    expect(schema.tenant_id).toBe(a.tenant.id);
    expect(schema.organization_id).toBe(a.org);
    expect(schema.fields_definition.qty).toEqual({ type: "integer", required: false });

    const got = await a.call("GET", `/v1/entity/schemas/${schema.id}`);
    expect(await expectMatchesCatalog("entities.get-schema", got)).toEqual(schema);

    const path = `/v1/entity/schemas/${schema.id}`;
    const renamed = await expectMatchesCatalog<EntitySchema>(
      "entities.update-schema",
      await a.call("PUT", path, { body: { name: "Catalog", description: "All products" } }),
    );
    expect(renamed).toMatchObject({ name: "Catalog", slug: "products", description: "All products", version: 1 });
    expect(renamed.updated_at > schema.updated_at).toBe(true);

    // The same definitions in another key order: no change, no new version.
    const reordered = Object.fromEntries(Object.entries(PRODUCTS.fields_definition).reverse());
    const same = await expectMatchesCatalog<EntitySchema>(
      "entities.update-schema",
      await a.call("PUT", path, { body: { fields_definition: reordered } }),
    );
    expect(same.version).toBe(1);

    const fields = { ...PRODUCTS.fields_definition, sku: { type: "string", min_length: 3, max_length: 32 } };
    const bumped = await expectMatchesCatalog<EntitySchema>(
      "entities.update-schema",
      await a.call("PUT", path, { body: { fields_definition: fields } }),
    );
    expect(bumped.version).toBe(2);
    expect(bumped.fields_definition.sku).toEqual({ type: "string", required: false, min_length: 3, max_length: 32 });
    const again = await expectMatchesCatalog<EntitySchema>(
      "entities.update-schema",
      await a.call("PUT", path, { body: { fields_definition: fields, is_active: false, slug: "catalog" } }),
    );
    expect(again).toMatchObject({ version: 2, is_active: false, slug: "catalog" });

    const deleted = await a.call("DELETE", path);
    expect(deleted.status).toBe(204);
    await expectMatchesCatalog("entities.delete-schema", deleted);
    await expectError("entities.get-schema", await a.call("GET", path), 404, "Entity schema not found");
    await expectError(
      "entities.update-schema",
      await a.call("PUT", path, { body: { name: "x" } }),
      404,
      "Entity schema not found",
    );
    await expectError("entities.delete-schema", await a.call("DELETE", path), 404, "Entity schema not found");
  });

  it("lists the organization's schemas page by page, newest first", async () => {
    const b = await newActor();
    const made: EntitySchema[] = [];
    for (const n of [1, 2, 3]) made.push(await createSchema(b, { ...PRODUCTS, name: `Type ${n}`, slug: `type-${n}` }));
    const first = await expectMatchesCatalog<EntitySchemaPage>(
      "entities.list-schemas",
      await b.call("GET", "/v1/entity/schemas", { query: { size: "2" } }),
    );
    expect(first).toMatchObject({ total: 3, page: 1, size: 2, pages: 2 });
    expect(first.items.map((s) => s.name)).toEqual(["Type 3", "Type 2"]);
    const second = await expectMatchesCatalog<EntitySchemaPage>(
      "entities.list-schemas",
      await b.call("GET", "/v1/entity/schemas", { query: { size: "2", page: "2" } }),
    );
    expect(second.items.map((s) => s.id)).toEqual([made[0]!.id]);
    const beyond = await expectMatchesCatalog<EntitySchemaPage>(
      "entities.list-schemas",
      await b.call("GET", "/v1/entity/schemas", { query: { page: "9" } }),
    );
    expect(beyond).toMatchObject({ items: [], total: 3, pages: 1 });
    const tooBig = await b.call("GET", "/v1/entity/schemas", { query: { size: "101" } });
    expect((await expect422("entities.list-schemas", tooBig))[0]!.loc).toEqual(["query", "size"]);
  });

  it("name and slug are unique per organization (409 with the catalog's details), not across organizations", async () => {
    const b = await newActor();
    const first = await createSchema(b);
    const other = await createSchema(b, { ...PRODUCTS, name: "Orders", slug: "orders" });
    await expectError(
      "entities.create-schema",
      await b.call("POST", "/v1/entity/schemas", { body: { ...PRODUCTS, slug: "other" } }),
      409,
      "Entity schema with this name already exists",
    );
    await expectError(
      "entities.create-schema",
      await b.call("POST", "/v1/entity/schemas", { body: { ...PRODUCTS, name: "Other" } }),
      409,
      "Entity schema with this slug already exists",
    );
    const path = `/v1/entity/schemas/${other.id}`;
    await expectError(
      "entities.update-schema",
      await b.call("PUT", path, { body: { name: "Products" } }),
      409,
      "Entity schema with this name already exists",
    );
    await expectError(
      "entities.update-schema",
      await b.call("PUT", path, { body: { slug: "products" } }),
      409,
      "Entity schema with this slug already exists",
    );
    // Keeping its own name and slug is no clash.
    expect(
      (await b.call("PUT", `/v1/entity/schemas/${first.id}`, { body: { name: "Products", slug: "products" } })).status,
    ).toBe(200);

    const secondOrg = await newOrganization(b.tenant, b.userId);
    expect((await b.call("POST", "/v1/entity/schemas", { body: PRODUCTS, org: secondOrg })).status).toBe(201);
  });

  it("validates fields_definition with the catalog's schema: the 10 field types and their constraints", async () => {
    const all = {
      s: { type: "string", min_length: 1, max_length: 5 },
      t: { type: "text" },
      i: { type: "integer", minimum: 0, maximum: 9 },
      f: { type: "float" },
      b: { type: "boolean" },
      d: { type: "datetime" },
      e: { type: "enum", values: ["x"] },
      m: { type: "email" },
      u: { type: "url" },
      p: { type: "phone" },
    };
    const ok = await createSchema(a, { name: "All types", slug: "all-types", fields_definition: all });
    expect(Object.keys(ok.fields_definition)).toHaveLength(10);

    const bad = async (fields_definition: unknown) =>
      expect422(
        "entities.create-schema",
        await a.call("POST", "/v1/entity/schemas", { body: { name: "Bad", slug: "bad", fields_definition } }),
      );
    expect((await bad({ x: { type: "money" } }))[0]!.loc.slice(0, 3)).toEqual(["body", "fields_definition", "x"]);
    expect((await bad({ x: { type: "enum", values: [] } }))[0]!.loc).toEqual([
      "body",
      "fields_definition",
      "x",
      "values",
    ]);
    expect((await bad({ x: { type: "string", min_length: 5, max_length: 2 } }))[0]!.loc).toEqual([
      "body",
      "fields_definition",
      "x",
      "min_length",
    ]);
    expect(await bad({})).toHaveLength(1);
    const missing = await expect422(
      "entities.create-schema",
      await a.call("POST", "/v1/entity/schemas", { body: { name: "No slug", fields_definition: all } }),
    );
    expect(missing).toEqual([{ loc: ["body", "slug"], msg: "Field required", type: "missing" }]);
  });

  it("delete answers 409 while records exist", async () => {
    const b = await newActor();
    const schema = await createSchema(b);
    const record = await createRecord(b, schema.id, { name: "Pen", price: 1 });
    await expectError(
      "entities.delete-schema",
      await b.call("DELETE", `/v1/entity/schemas/${schema.id}`),
      409,
      "Cannot delete entity schema with existing records",
    );
    expect((await b.call("DELETE", `/v1/entity/records/${record.id}`)).status).toBe(204);
    expect((await b.call("DELETE", `/v1/entity/schemas/${schema.id}`)).status).toBe(204);
  });

  it("schemas take the secret key only, a JWT and X-Organization-Id of an organization the user belongs to", async () => {
    const schema = await createSchema(a, { ...PRODUCTS, name: "Keys", slug: "keys" });
    const id = "entities.get-schema";
    const path = `/v1/entity/schemas/${schema.id}`;
    await expectError(
      id,
      await a.call("GET", path, { key: "public" }),
      403,
      "This endpoint requires a secret API key (sk_live_*)",
    );
    await expectError(
      "entities.list-schemas",
      await a.call("GET", "/v1/entity/schemas", { key: "public" }),
      403,
      "This endpoint requires a secret API key (sk_live_*)",
    );
    await expectError(id, await a.client.call("GET", path, { key: "secret", org: a.org }), 401, "Not authenticated");
    await expectError(
      id,
      await a.client.call("GET", path, { key: "secret", token: a.token }),
      422,
      "X-Organization-Id header is required",
    );
    const stranger = await newUser(a.tenant);
    await expectError(
      id,
      await a.client.call("GET", path, { key: "secret", token: stranger.tokens.access_token, org: a.org }),
      403,
      "Not a member of this organization",
    );
    expect((await expect422(id, await a.call("GET", "/v1/entity/schemas/not-a-uuid")))[0]!.loc).toEqual([
      "path",
      "schema_id",
    ]);
  });

  it("every role of the organization may manage schemas and records", async () => {
    for (const role of ["admin", "member", "developer"] as const) {
      const user = await newUser(a.tenant);
      await addMember(a.tenant, a.org, user.user.id, role);
      const as = actorFor(a.tenant, a.client, user, a.org);
      const schema = await createSchema(as, { ...PRODUCTS, name: `By ${role}`, slug: `by-${role}` });
      const record = await createRecord(as, schema.id, { name: role, price: 1 });
      expect(record.created_by_id).toBe(user.user.id);
    }
  });
});

describe("entity records", () => {
  let a: Actor;
  let schema: EntitySchema;
  beforeAll(async () => {
    a = await newActor();
    schema = await createSchema(a);
  });

  it("create (public key, defaults applied) → get → update (updated_by_id) → delete", async () => {
    const record = await createRecord(a, schema.id, {
      name: "Wireless Headphones",
      price: 149.99,
      category: "electronics",
    });
    expect(record).toMatchObject({
      schema_id: schema.id,
      organization_id: a.org,
      data: { name: "Wireless Headphones", price: 149.99, category: "electronics", status: "active", in_stock: true },
      created_by_id: a.userId,
      updated_by_id: null,
    });
    const path = `/v1/entity/records/${record.id}`;
    const got = await a.call("GET", path, { key: "public" });
    expect(await expectMatchesCatalog("entities.get-record", got)).toEqual(record);

    const editor = await newUser(a.tenant);
    await addMember(a.tenant, a.org, editor.user.id, "member");
    const res = await a.client.call("PUT", path, {
      token: editor.tokens.access_token,
      org: a.org,
      body: { data: { name: "Wireless Headphones", price: 129.99, in_stock: false, qty: null } },
    });
    const updated = await expectMatchesCatalog<EntityRecord>("entities.update-record", res);
    // Data is replaced, not merged: category is gone, defaults apply again, null is kept for an optional field.
    expect(updated.data).toEqual({
      name: "Wireless Headphones",
      price: 129.99,
      in_stock: false,
      qty: null,
      status: "active",
    });
    expect(updated).toMatchObject({
      created_by_id: a.userId,
      updated_by_id: editor.user.id,
      created_at: record.created_at,
    });
    expect(updated.updated_at > record.updated_at).toBe(true);

    const deleted = await a.call("DELETE", path, { key: "public" });
    expect(deleted.status).toBe(204);
    await expectMatchesCatalog("entities.delete-record", deleted);
    await expectError("entities.get-record", await a.call("GET", path), 404, "Entity record not found");
    await expectError(
      "entities.update-record",
      await a.call("PUT", path, { body: { data: { name: "x", price: 1 } } }),
      404,
      "Entity record not found",
    );
    await expectError("entities.delete-record", await a.call("DELETE", path), 404, "Entity record not found");
  });

  it("create answers 404 for a schema the organization does not have", async () => {
    const res = await a.call("POST", "/v1/entity/records", {
      body: { schema_id: crypto.randomUUID(), data: { name: "x" } },
    });
    await expectError("entities.create-record", res, 404, "Entity schema not found");
  });

  describe("422 in FastAPI's shape with loc [body, data, field], for every field type", () => {
    let typed: EntitySchema;
    const VALID = {
      s: "abc",
      t: "a long text",
      i: 5,
      f: 2.5,
      b: true,
      d: "2024-01-15T10:30:00Z",
      e: "small",
      m: "ada@example.com",
      u: "https://example.com/a?b=c",
      p: "+1 (555) 010-9999",
    };
    beforeAll(async () => {
      typed = await createSchema(a, {
        name: "Typed",
        slug: "typed",
        fields_definition: {
          s: { type: "string", required: true, min_length: 2, max_length: 5 },
          t: { type: "text", max_length: 20 },
          i: { type: "integer", minimum: 0, maximum: 10 },
          f: { type: "float", minimum: -1.5, maximum: 99.5 },
          b: { type: "boolean" },
          d: { type: "datetime" },
          e: { type: "enum", values: ["small", "large"] },
          m: { type: "email" },
          u: { type: "url" },
          p: { type: "phone" },
        },
      });
    });

    it("accepts values of every type within their constraints", async () => {
      expect((await createRecord(a, typed.id, VALID)).data).toEqual(VALID);
      expect(
        (await createRecord(a, typed.id, { s: "ok", d: "2024-01-15T10:30:00+02:00", f: 3, i: null })).data,
      ).toEqual({ s: "ok", d: "2024-01-15T10:30:00+02:00", f: 3, i: null });
    });

    const CASES: [string, unknown, string][] = [
      ["s", 5, "string_type"],
      ["s", "a", "string_too_short"],
      ["s", "abcdef", "string_too_long"],
      ["s", null, "string_type"],
      ["t", "x".repeat(21), "string_too_long"],
      ["i", 1.5, "int_type"],
      ["i", "5", "int_type"],
      ["i", -1, "greater_than_equal"],
      ["i", 11, "less_than_equal"],
      ["f", "2.5", "float_type"],
      ["f", -2, "greater_than_equal"],
      ["f", 100, "less_than_equal"],
      ["b", "yes", "bool_type"],
      ["b", 1, "bool_type"],
      ["d", "yesterday", "datetime_parsing"],
      ["d", "2024-13-01T00:00:00Z", "datetime_parsing"],
      ["e", "medium", "enum"],
      ["m", "not-an-email", "value_error"],
      ["u", "not a url", "url_parsing"],
      ["u", "ftp://example.com/file", "url_parsing"],
      ["p", "call me", "string_pattern_mismatch"],
      ["p", "12-34", "string_pattern_mismatch"],
      ["p", "+1234567890123456", "string_pattern_mismatch"],
      ["zzz", 1, "extra_forbidden"],
    ];
    it.each(CASES)("%s = %j → %s", async (field, value, type) => {
      const res = await a.call("POST", "/v1/entity/records", {
        body: { schema_id: typed.id, data: { ...VALID, [field]: value } },
      });
      const issues = await expect422("entities.create-record", res);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ loc: ["body", "data", field], type });
      expect(issues[0]!.msg.length).toBeGreaterThan(0);
    });

    it("reports a missing required field and every problem at once; update validates the same way", async () => {
      const withoutS: Record<string, unknown> = { ...VALID };
      delete withoutS.s;
      const res = await a.call("POST", "/v1/entity/records", {
        body: { schema_id: typed.id, data: { ...withoutS, i: "x", extra: 1 } },
      });
      const issues = await expect422("entities.create-record", res);
      expect(issues).toEqual(
        expect.arrayContaining([
          { loc: ["body", "data", "s"], msg: "Field required", type: "missing" },
          { loc: ["body", "data", "i"], msg: "Input should be a valid integer", type: "int_type" },
          { loc: ["body", "data", "extra"], msg: "Extra inputs are not permitted", type: "extra_forbidden" },
        ]),
      );
      const record = await createRecord(a, typed.id, VALID);
      const upd = await a.call("PUT", `/v1/entity/records/${record.id}`, { body: { data: { ...VALID, e: "huge" } } });
      expect((await expect422("entities.update-record", upd))[0]).toMatchObject({
        loc: ["body", "data", "e"],
        type: "enum",
      });
    });

    it("validates against the schema's current version after fields_definition changes", async () => {
      const b = await createSchema(a, {
        name: "Evolving",
        slug: "evolving",
        fields_definition: { title: { type: "string" } },
      });
      const record = await createRecord(a, b.id, { title: "v1" });
      const res = await a.call("PUT", `/v1/entity/schemas/${b.id}`, {
        body: { fields_definition: { title: { type: "string" }, year: { type: "integer", required: true } } },
      });
      expect((await expectMatchesCatalog<EntitySchema>("entities.update-schema", res)).version).toBe(2);
      const old = await a.call("POST", "/v1/entity/records", { body: { schema_id: b.id, data: { title: "v1" } } });
      expect((await expect422("entities.create-record", old))[0]).toMatchObject({
        loc: ["body", "data", "year"],
        type: "missing",
      });
      const upd = await a.call("PUT", `/v1/entity/records/${record.id}`, {
        body: { data: { title: "v2", year: 2024 } },
      });
      expect((await expectMatchesCatalog<EntityRecord>("entities.update-record", upd)).data).toEqual({
        title: "v2",
        year: 2024,
      });
    });
  });
});

describe("record search", () => {
  let a: Actor;
  let schema: EntitySchema;
  const byName = new Map<string, EntityRecord>();
  const ITEMS: Record<string, unknown>[] = [
    { name: "Blue Pen", price: 9, qty: 100, category: "books", in_stock: true, released: "2024-01-10T00:00:00Z" },
    { name: "blue notebook", price: 10, qty: 5, category: "books", in_stock: false, released: "2024-03-01T00:00:00Z" },
    { name: "Red Phone", price: 100, qty: 2, category: "electronics", released: "2024-06-15T00:00:00Z" },
    { name: "Green Shirt", price: 25.5, category: "clothing", status: "archived" },
    { name: "Mystery Box", price: 0.5, status: "pending", in_stock: false },
    { name: "100% Cotton_Tee", price: 20, qty: 7, category: "clothing", released: "2024-09-01T00:00:00Z" },
  ];
  beforeAll(async () => {
    a = await newActor();
    schema = await createSchema(a);
    for (const data of ITEMS) {
      const r = await createRecord(a, schema.id, data);
      byName.set(String(data.name), r);
    }
  });

  const names = (page: EntityRecordPage) => page.items.map((r) => r.data.name);
  const found = async (query: Record<string, unknown>) =>
    new Set(names(await search(a, { schema_id: schema.id, query }, { size: "100" })));

  it("returns the schema's records, newest first, with the paging envelope", async () => {
    const page = await search(a, { schema_id: schema.id });
    expect(page).toMatchObject({ total: 6, page: 1, size: 20, pages: 1 });
    expect(names(page)).toEqual(ITEMS.map((i) => i.name).reverse());
  });

  const OPERATORS: [string, Record<string, unknown>, string[]][] = [
    ["eq number (plain value)", { price: 10 }, ["blue notebook"]],
    ["eq string (plain value)", { category: "books" }, ["Blue Pen", "blue notebook"]],
    ["eq boolean (plain value)", { in_stock: false }, ["blue notebook", "Mystery Box"]],
    [
      "eq boolean true (defaults count)",
      { in_stock: { operator: "eq", value: true } },
      ["Blue Pen", "Red Phone", "Green Shirt", "100% Cotton_Tee"],
    ],
    ["eq null: field missing", { qty: null }, ["Green Shirt", "Mystery Box"]],
    ["eq datetime string", { released: "2024-03-01T00:00:00Z" }, ["blue notebook"]],
    [
      "ne string also matches missing fields",
      { category: { operator: "ne", value: "books" } },
      ["Red Phone", "Green Shirt", "Mystery Box", "100% Cotton_Tee"],
    ],
    [
      "ne number",
      { price: { operator: "ne", value: 9 } },
      ["blue notebook", "Red Phone", "Green Shirt", "Mystery Box", "100% Cotton_Tee"],
    ],
    ["ne boolean", { in_stock: { operator: "ne", value: true } }, ["blue notebook", "Mystery Box"]],
    [
      "ne null: field present",
      { qty: { operator: "ne", value: null } },
      ["Blue Pen", "blue notebook", "Red Phone", "100% Cotton_Tee"],
    ],
    [
      "gt compares numbers, not text",
      { price: { operator: "gt", value: 9 } },
      ["blue notebook", "Red Phone", "Green Shirt", "100% Cotton_Tee"],
    ],
    ["gte number", { price: { operator: "gte", value: 25.5 } }, ["Red Phone", "Green Shirt"]],
    ["lt number", { price: { operator: "lt", value: 10 } }, ["Blue Pen", "Mystery Box"]],
    ["lte integer", { qty: { operator: "lte", value: 5 } }, ["blue notebook", "Red Phone"]],
    ["gt string (datetime)", { released: { operator: "gt", value: "2024-05-01" } }, ["Red Phone", "100% Cotton_Tee"]],
    ["lt string", { name: { operator: "lt", value: "C" } }, ["Blue Pen", "100% Cotton_Tee"]],
    ["like is case-sensitive", { name: { operator: "like", value: "Blue%" } }, ["Blue Pen"]],
    ["like with _", { name: { operator: "like", value: "Red Phon_" } }, ["Red Phone"]],
    ["like with escaped % and _", { name: { operator: "like", value: "100\\% Cotton\\_%" } }, ["100% Cotton_Tee"]],
    ["like on a number's text", { price: { operator: "like", value: "10%" } }, ["blue notebook", "Red Phone"]],
    ["ilike ignores case", { name: { operator: "ilike", value: "blue%" } }, ["Blue Pen", "blue notebook"]],
    ["ilike in the middle", { name: { operator: "ilike", value: "%SHIRT%" } }, ["Green Shirt"]],
    [
      "in strings",
      { category: { operator: "in", value: ["books", "clothing"] } },
      ["Blue Pen", "blue notebook", "Green Shirt", "100% Cotton_Tee"],
    ],
    ["in numbers", { price: { operator: "in", value: [9, 100, 7] } }, ["Blue Pen", "Red Phone"]],
    ["in booleans", { in_stock: { operator: "in", value: [false] } }, ["blue notebook", "Mystery Box"]],
    ["in with null", { qty: { operator: "in", value: [2, null] } }, ["Red Phone", "Green Shirt", "Mystery Box"]],
    ["in empty list", { category: { operator: "in", value: [] } }, []],
    [
      "not_in strings (missing fields match)",
      { category: { operator: "not_in", value: ["books", "clothing"] } },
      ["Red Phone", "Mystery Box"],
    ],
    [
      "not_in numbers",
      { qty: { operator: "not_in", value: [100, 5] } },
      ["Red Phone", "Green Shirt", "Mystery Box", "100% Cotton_Tee"],
    ],
    [
      "not_in with null",
      { qty: { operator: "not_in", value: [100, null] } },
      ["blue notebook", "Red Phone", "100% Cotton_Tee"],
    ],
    ["not_in booleans", { in_stock: { operator: "not_in", value: [true] } }, ["blue notebook", "Mystery Box"]],
    [
      "several filters are ANDed",
      { price: { operator: "gt", value: 5 }, category: "books", in_stock: true },
      ["Blue Pen"],
    ],
    ["values are data, never SQL", { name: "x' OR '1'='1" }, []],
  ];
  it.each(OPERATORS)("%s", async (_label, query, expected) => {
    expect(await found(query)).toEqual(new Set(expected));
  });

  // SQLite refuses LIKE patterns over 50,000 bytes and more than 32,766 bound values: the catalog's limits answer 422 first.
  it("answers 422, naming the filter, beyond the documented limits (pattern length, list length, filter count)", async () => {
    const { filters, listValues, patternLength } = RECORD_SEARCH_LIMITS;
    const call = (query: Record<string, unknown>) =>
      a.call("POST", "/v1/entity/records/search", { body: { schema_id: schema.id, query } });
    const at = async (query: Record<string, unknown>) =>
      (await expect422("entities.search-records", await call(query))).map((i) => [i.loc, i.msg]);
    expect(await at({ name: { operator: "ilike", value: "%a".repeat(25_001) } })).toEqual([
      [["body", "query", "name", "value"], `A like/ilike pattern has at most ${patternLength} characters`],
    ]);
    expect(await at({ name: { operator: "like", value: "_".repeat(patternLength + 1) } })).toHaveLength(1);
    const many = Array.from({ length: 32_766 }, (_, i) => `v${i}`);
    expect((await at({ category: { operator: "in", value: many } }))[0]?.[0]).toEqual([
      "body",
      "query",
      "category",
      "value",
    ]);
    expect(await at({ category: { operator: "not_in", value: many.slice(0, listValues + 1) } })).toHaveLength(1);
    const wide = Object.fromEntries(Array.from({ length: filters + 1 }, (_, i) => [`f${i}`, 1]));
    expect(await at(wide)).toEqual([[["body", "query"], `At most ${filters} fields can be filtered in one search`]]);
    // At the limits the search runs.
    expect(await found({ name: { operator: "ilike", value: "%" + "x".repeat(patternLength - 1) } })).toEqual(new Set());
    expect(await found({ category: { operator: "in", value: [...many.slice(0, listValues - 1), "books"] } })).toEqual(
      new Set(["Blue Pen", "blue notebook"]),
    );
  });

  it("orders by created_at, updated_at or a data field (numbers numerically, missing values last)", async () => {
    const order = async (order_by: string, order_dir: string) =>
      names(await search(a, { schema_id: schema.id }, { order_by, order_dir }));
    const inserted = ITEMS.map((i) => i.name);
    expect(await order("created_at", "asc")).toEqual(inserted);
    expect(await order("price", "asc")).toEqual([
      "Mystery Box",
      "Blue Pen",
      "blue notebook",
      "100% Cotton_Tee",
      "Green Shirt",
      "Red Phone",
    ]);
    expect(await order("price", "desc")).toEqual([
      "Red Phone",
      "Green Shirt",
      "100% Cotton_Tee",
      "blue notebook",
      "Blue Pen",
      "Mystery Box",
    ]);
    expect(await order("qty", "asc")).toEqual([
      "Red Phone",
      "blue notebook",
      "100% Cotton_Tee",
      "Blue Pen",
      "Green Shirt",
      "Mystery Box",
    ]);
    expect(await order("qty", "desc")).toEqual([
      "Blue Pen",
      "100% Cotton_Tee",
      "blue notebook",
      "Red Phone",
      "Mystery Box",
      "Green Shirt",
    ]);
    expect(await order("name", "asc")).toEqual([
      "100% Cotton_Tee",
      "Blue Pen",
      "Green Shirt",
      "Mystery Box",
      "Red Phone",
      "blue notebook",
    ]);

    // Touch the first record: it comes first by updated_at desc.
    const first = byName.get("Blue Pen")!;
    const upd = await a.call("PUT", `/v1/entity/records/${first.id}`, { body: { data: { ...ITEMS[0] } } });
    expect(upd.status).toBe(200);
    expect((await order("updated_at", "desc"))[0]).toBe("Blue Pen");
    expect((await order("updated_at", "asc"))[0]).toBe("blue notebook");
  });

  it("pages in SQL: size, page, total and pages", async () => {
    const seen: unknown[] = [];
    for (const page of ["1", "2", "3"]) {
      const p = await search(a, { schema_id: schema.id }, { size: "2", page, order_by: "price", order_dir: "asc" });
      expect(p).toMatchObject({ total: 6, page: Number(page), size: 2, pages: 3 });
      expect(p.items).toHaveLength(2);
      seen.push(...names(p));
    }
    expect(seen).toEqual(["Mystery Box", "Blue Pen", "blue notebook", "100% Cotton_Tee", "Green Shirt", "Red Phone"]);
    const beyond = await search(a, { schema_id: schema.id }, { size: "2", page: "4" });
    expect(beyond).toMatchObject({ items: [], total: 6, page: 4, pages: 3 });
    // First asked (nothing cached): a short last page tells its total; a page past the end counts.
    const lastFirst = await search(
      a,
      { schema_id: schema.id, query: { price: { operator: "gte", value: 0 } } },
      { size: "4", page: "2" },
    );
    expect(lastFirst).toMatchObject({ total: 6, pages: 2 });
    expect(lastFirst.items).toHaveLength(2);
    const pastFirst = await search(
      a,
      { schema_id: schema.id, query: { price: { operator: "gte", value: 0.1 } } },
      { size: "4", page: "3" },
    );
    expect(pastFirst).toMatchObject({ items: [], total: 6, pages: 2 });
    const filtered = await search(a, { schema_id: schema.id, query: { category: "books" } }, { size: "1" });
    expect(filtered).toMatchObject({ total: 2, pages: 2 });
    expect(filtered.items).toHaveLength(1);
  });

  it("totals follow every write (counts are cached per records revision)", async () => {
    const b = await newActor();
    const s = await createSchema(b);
    const q = { schema_id: s.id, query: { price: { operator: "gte", value: 10 } } };
    expect((await search(b, q)).total).toBe(0);
    const r1 = await createRecord(b, s.id, { name: "a", price: 10 });
    expect((await search(b, q)).total).toBe(1);
    await createRecord(b, s.id, { name: "b", price: 20 });
    expect((await search(b, q)).total).toBe(2);
    expect(
      (await b.call("PUT", `/v1/entity/records/${r1.id}`, { body: { data: { name: "a", price: 1 } } })).status,
    ).toBe(200);
    expect((await search(b, q)).total).toBe(1);
    expect((await b.call("DELETE", `/v1/entity/records/${r1.id}`)).status).toBe(204);
    expect((await search(b, q)).total).toBe(1);
    expect((await search(b, { schema_id: s.id })).total).toBe(1);
  });

  it("without schema_id searches every schema of the organization", async () => {
    const b = await newActor();
    const products = await createSchema(b);
    const people = await createSchema(b, {
      name: "People",
      slug: "people",
      fields_definition: { name: { type: "string" }, age: { type: "integer" }, price: { type: "string" } },
    });
    await createRecord(b, products.id, { name: "Lamp", price: 30 });
    await createRecord(b, people.id, { name: "Ada", age: 36 });
    expect(names(await search(b, {}))).toEqual(["Ada", "Lamp"]);
    expect(names(await search(b, { query: { name: { operator: "like", value: "A%" } } }))).toEqual(["Ada"]);
    expect(names(await search(b, { query: { age: { operator: "gte", value: 30 } } }))).toEqual(["Ada"]);
    // price is a float in one schema and a string in the other: ambiguous without schema_id.
    const mixed = await b.call("POST", "/v1/entity/records/search", {
      body: { query: { price: { operator: "gt", value: 1 } } },
    });
    expect((await expect422("entities.search-records", mixed))[0]!.loc).toEqual(["body", "query", "price"]);
    expect(names(await search(b, { schema_id: products.id, query: { price: { operator: "gt", value: 1 } } }))).toEqual([
      "Lamp",
    ]);
  });

  it("a schema_id the organization does not have matches nothing", async () => {
    expect(await search(a, { schema_id: crypto.randomUUID() })).toMatchObject({ items: [], total: 0, pages: 0 });
  });

  it("422 for unknown fields, values of the wrong type and operators a type does not support", async () => {
    const bad = async (body: Record<string, unknown>, query: Record<string, string> = {}) =>
      expect422(
        "entities.search-records",
        await a.call("POST", "/v1/entity/records/search", { body: { schema_id: schema.id, ...body }, query }),
      );
    expect((await bad({ query: { colour: "red" } }))[0]!.loc).toEqual(["body", "query", "colour"]);
    expect((await bad({ query: { price: "cheap" } }))[0]).toMatchObject({
      loc: ["body", "query", "price"],
      type: "float_type",
    });
    expect((await bad({ query: { price: { operator: "gt", value: "5" } } }))[0]).toMatchObject({
      loc: ["body", "query", "price", "value"],
      type: "float_type",
    });
    expect((await bad({ query: { name: { operator: "eq", value: 5 } } }))[0]).toMatchObject({
      loc: ["body", "query", "name", "value"],
      type: "string_type",
    });
    expect((await bad({ query: { in_stock: "yes" } }))[0]).toMatchObject({ type: "bool_type" });
    expect((await bad({ query: { in_stock: { operator: "gt", value: true } } }))[0]!.loc).toEqual([
      "body",
      "query",
      "in_stock",
      "operator",
    ]);
    expect((await bad({ query: { in_stock: { operator: "like", value: "t%" } } }))[0]!.loc).toEqual([
      "body",
      "query",
      "in_stock",
      "operator",
    ]);
    expect((await bad({ query: { price: { operator: "like", value: 5 } } }))[0]).toMatchObject({ type: "string_type" });
    expect((await bad({ query: { price: { operator: "gt", value: null } } }))[0]!.loc).toEqual([
      "body",
      "query",
      "price",
      "value",
    ]);
    expect((await bad({ query: { price: { operator: "in", value: [1, "2"] } } }))[0]!.loc).toEqual([
      "body",
      "query",
      "price",
      "value",
      1,
    ]);
    expect((await bad({ query: { price: { operator: "in", value: 5 } } }))[0]!.loc).toEqual([
      "body",
      "query",
      "price",
      "value",
    ]);
    expect((await bad({ query: { price: { operator: "between", value: 5 } } }))[0]!.loc.slice(0, 3)).toEqual([
      "body",
      "query",
      "price",
    ]);
    expect((await bad({}, { order_by: "colour" }))[0]!.loc).toEqual(["query", "order_by"]);
    expect((await bad({}, { order_dir: "up" }))[0]!.loc).toEqual(["query", "order_dir"]);
    expect(await bad({ query: { colour: "red", size: 1 } }, { order_by: "weight" })).toHaveLength(3);
  });

  it("field names are bound as JSON paths, never spliced into SQL", async () => {
    const odd = await createSchema(a, {
      name: "Odd",
      slug: "odd",
      fields_definition: {
        "it's) OR 1=1 --": { type: "string" },
        "a.b": { type: "integer" },
        'say "hi"': { type: "string" },
      },
    });
    await createRecord(a, odd.id, { "it's) OR 1=1 --": "x", "a.b": 3 });
    await createRecord(a, odd.id, { "it's) OR 1=1 --": "y", "a.b": 4 });
    const hit = await search(a, { schema_id: odd.id, query: { "it's) OR 1=1 --": "x" } });
    expect(hit.items.map((r) => r.data["a.b"])).toEqual([3]);
    expect((await search(a, { schema_id: odd.id, query: { "a.b": { operator: "gt", value: 3 } } })).total).toBe(1);
    const quoted = await a.call("POST", "/v1/entity/records/search", {
      body: { schema_id: odd.id, query: { 'say "hi"': "x" } },
    });
    // SQLite's JSON paths cannot hold a double quote (422); PostgreSQL's ->> takes any key.
    if (testEngine() === "sqlite")
      expect((await expect422("entities.search-records", quoted))[0]!.loc).toEqual(["body", "query", 'say "hi"']);
    else expect(quoted.status).toBe(200);
  });

  it("search takes the secret key only", async () => {
    const res = await a.call("POST", "/v1/entity/records/search", { key: "public", body: { schema_id: schema.id } });
    await expectError("entities.search-records", res, 403, "This endpoint requires a secret API key (sk_live_*)");
  });
});

describe("isolation", () => {
  let a: Actor;
  let schema: EntitySchema;
  let record: EntityRecord;
  beforeAll(async () => {
    a = await newActor();
    schema = await createSchema(a);
    record = await createRecord(a, schema.id, { name: "Secret", price: 1 });
  });

  async function seesNothing(x: Actor) {
    await expectError(
      "entities.get-schema",
      await x.call("GET", `/v1/entity/schemas/${schema.id}`),
      404,
      "Entity schema not found",
    );
    await expectError(
      "entities.update-schema",
      await x.call("PUT", `/v1/entity/schemas/${schema.id}`, { body: { name: "Mine" } }),
      404,
      "Entity schema not found",
    );
    await expectError(
      "entities.delete-schema",
      await x.call("DELETE", `/v1/entity/schemas/${schema.id}`),
      404,
      "Entity schema not found",
    );
    await expectError(
      "entities.get-record",
      await x.call("GET", `/v1/entity/records/${record.id}`),
      404,
      "Entity record not found",
    );
    await expectError(
      "entities.update-record",
      await x.call("PUT", `/v1/entity/records/${record.id}`, { body: { data: { name: "x", price: 1 } } }),
      404,
      "Entity record not found",
    );
    await expectError(
      "entities.delete-record",
      await x.call("DELETE", `/v1/entity/records/${record.id}`),
      404,
      "Entity record not found",
    );
    await expectError(
      "entities.create-record",
      await x.call("POST", "/v1/entity/records", { body: { schema_id: schema.id, data: { name: "x", price: 1 } } }),
      404,
      "Entity schema not found",
    );
    expect((await search(x, { schema_id: schema.id })).total).toBe(0);
    expect((await search(x, {})).total).toBe(0);
    const list = await expectMatchesCatalog<EntitySchemaPage>(
      "entities.list-schemas",
      await x.call("GET", "/v1/entity/schemas"),
    );
    expect(list.total).toBe(0);
  }

  it("another organization of the same tenant sees nothing of the first one's", async () => {
    const other = await newUser(a.tenant);
    const org = await newOrganization(a.tenant, other.user.id);
    await seesNothing(actorFor(a.tenant, a.client, other, org));
    // The first organization's owner, in the second organization too, still sees only what X-Organization-Id names.
    await addMember(a.tenant, org, a.userId, "member");
    await seesNothing(actorFor(a.tenant, a.client, { user: { id: a.userId }, tokens: { access_token: a.token } }, org));
    // And a member of the second organization only cannot name the first one.
    await expectError(
      "entities.get-schema",
      await a.client.call("GET", `/v1/entity/schemas/${schema.id}`, {
        key: "secret",
        token: other.tokens.access_token,
        org: a.org,
      }),
      403,
      "Not a member of this organization",
    );
  });

  it("another tenant sees nothing, and cannot use the first tenant's organization or tokens", async () => {
    const b = await newActor();
    await seesNothing(b);
    await expectError(
      "entities.get-schema",
      await b.call("GET", `/v1/entity/schemas/${schema.id}`, { org: a.org }),
      403,
      "Not a member of this organization",
    );
    await expectError(
      "entities.get-record",
      await b.call("GET", `/v1/entity/records/${record.id}`, { token: a.token, org: a.org }),
      401,
      "Could not validate credentials",
    );
    // Still there for its owner.
    expect((await a.call("GET", `/v1/entity/records/${record.id}`)).status).toBe(200);
  });
});
