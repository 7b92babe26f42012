import { z } from "zod";
import { defineEndpoint } from "../define";
import { EXAMPLE_TIME, skipLimit, uuid } from "../primitives";
import {
  CreateFolderRequest,
  Folder,
  folderExample,
  FolderList,
  RenameFolderRequest,
  rootFolderExample,
} from "../schemas/folder";
import {
  MoveFileRequest,
  SharedFilePage,
  sharedFileExample,
  UploadFileRequest,
  UploadFileResponse,
  uploadFileExample,
  UserFile,
  userFileExample,
  UserFilePage,
} from "../schemas/user-file";

const category = "files";
const auth = { keys: ["public", "secret"], jwt: "required" } as const;

const fileIdParam = z.object({ file_id: uuid().describe("ID of the file") });
const folderIdParam = z.object({ folder_id: uuid().describe("ID of the folder") });

const fileNotFound = {
  status: 404,
  detail: "File not found",
  when: "No file with this ID belongs to the signed-in user.",
  source: "implied",
} as const;
const folderNotFound = (field: string) =>
  ({
    status: 404,
    detail: "Folder not found",
    when: `${field} names no folder of the signed-in user.`,
    source: "implied",
  }) as const;
const ownFolderNotFound = {
  status: 404,
  detail: "Folder not found",
  when: "No folder with this ID belongs to the signed-in user.",
  source: "implied",
} as const;
const folderNameTaken = {
  status: 409,
  detail: "A folder with this name already exists here",
  when: "The parent folder (or the root) already holds a folder with this name, so the path would not be unique.",
  source: "implied",
} as const;

const binary = (description: string, filename: string) => ({
  status: 200,
  description,
  contentType: "application/octet-stream",
  examples: [],
  headers: {
    "Content-Disposition": `attachment; filename="${filename}" (the file's original name, to use when saving it)`,
  },
});

const downloadNote =
  "The request needs the X-API-Key and Authorization headers, so a plain <a href> or window.open cannot download it: fetch it, read the body as a Blob, and save it through URL.createObjectURL. Do not call response.json().";

const ownNote = "Only the signed-in user's own files are visible; another user's file answers 404.";

