import { tenantStorageBytes } from "../config";
import {
  deleteUserFile,
  type FileContentRow,
  findSharedFileContent,
  findUserFile,
  findUserFileContent,
  insertUserFile,
  listSharedFiles,
  listUserFiles,
  moveUserFile,
  tenantStorageUsed,
  toSharedFile,
  toUserFile,
} from "../resources/file";
import {
  deleteUserFolder,
  findUserFolder,
  findUserFolderByPath,
  folderHasContents,
  folderPath,
  type FolderRow,
  insertFolder,
  listUserFolders,
  renamedPath,
  renameFolder,
  toFolder,
} from "../resources/folder";
import { defineHandler } from "./define";
import { created, noContent, ok, requireUser } from "./helpers";
import type { Raises, TenantContext } from "./types";
import type { ValidationIssue } from "../validation";

/** The signed-in user's folder `id`, or 404 (another user's or tenant's folder looks the same as none). */
async function ownFolder(ctx: TenantContext & Raises<404, "Folder not found">, id: string): Promise<FolderRow> {
  const folder = await findUserFolder(ctx.sql, ctx.tenant.id, requireUser(ctx).id, id);
  if (!folder) return ctx.fail(404, "Folder not found");
  return folder;
}

/** Names become path segments, so "/" would make paths ambiguous. */
function checkFolderName(ctx: Raises<422, ValidationIssue[]>, name: string): void {
  if (name.includes("/"))
    ctx.fail(422, [{ loc: ["body", "name"], msg: "Folder names cannot contain '/'", type: "value_error" }]);
}

// Lone UTF-16 surrogates cannot be percent-encoded; control characters and path separators never belong in a name.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The uploaded file's own name, without any directory part a client may have sent. */
function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = base.replace(LONE_SURROGATE, "\uFFFD").replace(CONTROL, "").trim().slice(0, 255);
  return clean === "" || clean === "." || clean === ".." ? "file" : clean;
}

/** A MIME type safe to send back as Content-Type, else application/octet-stream. */
function cleanContentType(type: string): string {
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;[\x20-\x7e]*)?$/i.test(type) ? type : "application/octet-stream";
}

