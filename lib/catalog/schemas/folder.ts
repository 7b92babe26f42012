import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, uuid } from "../primitives";

const folderName = () => z.string().min(1).max(255);

/** A folder of an end-user's Drive (FolderResponse). */
export const Folder = z
  .object({
    id: uuid(),
    tenant_id: uuid(),
    user_id: uuid().describe("Owner of the folder"),
    parent_id: uuid().nullable().describe("Parent folder; null at the root"),
    name: folderName(),
    path: z.string().describe("Materialized path from the root, e.g. /Documents/Reports"),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "Folder" });
export type Folder = z.infer<typeof Folder>;

export const folderExample: Folder = {
  id: EXAMPLE_IDS.folder,
  tenant_id: EXAMPLE_IDS.tenant,
  user_id: EXAMPLE_IDS.user,
  parent_id: "3c0e8400-e29b-41d4-a716-446655440018",
  name: "Reports",
  path: "/Documents/Reports",
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};

export const rootFolderExample: Folder = {
  ...folderExample,
  id: "3c0e8400-e29b-41d4-a716-446655440018",
  parent_id: null,
  name: "Documents",
  path: "/Documents",
};

export const CreateFolderRequest = z.object({
  name: folderName().describe("Folder name, at most 255 characters"),
  parent_id: uuid().optional().describe("Parent folder for nesting; the root when omitted"),
});

export const RenameFolderRequest = z.object({
  name: folderName().describe("New folder name, at most 255 characters"),
});

/** Answer of GET /v1/user/files/folders. */
export const FolderList = z.object({ folders: z.array(Folder) }).meta({ title: "FolderList" });
