import type { z } from "zod";
import type { CreateEntityRecordRequest, RecordSearchRequest, UpdateEntityRecordRequest } from "@/lib/catalog/schemas/entity-record";
import type { CreateEntitySchemaRequest, UpdateEntitySchemaRequest } from "@/lib/catalog/schemas/entity-schema";
import { compileFilters, compileOrder, searchableFields, type OrderDir } from "../entities/record-filter";
import { validateRecordData } from "../entities/record-validator";
import { ApiError } from "../errors";
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
import { created, noContent, ok, requireUser } from "./helpers";
import type { Handler, HandlerContext, HandlerMap, Input, Query } from "./types";

type Body<S extends z.ZodType, P = Record<string, string>> = Handler<Input<S>, Record<string, unknown>, P>;
type PageQuery = { page: number; size: number };
type SearchQuery = PageQuery & { order_by: string; order_dir: OrderDir };
type SchemaParams = { schema_id: string };
type RecordParams = { record_id: string };

/** The organization of X-Organization-Id (membership checked by the engine) within the key's tenant. */
function scopeOf(ctx: HandlerContext): OrgScope {
  if (!ctx.organizationId) throw new ApiError(422, "X-Organization-Id header is required");
  return { tenantId: ctx.tenant.id, organizationId: ctx.organizationId };
}

const pageOf = <T>(items: T[], total: number, { page, size }: PageQuery) => ({ items, total, page, size, pages: Math.ceil(total / size) });

async function requireSchema(ctx: HandlerContext, scope: OrgScope, id: string) {
  const row = await findEntitySchema(ctx.sql, scope, id);
  if (!row) throw new ApiError(404, "Entity schema not found");
  return row;
}

async function requireRecord(ctx: HandlerContext, scope: OrgScope, id: string) {
  const row = await findEntityRecord(ctx.sql, scope, id);
  if (!row) throw new ApiError(404, "Entity record not found");
  return row;
}

// ── Schemas ──

const listSchemas: Handler<unknown, PageQuery> = async (ctx) => {
  const { rows, total } = await listEntitySchemas(ctx.sql, scopeOf(ctx), ctx.query.page, ctx.query.size);
  return ok(pageOf(rows.map(toEntitySchema), total, ctx.query));
};

const createSchema: Body<typeof CreateEntitySchemaRequest> = async (ctx) => {
  const { body } = ctx;
  const row = await insertEntitySchema(
    ctx.sql,
    scopeOf(ctx),
    { name: body.name, slug: body.slug, description: body.description, fields: body.fields_definition, createdBy: ctx.userId },
    ctx.now(),
  );
  return created(toEntitySchema(row));
};

const getSchema: Handler<unknown, Query, SchemaParams> = async (ctx) => ok(toEntitySchema(await requireSchema(ctx, scopeOf(ctx), ctx.params.schema_id)));

const updateSchema: Body<typeof UpdateEntitySchemaRequest, SchemaParams> = async (ctx) => {
  const scope = scopeOf(ctx);
  const { body } = ctx;
  const row = await requireSchema(ctx, scope, ctx.params.schema_id);
  const changes = { name: body.name, slug: body.slug, description: body.description, fields: body.fields_definition, isActive: body.is_active };
  return ok(toEntitySchema(await updateEntitySchema(ctx.sql, scope, row, changes, ctx.now())));
};

const deleteSchema: Handler<unknown, Query, SchemaParams> = async (ctx) => {
  const scope = scopeOf(ctx);
  await deleteEntitySchema(ctx.sql, scope, (await requireSchema(ctx, scope, ctx.params.schema_id)).id);
  return noContent();
};

// ── Records ──

const createRecord: Body<typeof CreateEntityRecordRequest> = async (ctx) => {
  const scope = scopeOf(ctx);
  const user = requireUser(ctx);
  const schema = await requireSchema(ctx, scope, ctx.body.schema_id);
  const data = validateRecordData(recordSchemaRef(schema), ctx.body.data);
  return created(toEntityRecord(await insertEntityRecord(ctx.sql, scope, schema.id, data, user.id, ctx.now())));
};

const getRecord: Handler<unknown, Query, RecordParams> = async (ctx) => ok(toEntityRecord(await requireRecord(ctx, scopeOf(ctx), ctx.params.record_id)));

const updateRecord: Body<typeof UpdateEntityRecordRequest, RecordParams> = async (ctx) => {
  const scope = scopeOf(ctx);
  const user = requireUser(ctx);
  const row = await requireRecord(ctx, scope, ctx.params.record_id);
  // Records are validated against their schema's current fields_definition.
  const data = validateRecordData(recordSchemaRef(await requireSchema(ctx, scope, row.schema_id)), ctx.body.data);
  return ok(toEntityRecord(await updateEntityRecord(ctx.sql, scope, row, data, user.id, ctx.now())));
};

const deleteRecord: Handler<unknown, Query, RecordParams> = async (ctx) => {
  const scope = scopeOf(ctx);
  await deleteEntityRecord(ctx.sql, scope, await requireRecord(ctx, scope, ctx.params.record_id));
  return noContent();
};

/** Filters and ordering go to SQL (record-filter.ts); a schema_id the organization lacks matches nothing. */
const searchRecords: Handler<Input<typeof RecordSearchRequest>, SearchQuery> = async (ctx) => {
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
  if (issues.length > 0) throw new ApiError(422, issues);
  const { rows, total } = await searchEntityRecords(ctx.sql, scope, { schemas, schemaId, filters, orderBy: query.order_by, order, page: query.page, size: query.size });
  return ok(pageOf(rows.map(toEntityRecord), total, query));
};

export const entitiesHandlers: HandlerMap = {
  "entities.list-schemas": listSchemas,
  "entities.create-schema": createSchema,
  "entities.get-schema": getSchema,
  "entities.update-schema": updateSchema,
  "entities.delete-schema": deleteSchema,
  "entities.create-record": createRecord,
  "entities.get-record": getRecord,
  "entities.update-record": updateRecord,
  "entities.delete-record": deleteRecord,
  "entities.search-records": searchRecords,
};
