import type { SharedFile, UserFile } from "@/lib/catalog/schemas/user-file";
import { isoTime, isTrue, newId, parseJson, type Sql } from "../db/sql";

/**
 * A row of `files` without its bytes: user files (user_id set) and tenant files (user_id NULL,
 * is_shared marks those every end-user may read). Queries name their columns, since
 * `SELECT *` would load the bytes of every file listed.
 */
export interface FileRow {
  id: string;
  tenant_id: string;
  user_id: string | null;
  folder_id: string | null;
  filename: string;
  original_filename: string;
  file_size: number;
  content_type: string;
  storage_provider: string;
  description: string | null;
  is_shared: number;
  extra_metadata: string | null;
  created_at: string;
  updated_at: string;
}

/** A file of one end-user's Drive. */
export type UserFileRow = FileRow & { user_id: string };

/** A row with the file's content, for downloads only. */
export type FileContentRow = FileRow & { bytes: Uint8Array };

const COLUMNS = `id, tenant_id, user_id, folder_id, filename, original_filename, file_size, content_type, storage_provider, description, is_shared, extra_metadata, created_at, updated_at`;

export function toUserFile(row: UserFileRow): UserFile {
  return {
    id: row.id,
    user_id: row.user_id,
    tenant_id: row.tenant_id,
    folder_id: row.folder_id,
    filename: row.filename,
    original_filename: row.original_filename,
    file_size: row.file_size,
    content_type: row.content_type,
    storage_provider: row.storage_provider,
    description: row.description,
    extra_metadata: parseJson<Record<string, unknown> | null>(row.extra_metadata, null),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toSharedFile(row: FileRow): SharedFile {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    filename: row.filename,
    original_filename: row.original_filename,
    file_size: row.file_size,
    content_type: row.content_type,
    storage_provider: row.storage_provider,
    description: row.description,
    is_shared: isTrue(row.is_shared),
    extra_metadata: parseJson<Record<string, unknown> | null>(row.extra_metadata, null),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

const OWN = `tenant_id = ? AND user_id = ?`;
// Tenant files marked shared; users' own files are never shared with other users.
const SHARED = `tenant_id = ? AND user_id IS NULL AND is_shared = 1`;

export const findUserFile = async (
  sql: Sql,
  tenantId: string,
  userId: string,
  id: string,
): Promise<UserFileRow | undefined> =>
  await sql.get<UserFileRow>(`SELECT ${COLUMNS} FROM files WHERE ${OWN} AND id = ?`, [tenantId, userId, id]);

export const findUserFileContent = async (
  sql: Sql,
  tenantId: string,
  userId: string,
  id: string,
): Promise<FileContentRow | undefined> =>
  await sql.get<FileContentRow>(`SELECT ${COLUMNS}, bytes FROM files WHERE ${OWN} AND id = ?`, [tenantId, userId, id]);

export const findSharedFileContent = async (
  sql: Sql,
  tenantId: string,
  id: string,
): Promise<FileContentRow | undefined> =>
  await sql.get<FileContentRow>(`SELECT ${COLUMNS}, bytes FROM files WHERE ${SHARED} AND id = ?`, [tenantId, id]);

export interface Page {
  skip: number;
  limit: number;
}

/** One page of the user's files, newest first; only those of `folderId` when given. */
export async function listUserFiles(
  sql: Sql,
  tenantId: string,
  userId: string,
  page: Page & { folderId?: string },
): Promise<{ rows: UserFileRow[]; total: number }> {
  const where = page.folderId === undefined ? OWN : `${OWN} AND folder_id = ?`;
  const params = page.folderId === undefined ? [tenantId, userId] : [tenantId, userId, page.folderId];
  const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM files WHERE ${where}`, params))?.n ?? 0;
  const rows = await sql.all<UserFileRow>(
    `SELECT ${COLUMNS} FROM files WHERE ${where} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
    [...params, page.limit, page.skip],
  );
  return { rows, total };
}

/** One page of the tenant's shared files, newest first. */
export async function listSharedFiles(
  sql: Sql,
  tenantId: string,
  page: Page,
): Promise<{ rows: FileRow[]; total: number }> {
  const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM files WHERE ${SHARED}`, [tenantId]))?.n ?? 0;
  const rows = await sql.all<FileRow>(
    `SELECT ${COLUMNS} FROM files WHERE ${SHARED} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
    [tenantId, page.limit, page.skip],
  );
  return { rows, total };
}

/** Bytes stored by the tenant: its users' files and its own. */
export const tenantStorageUsed = async (sql: Sql, tenantId: string): Promise<number> =>
  (await sql.get<{ n: number | null }>(`SELECT SUM(file_size) AS n FROM files WHERE tenant_id = ?`, [tenantId]))?.n ??
  0;

export interface NewUserFile {
  folderId: string | null;
  originalFilename: string;
  contentType: string;
  description: string | null;
  bytes: Uint8Array;
}

/** Stores a file in the user's Drive as `<id><extension of the original name>`. */
export async function insertUserFile(
  sql: Sql,
  tenantId: string,
  userId: string,
  file: NewUserFile,
  now: Date,
): Promise<UserFileRow> {
  const id = newId();
  const at = isoTime(now);
  const extension = /\.[A-Za-z0-9]{1,16}$/.exec(file.originalFilename)?.[0].toLowerCase() ?? "";
  await sql.run(
    `INSERT INTO files (id, tenant_id, user_id, folder_id, filename, original_filename, file_size, content_type, storage_provider, description, is_shared, extra_metadata, bytes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sandbox', ?, 0, NULL, ?, ?, ?)`,
    [
      id,
      tenantId,
      userId,
      file.folderId,
      `${id}${extension}`,
      file.originalFilename,
      file.bytes.byteLength,
      file.contentType,
      file.description,
      file.bytes,
      at,
      at,
    ],
  );
  return (await findUserFile(sql, tenantId, userId, id))!;
}

/** Moves the user's file into a folder, or to the root with null. */
export async function moveUserFile(
  sql: Sql,
  tenantId: string,
  userId: string,
  id: string,
  folderId: string | null,
  now: Date,
): Promise<UserFileRow | undefined> {
  await sql.run(`UPDATE files SET folder_id = ?, updated_at = ? WHERE ${OWN} AND id = ?`, [
    folderId,
    isoTime(now),
    tenantId,
    userId,
    id,
  ]);
  return findUserFile(sql, tenantId, userId, id);
}

/** Deletes the user's file; false when it has none with this id. */
export const deleteUserFile = async (sql: Sql, tenantId: string, userId: string, id: string): Promise<boolean> =>
  (await sql.run(`DELETE FROM files WHERE ${OWN} AND id = ?`, [tenantId, userId, id])).changes > 0;
