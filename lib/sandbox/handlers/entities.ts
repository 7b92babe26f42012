import { compileFilters, compileOrder, searchableFields } from "../entities/record-filter";
import { validateRecordData } from "../entities/record-validator";
import {
  deleteEntityRecord,
  findEntityRecord,
  insertEntityRecord,
  searchEntityRecords,
  toEntityRecord,
  updateEntityRecord,
} from "../resources/entity-record";
import {
  deleteEntitySchema,
  fieldsOf,
  findEntitySchema,
  insertEntitySchema,
  listAllEntitySchemas,
  listEntitySchemas,
  recordSchemaRef,
  toEntitySchema,
  updateEntitySchema,
  type OrgScope,
} from "../resources/entity-schema";
import type { ValidationIssue } from "../validation";
import { defineHandler } from "./define";
import { created, noContent, ok, requireUser } from "./helpers";
import type { Raises, TenantContext } from "./types";

/** The organization of X-Organization-Id (membership checked by the engine) within the key's tenant. */
function scopeOf(ctx: TenantContext & Raises<422, "X-Organization-Id header is required">): OrgScope {
  if (!ctx.organizationId) return ctx.fail(422, "X-Organization-Id header is required");
  return { tenantId: ctx.tenant.id, organizationId: ctx.organizationId };
}

const pageOf = <T>(items: T[], total: number, { page, size }: { page: number; size: number }) => ({
  items,
  total,
  page,
  size,
  pages: Math.ceil(total / size),
});

async function requireSchema(ctx: TenantContext & Raises<404, "Entity schema not found">, scope: OrgScope, id: string) {
  const row = await findEntitySchema(ctx.sql, scope, id);
  if (!row) return ctx.fail(404, "Entity schema not found");
  return row;
}

async function requireRecord(ctx: TenantContext & Raises<404, "Entity record not found">, scope: OrgScope, id: string) {
  const row = await findEntityRecord(ctx.sql, scope, id);
  if (!row) return ctx.fail(404, "Entity record not found");
  return row;
}

// ── Schemas ──

const listSchemas = defineHandler("entities.list-schemas", async (ctx) => {
  const { rows, total } = await listEntitySchemas(ctx.sql, scopeOf(ctx), ctx.query.page, ctx.query.size);
  return ok(pageOf(rows.map(toEntitySchema), total, ctx.query));
});

const createSchema = defineHandler("entities.create-schema", async (ctx) => {
  const { body } = ctx;
  const row = await insertEntitySchema(
    ctx.sql,
    scopeOf(ctx),
    {
      name: body.name,
      slug: body.slug,
      description: body.description,
      fields: body.fields_definition,
      createdBy: ctx.userId,
    },
    ctx.now(),
  );
  return created(toEntitySchema(row));
});

const getSchema = defineHandler("entities.get-schema", async (ctx) =>
  ok(toEntitySchema(await requireSchema(ctx, scopeOf(ctx), ctx.params.schema_id))),
);

const updateSchema = defineHandler("entities.update-schema", async (ctx) => {
  const scope = scopeOf(ctx);
  const { body } = ctx;
  const row = await requireSchema(ctx, scope, ctx.params.schema_id);
  const changes = {
    name: body.name,
    slug: body.slug,
    description: body.description,
    fields: body.fields_definition,
    isActive: body.is_active,
  };
  return ok(toEntitySchema(await updateEntitySchema(ctx.sql, scope, row, changes, ctx.now())));
});

const deleteSchema = defineHandler("entities.delete-schema", async (ctx) => {
  const scope = scopeOf(ctx);
  await deleteEntitySchema(ctx.sql, scope, (await requireSchema(ctx, scope, ctx.params.schema_id)).id);
  return noContent();
});

// ── Records ──

const createRecord = defineHandler("entities.create-record", async (ctx) => {
  const scope = scopeOf(ctx);
  const user = requireUser(ctx);
  const schema = await requireSchema(ctx, scope, ctx.body.schema_id);
  const data = validateRecordData(recordSchemaRef(schema), ctx.body.data);
  return created(toEntityRecord(await insertEntityRecord(ctx.sql, scope, schema.id, data, user.id, ctx.now())));
});

const getRecord = defineHandler("entities.get-record", async (ctx) =>
  ok(toEntityRecord(await requireRecord(ctx, scopeOf(ctx), ctx.params.record_id))),
);

const updateRecord = defineHandler("entities.update-record", async (ctx) => {
  const scope = scopeOf(ctx);
  const user = requireUser(ctx);
  const row = await requireRecord(ctx, scope, ctx.params.record_id);
  // Records are validated against their schema's current fields_definition.
  // A schema with records cannot be deleted (409), so the record's schema is there.
  const schema = await findEntitySchema(ctx.sql, scope, row.schema_id);
  if (!schema) throw new Error(`entity record ${row.id} has no schema`);
  const data = validateRecordData(recordSchemaRef(schema), ctx.body.data);
  return ok(toEntityRecord(await updateEntityRecord(ctx.sql, scope, row, data, user.id, ctx.now())));
});

const deleteRecord = defineHandler("entities.delete-record", async (ctx) => {
  const scope = scopeOf(ctx);
  await deleteEntityRecord(ctx.sql, scope, await requireRecord(ctx, scope, ctx.params.record_id));
  return noContent();
});

/** Filters and ordering go to SQL (record-filter.ts); a schema_id the organization lacks matches nothing. */
const searchRecords = defineHandler("entities.search-records", async (ctx) => {
  const scope = scopeOf(ctx);
  const { body, query } = ctx;
  const schemaId = body.schema_id;
  const one = schemaId ? await findEntitySchema(ctx.sql, scope, schemaId) : undefined;
  if (schemaId && !one) return ok(pageOf([], 0, query));
  const schemas = one ? [one] : await listAllEntitySchemas(ctx.sql, scope);
  const fields = searchableFields(schemas.map(fieldsOf));
  const issues: ValidationIssue[] = [];
  const filters = compileFilters(ctx.sql.dialect, body.query ?? {}, fields, issues);
  const order = compileOrder(ctx.sql.dialect, query.order_by, query.order_dir, fields, issues);
  if (issues.length > 0) return ctx.fail(422, issues);
  const { rows, total } = await searchEntityRecords(ctx.sql, scope, {
    schemas,
    schemaId,
    filters,
    orderBy: query.order_by,
    order,
    page: query.page,
    size: query.size,
  });
  return ok(pageOf(rows.map(toEntityRecord), total, query));
});

export const entitiesHandlers = [
  listSchemas,
  createSchema,
  getSchema,
  updateSchema,
  deleteSchema,
  createRecord,
  getRecord,
  updateRecord,
  deleteRecord,
  searchRecords,
];
