import type { Department } from "@/lib/catalog/schemas/department";
import { isoTime, isTrue, newId, parseJson, type Sql } from "../db/sql";

/** A row of `departments`. */
export interface DepartmentRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  name: string;
  description: string | null;
  is_default: number;
  is_active: number;
  settings: string;
  created_at: string;
  updated_at: string;
}

export function toDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    description: row.description,
    is_default: isTrue(row.is_default),
    is_active: isTrue(row.is_active),
    settings: parseJson<Record<string, unknown>>(row.settings, {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Every organization gets one: "General", the default department. */
export async function insertDefaultDepartment(
  sql: Sql,
  tenantId: string,
  organizationId: string,
  now: Date,
): Promise<void> {
  const at = isoTime(now);
  await sql.run(
    `INSERT INTO departments (id, tenant_id, organization_id, name, description, is_default, is_active, settings, created_at, updated_at)
     VALUES (?, ?, ?, 'General', 'Default department', 1, 1, '{}', ?, ?)`,
    [newId(), tenantId, organizationId, at, at],
  );
}

export const findDepartment = async (sql: Sql, tenantId: string, id: string): Promise<DepartmentRow | undefined> =>
  await sql.get<DepartmentRow>(`SELECT * FROM departments WHERE tenant_id = ? AND id = ?`, [tenantId, id]);

/** The organization's departments, the default one first. */
export const listDepartments = async (sql: Sql, tenantId: string, organizationId: string): Promise<DepartmentRow[]> =>
  await sql.all<DepartmentRow>(
    `SELECT * FROM departments WHERE tenant_id = ? AND organization_id = ? ORDER BY is_default DESC, created_at, id`,
    [tenantId, organizationId],
  );