/** `attachment; filename="..."` with an ASCII fallback (quotes and backslashes replaced) plus RFC 5987 filename* for the exact name. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function download(row: FileContentRow): Response {
  const bytes = new Uint8Array(row.bytes);
  return new Response(bytes, {
    status: 200,
    headers: {
      "Content-Type": cleanContentType(row.content_type),
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(row.original_filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

const uploadFile = defineHandler("files.upload-file", async (ctx) => {
  const user = requireUser(ctx);
  const folderId = ctx.query.folder_id ?? null;
  if (folderId !== null) await ownFolder(ctx, folderId);
  const file = ctx.body.file;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const row = await ctx.sql.tx(async () => {
    // The tenant's storage quota, checked with the insert so concurrent uploads cannot both slip under it.
    if ((await tenantStorageUsed(ctx.sql, ctx.tenant.id)) + bytes.byteLength > tenantStorageBytes())
      return ctx.fail(413);
    return insertUserFile(
      ctx.sql,
      ctx.tenant.id,
      user.id,
      {
        folderId,
        originalFilename: cleanFilename(file.name),
        contentType: cleanContentType(file.type),
        description: ctx.query.description ?? null,
        bytes,
      },
      ctx.now(),
    );
  });
  return created({ message: "File uploaded successfully", file: toUserFile(row) });
});

const listFiles = defineHandler("files.list-files", async (ctx) => {
  const user = requireUser(ctx);
  const { skip, limit, folder_id } = ctx.query;
  if (folder_id !== undefined) await ownFolder(ctx, folder_id);
  const { rows, total } = await listUserFiles(ctx.sql, ctx.tenant.id, user.id, { skip, limit, folderId: folder_id });
  return ok({ files: rows.map(toUserFile), total, skip, limit });
});

const listShared = defineHandler("files.list-shared-files", async (ctx) => {
  const { skip, limit } = ctx.query;
  const { rows, total } = await listSharedFiles(ctx.sql, ctx.tenant.id, { skip, limit });
  return ok({ files: rows.map(toSharedFile), total, skip, limit });
});

const downloadShared = defineHandler("files.download-shared-file", async (ctx) => {
  const row = await findSharedFileContent(ctx.sql, ctx.tenant.id, ctx.params.file_id);
  if (!row) return ctx.fail(404);
  return download(row);
});

const getFile = defineHandler("files.get-file", async (ctx) => {
  const row = await findUserFile(ctx.sql, ctx.tenant.id, requireUser(ctx).id, ctx.params.file_id);
  if (!row) return ctx.fail(404);
  return ok(toUserFile(row));
});

const downloadFile = defineHandler("files.download-file", async (ctx) => {
  const row = await findUserFileContent(ctx.sql, ctx.tenant.id, requireUser(ctx).id, ctx.params.file_id);
  if (!row) return ctx.fail(404);
  return download(row);
});

const deleteFile = defineHandler("files.delete-file", async (ctx) => {
  if (!(await deleteUserFile(ctx.sql, ctx.tenant.id, requireUser(ctx).id, ctx.params.file_id))) return ctx.fail(404);
  return noContent();
});

const moveFile = defineHandler("files.move-file", async (ctx) => {
  const user = requireUser(ctx);
  if (!(await findUserFile(ctx.sql, ctx.tenant.id, user.id, ctx.params.file_id))) return ctx.fail(404);
  const folderId = ctx.body.folder_id;
  if (folderId !== null) await ownFolder(ctx, folderId);
  const row = await moveUserFile(ctx.sql, ctx.tenant.id, user.id, ctx.params.file_id, folderId, ctx.now());
  if (!row) return ctx.fail(404);
  return ok(toUserFile(row));
});

const createFolder = defineHandler("files.create-folder", async (ctx) => {
  const user = requireUser(ctx);
  const { name, parent_id } = ctx.body;
  checkFolderName(ctx, name);
  const row = await ctx.sql.tx(async () => {
    const parent = parent_id === undefined ? null : await ownFolder(ctx, parent_id);
    if (await findUserFolderByPath(ctx.sql, ctx.tenant.id, user.id, folderPath(parent, name))) {
      return ctx.fail(409);
    }
    return insertFolder(ctx.sql, ctx.tenant.id, user.id, parent, name, ctx.now());
  });
  return created(toFolder(row));
});

const listFolders = defineHandler("files.list-folders", async (ctx) => {
  const user = requireUser(ctx);
  const parentId = ctx.query.parent_id ?? null;
  if (parentId !== null) await ownFolder(ctx, parentId);
  return ok({ folders: (await listUserFolders(ctx.sql, ctx.tenant.id, user.id, parentId)).map(toFolder) });
});

const renameFolderHandler = defineHandler("files.rename-folder", async (ctx) => {
  const user = requireUser(ctx);
  const { name } = ctx.body;
  checkFolderName(ctx, name);
  const row = await ctx.sql.tx(async () => {
    const folder = await ownFolder(ctx, ctx.params.folder_id);
    if (folder.name === name) return folder;
    const taken = await findUserFolderByPath(ctx.sql, ctx.tenant.id, user.id, renamedPath(folder, name));
    if (taken) return ctx.fail(409);
    return renameFolder(ctx.sql, folder, name, ctx.now());
  });
  return ok(toFolder(row));
});

const deleteFolder = defineHandler("files.delete-folder", async (ctx) => {
  const user = requireUser(ctx);
  await ctx.sql.tx(async () => {
    const folder = await ownFolder(ctx, ctx.params.folder_id);
    if (await folderHasContents(ctx.sql, ctx.tenant.id, user.id, folder.id)) return ctx.fail(409);
    await deleteUserFolder(ctx.sql, ctx.tenant.id, user.id, folder.id);
  });
  return noContent();
});

/** Handlers of the files endpoints (the signed-in user's Drive and the tenant's shared files), keyed by endpoint id. */
export const filesHandlers = [
  uploadFile,
  listFiles,
  listShared,
  downloadShared,
  getFile,
  downloadFile,
  deleteFile,
  moveFile,
  createFolder,
  listFolders,
  renameFolderHandler,
  deleteFolder,
];
