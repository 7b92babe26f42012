import type { EntityRecord } from "@/lib/catalog/schemas/entity-record";
import { isoTime, newId, toJson, type Sql, type SqlFragment } from "../db/sql";
import { cachedCount, rememberCount } from "../entities/count-cache";
import { bumpRecordsRevision, type EntitySchemaRow, type OrgScope } from "./entity-schema";

/** A row of `entity_records`: one item of an entity schema, its data a JSON object. */
export interface EntityRecordRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  schema_id: string;
  data: string;
  created_by_id: string;
  updated_by_id: string | null;
  created_at: string;
  updated_at: string;
}

export function toEntityRecord(row: EntityRecordRow): EntityRecord {
  return {
    id: row.id,
    schema_id: row.schema_id,
    organization_id: row.organization_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    created_by_id: row.created_by_id,
    updated_by_id: row.updated_by_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export const findEntityRecord = (sql: Sql, scope: OrgScope, id: string): EntityRecordRow | undefined =>
  sql.get<EntityRecordRow>(`SELECT * FROM entity_records WHERE tenant_id = ? AND organization_id = ? AND id = ?`, [
    scope.tenantId,
    scope.organizationId,
    id,
  ]);

export function insertEntityRecord(sql: Sql, scope: OrgScope, schemaId: string, data: Record<string, unknown>, userId: string, now: Date): EntityRecordRow {
  const id = newId();
  const at = isoTime(now);
  return sql.tx(() => {
    sql.run(
      `INSERT INTO entity_records (id, tenant_id, organization_id, schema_id, data, created_by_id, updated_by_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      [id, scope.tenantId, scope.organizationId, schemaId, toJson(data), userId, at, at],
    );
    bumpRecordsRevision(sql, scope, schemaId);
    return findEntityRecord(sql, scope, id)!;
  });
}

/** Replaces the record's data; the user becomes updated_by_id. */
export function updateEntityRecord(sql: Sql, scope: OrgScope, row: EntityRecordRow, data: Record<string, unknown>, userId: string, now: Date): EntityRecordRow {
  return sql.tx(() => {
    sql.run(`UPDATE entity_records SET data = ?, updated_by_id = ?, updated_at = ? WHERE tenant_id = ? AND organization_id = ? AND id = ?`, [
      toJson(data),
      userId,
      isoTime(now),
      scope.tenantId,
      scope.organizationId,
      row.id,
    ]);
    bumpRecordsRevision(sql, scope, row.schema_id);
    return findEntityRecord(sql, scope, row.id)!;
  });
}

export function deleteEntityRecord(sql: Sql, scope: OrgScope, row: EntityRecordRow): void {
  sql.tx(() => {
    sql.run(`DELETE FROM entity_records WHERE tenant_id = ? AND organization_id = ? AND id = ?`, [scope.tenantId, scope.organizationId, row.id]);
    bumpRecordsRevision(sql, scope, row.schema_id);
  });
}

export interface RecordSearch {
  /** One schema (schema_id given), or every schema of the organization. */
  schemas: readonly EntitySchemaRow[];
  schemaId?: string;
  /** Conditions on data, ANDed (record-filter.ts). */
  filters: readonly SqlFragment[];
  order: SqlFragment;
  page: number;
  size: number;
}

/**
 * One page of matching records and the total, both in SQL: the page by the
 * (tenant, organization, schema, created_at|updated_at) indexes; the total from the page itself when
 * it is the last one, else by a COUNT, cached until a write to the schemas' records bumps a records_revision.
 */
export function searchEntityRecords(sql: Sql, scope: OrgScope, s: RecordSearch): { rows: EntityRecordRow[]; total: number } {
  const where = ["tenant_id = ?", "organization_id = ?", ...(s.schemaId ? ["schema_id = ?"] : []), ...s.filters.map((f) => f.text)].join(" AND ");
  const params = [scope.tenantId, scope.organizationId, ...(s.schemaId ? [s.schemaId] : []), ...s.filters.flatMap((f) => f.params)];
  const countSql = `SELECT COUNT(*) AS n FROM entity_records WHERE ${where}`;
  const key = `${s.schemas.map((r) => `${r.id}@${r.records_revision}`).join(",")}|${countSql}|${toJson(params)}`;
  const offset = (s.page - 1) * s.size;
  const known = cachedCount(key);
  if (known !== undefined && offset >= known) return { rows: [], total: known };
  const rows = sql.all<EntityRecordRow>(`SELECT * FROM entity_records WHERE ${where} ORDER BY ${s.order.text} LIMIT ? OFFSET ?`, [
    ...params,
    ...s.order.params,
    s.size,
    offset,
  ]);
  if (known !== undefined) return { rows, total: known };
  // A short page that is not past the end is the last one: it tells the total without counting.
  const lastPage = rows.length < s.size && (rows.length > 0 || offset === 0);
  const total = lastPage ? offset + rows.length : (sql.get<{ n: number }>(countSql, params)?.n ?? 0);
  rememberCount(key, total);
  return { rows, total };
}
