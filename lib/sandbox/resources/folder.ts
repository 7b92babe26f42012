import type { Folder } from "@/lib/catalog/schemas/folder";
import { isoTime, newId, type Sql } from "../db/sql";

/**
 * A row of `folders`. `path` is materialized: the parent's path + "/" + name ("/Documents/Reports"),
 * unique per user, so names hold no "/" and a name is unique among its siblings.
 */
export interface FolderRow {
  id: string;
  tenant_id: string;
  user_id: string;
  parent_id: string | null;
  name: string;
  path: string;
  created_at: string;
  updated_at: string;
}

export function toFolder(row: FolderRow): Folder {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    user_id: row.user_id,
    parent_id: row.parent_id,
    name: row.name,
    path: row.path,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The path of a folder named `name` under `parent` (the root when null). */
export const folderPath = (parent: { path: string } | null, name: string): string => `${parent?.path ?? ""}/${name}`;

/** The folder's path once renamed to `name`: same parent, new last segment. */
export const renamedPath = (folder: FolderRow, name: string): string =>
  `${folder.path.slice(0, folder.path.length - folder.name.length)}${name}`;

const OWN = `tenant_id = ? AND user_id = ?`;

export const findUserFolder = async (
  sql: Sql,
  tenantId: string,
  userId: string,
  id: string,
): Promise<FolderRow | undefined> =>
  await sql.get<FolderRow>(`SELECT * FROM folders WHERE ${OWN} AND id = ?`, [tenantId, userId, id]);

export const findUserFolderByPath = async (
  sql: Sql,
  tenantId: string,
  userId: string,
  path: string,
): Promise<FolderRow | undefined> =>
  await sql.get<FolderRow>(`SELECT * FROM folders WHERE ${OWN} AND path = ?`, [tenantId, userId, path]);

/** The user's folders at the root (parentId null) or the children of parentId, by name. */
export async function listUserFolders(
  sql: Sql,
  tenantId: string,
  userId: string,
  parentId: string | null,
): Promise<FolderRow[]> {
  return parentId === null
    ? await sql.all<FolderRow>(`SELECT * FROM folders WHERE ${OWN} AND parent_id IS NULL ORDER BY name, id`, [
        tenantId,
        userId,
      ])
    : await sql.all<FolderRow>(`SELECT * FROM folders WHERE ${OWN} AND parent_id = ? ORDER BY name, id`, [
        tenantId,
        userId,
        parentId,
      ]);
}

export async function insertFolder(
  sql: Sql,
  tenantId: string,
  userId: string,
  parent: FolderRow | null,
  name: string,
  now: Date,
): Promise<FolderRow> {
  const id = newId();
  const at = isoTime(now);
  await sql.run(
    `INSERT INTO folders (id, tenant_id, user_id, parent_id, name, path, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, tenantId, userId, parent?.id ?? null, name, folderPath(parent, name), at, at],
  );
  return (await findUserFolder(sql, tenantId, userId, id))!;
}

/**
 * Renames a folder and rewrites the paths of all its descendants in one statement: every path
 * starting with "<old path>/" gets the new prefix. Lengths are counted by the database, in characters.
 * Call inside a transaction.
 */
export async function renameFolder(sql: Sql, folder: FolderRow, name: string, now: Date): Promise<FolderRow> {
  const at = isoTime(now);
  const oldPath = folder.path;
  const newPath = renamedPath(folder, name);
  const oldPrefix = `${oldPath}/`;
  await sql.run(`UPDATE folders SET name = ?, path = ?, updated_at = ? WHERE ${OWN} AND id = ?`, [
    name,
    newPath,
    at,
    folder.tenant_id,
    folder.user_id,
    folder.id,
  ]);
  await sql.run(
    `UPDATE folders SET path = ? || substr(path, length(?) + 1), updated_at = ?
     WHERE ${OWN} AND substr(path, 1, length(?)) = ?`,
    [newPath, oldPath, at, folder.tenant_id, folder.user_id, oldPrefix, oldPrefix],
  );
  return (await findUserFolder(sql, folder.tenant_id, folder.user_id, folder.id))!;
}

/** Whether the folder holds files or subfolders. */
export const folderHasContents = async (sql: Sql, tenantId: string, userId: string, id: string): Promise<boolean> =>
  (await sql.get<{ n: number }>(
    `SELECT (SELECT COUNT(*) FROM folders WHERE ${OWN} AND parent_id = ?) + (SELECT COUNT(*) FROM files WHERE tenant_id = ? AND folder_id = ?) AS n`,
    [tenantId, userId, id, tenantId, id],
  ))!.n > 0;

export const deleteUserFolder = async (sql: Sql, tenantId: string, userId: string, id: string): Promise<boolean> =>
  (await sql.run(`DELETE FROM folders WHERE ${OWN} AND id = ?`, [tenantId, userId, id])).changes > 0;
