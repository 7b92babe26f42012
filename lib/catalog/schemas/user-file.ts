import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, jsonObject, uuid } from "../primitives";

/** A file in an end-user's private Drive (UserFileResponse). */
export const UserFile = z
  .object({
    id: uuid(),
    user_id: uuid().describe("Owner of the file"),
    tenant_id: uuid(),
    folder_id: uuid().nullable().describe("Containing folder; null at the root"),
    filename: z.string().describe("Name under which the file is stored"),
    original_filename: z.string().describe("Name of the uploaded file"),
    file_size: z.number().int().min(0).describe("Size in bytes"),
    content_type: z.string().describe("MIME type, e.g. application/pdf"),
    storage_provider: z.string().describe("Storage backend holding the bytes"),
    description: z.string().nullable(),
    extra_metadata: jsonObject().nullable().describe("Additional metadata"),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "UserFile" });
export type UserFile = z.infer<typeof UserFile>;

export const userFileExample: UserFile = {
  id: EXAMPLE_IDS.file,
  user_id: EXAMPLE_IDS.user,
  tenant_id: EXAMPLE_IDS.tenant,
  folder_id: EXAMPLE_IDS.folder,
  filename: "2b0e8400-e29b-41d4-a716-446655440013.pdf",
  original_filename: "Q1 report.pdf",
  file_size: 248613,
  content_type: "application/pdf",
  storage_provider: "s3",
  description: "Quarterly report",
  extra_metadata: null,
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};

/** Answer of POST /v1/user/files. */
export const UploadFileResponse = z
  .object({
    message: z.string(),
    file: UserFile,
  })
  .meta({ title: "UploadFileResponse" });

/** Multipart body of POST /v1/user/files. */
export const UploadFileRequest = z.object({
  file: z.file().describe("The file to upload (form field named file)"),
});

/** An example upload; File is a global in browsers and Node.js 20+. */
export const uploadFileExample = { file: new File(["%PDF-1.7 ..."], "Q1 report.pdf", { type: "application/pdf" }) };

/** Paginated list of the user's own files (GET /v1/user/files). */
export const UserFilePage = z
  .object({
    files: z.array(UserFile),
    total: z.number().int().min(0).describe("Files matching, over all pages"),
    skip: z.number().int().min(0),
    limit: z.number().int().min(1),
  })
  .meta({ title: "UserFilePage" });

/** A tenant Drive file that the tenant marked as shared (TenantFileResponse): readable by every end-user. */
export const SharedFile = z
  .object({
    id: uuid(),
    tenant_id: uuid(),
    filename: z.string().describe("Name under which the file is stored"),
    original_filename: z.string().describe("Name of the uploaded file"),
    file_size: z.number().int().min(0).describe("Size in bytes"),
    content_type: z.string().describe("MIME type, e.g. application/pdf"),
    storage_provider: z.string().describe("Storage backend holding the bytes"),
    description: z.string().nullable(),
    is_shared: z.boolean().describe("Shared with end-users; always true in answers to end-users"),
    extra_metadata: jsonObject().nullable().describe("Additional metadata"),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "SharedFile" });
export type SharedFile = z.infer<typeof SharedFile>;

export const sharedFileExample: SharedFile = {
  id: "2b0e8400-e29b-41d4-a716-446655440017",
  tenant_id: EXAMPLE_IDS.tenant,
  filename: "2b0e8400-e29b-41d4-a716-446655440017.pdf",
  original_filename: "Terms of service.pdf",
  file_size: 102400,
  content_type: "application/pdf",
  storage_provider: "s3",
  description: "Current terms of service",
  is_shared: true,
  extra_metadata: null,
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};

/** Paginated list of shared tenant files (GET /v1/user/files/shared). */
export const SharedFilePage = z
  .object({
    files: z.array(SharedFile),
    total: z.number().int().min(0).describe("Shared files, over all pages"),
    skip: z.number().int().min(0),
    limit: z.number().int().min(1),
  })
  .meta({ title: "SharedFilePage" });

export const MoveFileRequest = z.object({
  folder_id: uuid().nullable().describe("Target folder; null moves the file to the root"),
});
