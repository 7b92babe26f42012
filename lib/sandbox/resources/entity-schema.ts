import { SHARED_DETAIL } from "@/lib/catalog/errors";
import type { EntitySchema } from "@/lib/catalog/schemas/entity-schema";
import { dropOrphanRecordIndexes, existingIndexes, syncRecordIndexes } from "../db/record-indexes";
import { bool, isoTime, isTrue, newId, toJson, type Sql } from "../db/sql";
import { indexedFieldsOf } from "../entities/record-filter";
import { ApiError } from "../errors";
import type { FieldsDefinition, RecordSchemaRef } from "../entities/record-validator";

/** A row of `entity_schemas`: an organization's custom data type. */
export interface EntitySchemaRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  name: string;
  slug: string;
  description: string | null;
  fields_definition: string;
  version: number;
  is_active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every write to the schema's records (keys cached search counts). */
  records_revision: number;
}

/** Tenant and organization: every query of the entities endpoints is scoped by both. */
export interface OrgScope {
  tenantId: string;
  organizationId: string;
}

export const fieldsOf = (row: Pick<EntitySchemaRow, "fields_definition">): FieldsDefinition =>
  JSON.parse(row.fields_definition) as FieldsDefinition;

export const recordSchemaRef = (row: EntitySchemaRow): RecordSchemaRef => ({
  id: row.id,
  version: row.version,
  fields: fieldsOf(row),
});