export const filesEndpoints = [
  defineEndpoint({
    category,
    slug: "upload-file",
    method: "POST",
    path: "/v1/user/files",
    summary: "Upload a file to user's Drive",
    description:
      "Uploads one file to the signed-in user's private Drive, at the root or into a folder. The file goes in a multipart/form-data field named file; description and folder_id go in the query string.",
    auth,
    query: z.object({
      description: z.string().optional().describe("File description"),
      folder_id: uuid().optional().describe("Target folder; the root when omitted"),
    }),
    body: {
      contentType: "multipart/form-data",
      schema: UploadFileRequest,
      examples: [{ name: "pdf", summary: "A PDF in the form field file", value: uploadFileExample }],
    },
    responses: [
      {
        status: 201,
        description: "The stored file's metadata",
        schema: UploadFileResponse,
        examples: [{ name: "uploaded", value: { message: "File uploaded successfully", file: userFileExample } }],
      },
    ],
    errors: [
      folderNotFound("folder_id"),
      {
        status: 413,
        detail: "File too large",
        when: "The file exceeds the maximum upload size.",
        source: "implied",
      },
    ],
    notes: [
      "Build the body with FormData (form.append('file', file)) and do not set Content-Type yourself: the browser adds multipart/form-data with its boundary.",
      "The seed does not state the maximum file size; a file above it answers 413.",
    ],
    keywords: ["store a file", "send file", "attachment", "storage", "multipart", "formdata", "file upload"],
    conflicts: [
      {
        topic: "Content-Type",
        text: "The request-headers guide says to always send Content-Type: application/json on POST/PUT/PATCH, but this endpoint takes multipart/form-data with a file field. The portal documents multipart/form-data.",
      },
    ],
  }),
  defineEndpoint({
    category,
    slug: "list-files",
    method: "GET",
    path: "/v1/user/files",
    summary: "List user's files with optional folder filter",
    description: "Lists the signed-in user's own files, optionally only those of one folder, with skip/limit paging.",
    auth,
    query: z.object({
      folder_id: uuid().optional().describe("Only files of this folder (null = root files)"),
      ...skipLimit(20, 100),
    }),
    responses: [
      {
        status: 200,
        description: "One page of files",
        schema: UserFilePage,
        examples: [{ name: "ok", value: { files: [userFileExample], total: 1, skip: 0, limit: 20 } }],
      },
    ],
    errors: [folderNotFound("folder_id")],
    notes: [
      "The seed describes folder_id as 'null = root files' without saying whether omitting it lists root files only or every file; check the answer's folder_id values.",
      ownNote,
    ],
    keywords: [
      "list files",
      "all files",
      "files in folder",
      "my files",
      "drive",
      "browse files",
      "folder contents",
      "pagination",
      "storage",
    ],
  }),
  defineEndpoint({
    category,
    slug: "list-shared-files",
    method: "GET",
    path: "/v1/user/files/shared",
    summary: "List shared tenant Drive files (read-only)",
    description:
      "Lists the tenant's Drive files that the tenant marked as shared. End-users can read and download them, not change them.",
    auth,
    query: z.object(skipLimit(20, 100)),
    responses: [
      {
        status: 200,
        description: "One page of shared files (TenantFileResponse)",
        schema: SharedFilePage,
        examples: [{ name: "ok", value: { files: [sharedFileExample], total: 1, skip: 0, limit: 20 } }],
      },
    ],
    notes: [
      "Only returns files explicitly marked as shared by the tenant (is_shared=true). Files are private by default.",
    ],
    keywords: ["public files", "tenant files", "common documents", "is_shared", "shared documents", "resources"],
  }),
  defineEndpoint({
    category,
    slug: "download-shared-file",
    method: "GET",
    path: "/v1/user/files/shared/{file_id}/download",
    summary: "Download a shared tenant file",
    description:
      "Returns the bytes of a tenant file that is marked as shared, with a Content-Disposition header naming the file.",
    auth,
    pathParams: fileIdParam,
    responses: [binary("The file's content", "Terms of service.pdf")],
    errors: [
      {
        status: 404,
        detail: "File not found",
        when: "The file does not exist or is not marked as shared by the tenant.",
      },
    ],
    notes: ["Returns 404 if the file is not marked as shared by the tenant.", downloadNote],
    keywords: ["get file content", "save file", "blob", "tenant files", "attachment", "is_shared"],
  }),
  defineEndpoint({
    category,
    slug: "get-file",
    method: "GET",
    path: "/v1/user/files/{file_id}",
    summary: "Get own file metadata",
    description:
      "Returns the metadata of one of the signed-in user's files (name, size, type, folder), not its content.",
    auth,
    pathParams: fileIdParam,
    responses: [
      {
        status: 200,
        description: "The file's metadata",
        schema: UserFile,
        examples: [{ name: "ok", value: userFileExample }],
      },
    ],
    errors: [fileNotFound],
    notes: [ownNote],
    keywords: ["file details", "file info", "file size", "mime type", "drive"],
  }),
  defineEndpoint({
    category,
    slug: "download-file",
    method: "GET",
    path: "/v1/user/files/{file_id}/download",
    summary: "Download own file",
    description:
      "Returns the bytes of one of the signed-in user's files, with a Content-Disposition header naming the file.",
    auth,
    pathParams: fileIdParam,
    responses: [binary("The file's content", "Q1 report.pdf")],
    errors: [fileNotFound],
    notes: [downloadNote, ownNote],
    keywords: ["file content", "save file", "blob", "open file", "attachment", "drive"],
  }),
  defineEndpoint({
    category,
    slug: "delete-file",
    method: "DELETE",
    path: "/v1/user/files/{file_id}",
    summary: "Delete own file",
    description: "Deletes one of the signed-in user's files. Answers 204 No Content.",
    auth,
    pathParams: fileIdParam,
    responses: [{ status: 204, description: "Deleted; no body", examples: [] }],
    errors: [fileNotFound],
    notes: ["The answer has no body: do not parse it as JSON.", ownNote],
    keywords: ["remove file", "erase file", "trash", "drive"],
  }),
  defineEndpoint({
    category,
    slug: "move-file",
    method: "PATCH",
    path: "/v1/user/files/{file_id}/move",
    summary: "Move file to folder (or root)",
    description: "Moves one of the signed-in user's files into another folder, or to the root with folder_id null.",
    auth,
    pathParams: fileIdParam,
    body: {
      contentType: "application/json",
      schema: MoveFileRequest,
      examples: [
        { name: "to_folder", value: { folder_id: folderExample.id } },
        { name: "to_root", value: { folder_id: null } },
      ],
    },
    responses: [
      {
        status: 200,
        description: "The moved file",
        schema: UserFile,
        examples: [
          { name: "ok", value: { ...userFileExample, folder_id: folderExample.id, updated_at: EXAMPLE_TIME } },
        ],
      },
    ],
    errors: [fileNotFound, folderNotFound("folder_id")],
    notes: ["folder_id is required in the body: send null explicitly to move the file to the root."],
    keywords: ["relocate", "organise files", "organize", "drag and drop", "change folder", "move to root"],
  }),
  defineEndpoint({
    category,
    slug: "create-folder",
    method: "POST",
    path: "/v1/user/files/folders",
    summary: "Create a folder in user's Drive",
    description:
      "Creates a folder in the signed-in user's Drive, at the root or inside a parent folder. The answer carries its materialized path, e.g. /Documents/Reports.",
    auth,
    body: {
      contentType: "application/json",
      schema: CreateFolderRequest,
      examples: [
        { name: "nested", value: { name: "Reports", parent_id: rootFolderExample.id } },
        { name: "root", value: { name: "Documents" } },
      ],
    },
    responses: [
      {
        status: 201,
        description: "The created folder",
        schema: Folder,
        examples: [{ name: "created", value: folderExample }],
      },
    ],
    errors: [folderNotFound("parent_id"), folderNameTaken],
    keywords: ["new folder", "mkdir", "directory", "organise files", "subfolder", "nesting"],
  }),
  defineEndpoint({
    category,
    slug: "list-folders",
    method: "GET",
    path: "/v1/user/files/folders",
    summary: "List folders (root or children of parent)",
    description: "Lists the signed-in user's folders at the root, or the direct children of parent_id.",
    auth,
    query: z.object({
      parent_id: uuid().optional().describe("List children of this folder (omit for the root)"),
    }),
    responses: [
      {
        status: 200,
        description: "The folders",
        schema: FolderList,
        examples: [
          { name: "root", summary: "Without parent_id", value: { folders: [rootFolderExample] } },
          { name: "children", summary: `parent_id=${rootFolderExample.id}`, value: { folders: [folderExample] } },
        ],
      },
    ],
    errors: [folderNotFound("parent_id")],
    notes: ["Not paginated: all folders of one level come back at once. Walk the tree one level at a time."],
    keywords: ["directories", "folder tree", "subfolders", "browse", "drive", "navigation"],
  }),
  defineEndpoint({
    category,
    slug: "rename-folder",
    method: "PATCH",
    path: "/v1/user/files/folders/{folder_id}",
    summary: "Rename a folder",
    description: "Renames one of the signed-in user's folders; its path changes accordingly.",
    auth,
    pathParams: folderIdParam,
    body: {
      contentType: "application/json",
      schema: RenameFolderRequest,
      examples: [{ name: "rename", value: { name: "Quarterly reports" } }],
    },
    responses: [
      {
        status: 200,
        description: "The renamed folder",
        schema: Folder,
        examples: [
          { name: "ok", value: { ...folderExample, name: "Quarterly reports", path: "/Documents/Quarterly reports" } },
        ],
      },
    ],
    errors: [ownFolderNotFound, folderNameTaken],
    keywords: ["rename directory", "change folder name", "organise files", "drive"],
  }),
  defineEndpoint({
    category,
    slug: "delete-folder",
    method: "DELETE",
    path: "/v1/user/files/folders/{folder_id}",
    summary: "Delete an empty folder (409 if non-empty)",
    description: "Deletes one of the signed-in user's folders, which must be empty. Answers 204 No Content.",
    auth,
    pathParams: folderIdParam,
    responses: [{ status: 204, description: "Deleted; no body", examples: [] }],
    errors: [
      ownFolderNotFound,
      {
        status: 409,
        detail: "Folder is not empty",
        when: "The folder still contains files or subfolders.",
      },
    ],
    notes: [
      "The folder must be empty (no files or subfolders). Move or delete its contents first.",
      "The answer has no body: do not parse it as JSON.",
    ],
    keywords: ["remove folder", "rmdir", "delete directory", "folder not empty", "drive"],
  }),
];