export function toEntitySchema(row: EntitySchemaRow): EntitySchema {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    organization_id: row.organization_id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    fields_definition: fieldsOf(row),
    version: row.version,
    is_active: isTrue(row.is_active),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export const findEntitySchema = async (sql: Sql, scope: OrgScope, id: string): Promise<EntitySchemaRow | undefined> =>
  await sql.get<EntitySchemaRow>(
    `SELECT * FROM entity_schemas WHERE tenant_id = ? AND organization_id = ? AND id = ?`,
    [scope.tenantId, scope.organizationId, id],
  );

/** Every schema of the organization (record search without schema_id reads all their fields). */
export const listAllEntitySchemas = async (sql: Sql, scope: OrgScope): Promise<EntitySchemaRow[]> =>
  await sql.all<EntitySchemaRow>(
    `SELECT * FROM entity_schemas WHERE tenant_id = ? AND organization_id = ? ORDER BY id`,
    [scope.tenantId, scope.organizationId],
  );

/** One page of the organization's schemas, newest first, and how many there are. */
export async function listEntitySchemas(
  sql: Sql,
  scope: OrgScope,
  page: number,
  size: number,
): Promise<{ rows: EntitySchemaRow[]; total: number }> {
  const params = [scope.tenantId, scope.organizationId];
  const total =
    (
      await sql.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM entity_schemas WHERE tenant_id = ? AND organization_id = ?`,
        params,
      )
    )?.n ?? 0;
  const rows = await sql.all<EntitySchemaRow>(
    `SELECT * FROM entity_schemas WHERE tenant_id = ? AND organization_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    [...params, size, (page - 1) * size],
  );
  return { rows, total };
}

/** 409 with the catalog's detail when another schema of the organization has the name or the slug. */
async function assertUnique(
  sql: Sql,
  scope: OrgScope,
  names: { name?: string; slug?: string },
  exceptId: string | null,
): Promise<void> {
  const clash = async (column: "name" | "slug", value: string) =>
    await sql.get<{ id: string }>(
      `SELECT id FROM entity_schemas WHERE tenant_id = ? AND organization_id = ? AND ${column} = ? AND id <> ?`,
      [scope.tenantId, scope.organizationId, value, exceptId ?? ""],
    );
  if (names.name !== undefined && (await clash("name", names.name)))
    throw new ApiError(409, SHARED_DETAIL.schemaNameTaken);
  if (names.slug !== undefined && (await clash("slug", names.slug)))
    throw new ApiError(409, SHARED_DETAIL.schemaSlugTaken);
}

export interface NewEntitySchema {
  name: string;
  slug: string;
  description?: string;
  fields: FieldsDefinition;
  createdBy: string | null;
}

export async function insertEntitySchema(
  sql: Sql,
  scope: OrgScope,
  s: NewEntitySchema,
  now: Date,
): Promise<EntitySchemaRow> {
  const id = newId();
  const at = isoTime(now);
  return await sql.tx(async () => {
    await assertUnique(sql, scope, s, null);
    await sql.run(
      `INSERT INTO entity_schemas (id, tenant_id, organization_id, name, slug, description, fields_definition, version, is_active, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)`,
      [
        id,
        scope.tenantId,
        scope.organizationId,
        s.name,
        s.slug,
        s.description ?? null,
        toJson(s.fields),
        s.createdBy,
        at,
        at,
      ],
    );
    await syncRecordIndexes(sql, id, scope, indexedFieldsOf(s.fields));
    return (await findEntitySchema(sql, scope, id))!;
  });
}

export interface EntitySchemaChanges {
  name?: string;
  slug?: string;
  description?: string;
  fields?: FieldsDefinition;
  isActive?: boolean;
}

/** JSON with sorted keys, so two definitions that differ only in key order compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Applies the changes; the version goes up by one when fields_definition actually changes. */
export async function updateEntitySchema(
  sql: Sql,
  scope: OrgScope,
  row: EntitySchemaRow,
  c: EntitySchemaChanges,
  now: Date,
): Promise<EntitySchemaRow> {
  const fieldsChanged = c.fields !== undefined && canonical(c.fields) !== canonical(fieldsOf(row));
  return await sql.tx(async () => {
    await assertUnique(sql, scope, { name: c.name, slug: c.slug }, row.id);
    await sql.run(
      `UPDATE entity_schemas SET name = ?, slug = ?, description = ?, fields_definition = ?, version = ?, is_active = ?, updated_at = ?
       WHERE tenant_id = ? AND organization_id = ? AND id = ?`,
      [
        c.name ?? row.name,
        c.slug ?? row.slug,
        c.description ?? row.description,
        fieldsChanged ? toJson(c.fields) : row.fields_definition,
        fieldsChanged ? row.version + 1 : row.version,
        c.isActive === undefined ? row.is_active : bool(c.isActive),
        isoTime(now),
        scope.tenantId,
        scope.organizationId,
        row.id,
      ],
    );
    // The indexes hold the fields' values as compared: a new field or a changed type rebuilds them (a full pass over the schema's records).
    if (fieldsChanged) await syncRecordIndexes(sql, row.id, scope, indexedFieldsOf(c.fields!));
    return (await findEntitySchema(sql, scope, row.id))!;
  });
}

/** Deletes the schema, or 409 while it has records (checked in the same transaction). */
export async function deleteEntitySchema(sql: Sql, scope: OrgScope, id: string): Promise<void> {
  await sql.tx(async () => {
    const hasRecords = await sql.get(
      `SELECT 1 AS one FROM entity_records WHERE tenant_id = ? AND schema_id = ? LIMIT 1`,
      [scope.tenantId, id],
    );
    if (hasRecords) throw new ApiError(409, SHARED_DETAIL.schemaHasRecords);
    const { changes } = await sql.run(
      `DELETE FROM entity_schemas WHERE tenant_id = ? AND organization_id = ? AND id = ?`,
      [scope.tenantId, scope.organizationId, id],
    );
    if (changes > 0) await syncRecordIndexes(sql, id, scope, []);
  });
}

/** Every write to a schema's records calls this inside its transaction: cached search counts key on it. */
export const bumpRecordsRevision = async (sql: Sql, scope: OrgScope, schemaId: string): Promise<void> => {
  await sql.run(
    `UPDATE entity_schemas SET records_revision = records_revision + 1 WHERE tenant_id = ? AND organization_id = ? AND id = ?`,
    [scope.tenantId, scope.organizationId, schemaId],
  );
};

/**
 * Every schema's record indexes as its fields_definition wants them, and none for schemas that are gone: run when the
 * database opens, so schemas written before the indexes existed (or under another index layout) get theirs.
 */
export async function reconcileRecordIndexes(sql: Sql): Promise<void> {
  await sql.tx(async () => {
    await sql.lock("sandbox:record-indexes");
    const existing = await existingIndexes(sql);
    for (const row of await sql.all<
      Pick<EntitySchemaRow, "id" | "tenant_id" | "organization_id" | "fields_definition">
    >(`SELECT id, tenant_id, organization_id, fields_definition FROM entity_schemas`)) {
      const owner = { tenantId: row.tenant_id, organizationId: row.organization_id };
      await syncRecordIndexes(sql, row.id, owner, indexedFieldsOf(fieldsOf(row)), existing);
    }
    await dropOrphanRecordIndexes(sql);
  });
}
