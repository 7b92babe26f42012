import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Folder } from "@/lib/catalog/schemas/folder";
import type { SharedFile, UserFile } from "@/lib/catalog/schemas/user-file";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog } from "../testing/catalog";
import { sandboxClient, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { newTenant, newUser } from "../testing/fixtures";
import { contentDisposition } from "./files";

setupTempDatabase();

type Upload = { message: string; file: UserFile };
type FilePage<T> = { files: T[]; total: number; skip: number; limit: number };

let tenant: TenantRow;
let client: SandboxClient;
let token: string;

beforeAll(async () => {
  tenant = await newTenant();
  client = sandboxClient(tenant);
  token = (await newUser(tenant)).tokens.access_token;
});

function form(content: BlobPart, name: string, type = "application/octet-stream"): FormData {
  const data = new FormData();
  data.append("file", new File([content], name, { type }));
  return data;
}

async function upload(
  c: SandboxClient,
  t: string,
  content: BlobPart,
  name: string,
  query: Record<string, string> = {},
  type?: string,
) {
  const res = await c.call("POST", "/v1/user/files", { token: t, body: form(content, name, type), query });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await expectMatchesCatalog<Upload>("files.upload-file", res)).file;
}

async function mkdir(c: SandboxClient, t: string, name: string, parentId?: string): Promise<Folder> {
  const res = await c.call("POST", "/v1/user/files/folders", {
    token: t,
    body: parentId ? { name, parent_id: parentId } : { name },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return expectMatchesCatalog<Folder>("files.create-folder", res);
}

const expectError = expectCatalogError;

describe("upload and download", () => {
  it("gives back the very bytes uploaded, with the file's type, name and length", async () => {
    const bytes = new Uint8Array(randomBytes(70_000));
    const res = await client.call("POST", "/v1/user/files", {
      token,
      body: form(bytes, "Q1 report.pdf", "application/pdf"),
      query: { description: "Quarterly report" },
    });
    expect(res.status).toBe(201);
    const { message, file } = await expectMatchesCatalog<Upload>("files.upload-file", res);
    expect(message).toBe("File uploaded successfully");
    expect(file).toMatchObject({
      original_filename: "Q1 report.pdf",
      filename: `${file.id}.pdf`,
      file_size: 70_000,
      content_type: "application/pdf",
      description: "Quarterly report",
      folder_id: null,
      tenant_id: tenant.id,
      extra_metadata: null,
    });

    const download = await client.call("GET", `/v1/user/files/${file.id}/download`, { token });
    expect(download.status).toBe(200);
    await expectMatchesCatalog("files.download-file", download);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-length")).toBe("70000");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Q1 report.pdf"; filename*=UTF-8''Q1%20report.pdf`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    const meta = await client.call("GET", `/v1/user/files/${file.id}`, { token });
    expect(await expectMatchesCatalog<UserFile>("files.get-file", meta)).toEqual(file);
  });

  it("quotes awkward names safely and keeps no directory part", async () => {
    const file = await upload(client, token, "x", '../evil "name"\u00e9.txt', {}, "text/plain");
    expect(file.original_filename).toBe('evil "name"\u00e9.txt');
    const res = await client.call("GET", `/v1/user/files/${file.id}/download`, { token });
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="evil _name__.txt"; filename*=UTF-8''evil%20%22name%22%C3%A9.txt`,
    );
    expect(await res.text()).toBe("x");
    expect(contentDisposition("a\\b")).toBe(`attachment; filename="a_b"; filename*=UTF-8''a%5Cb`);
  });

  it("takes empty files, and needs the file field", async () => {
    const empty = await upload(client, token, "", "empty.bin");
    expect(empty.file_size).toBe(0);
    const res = await client.call("GET", `/v1/user/files/${empty.id}/download`, { token });
    expect([res.status, res.headers.get("content-length"), (await res.arrayBuffer()).byteLength]).toEqual([
      200,
      "0",
      0,
    ]);

    const noFile = new FormData();
    noFile.append("other", "value");
    const missing = await client.call("POST", "/v1/user/files", { token, body: noFile });
    expect(missing.status).toBe(422);
    expect(await expectMatchesCatalog("files.upload-file", missing)).toMatchObject({
      detail: [{ loc: ["body", "file"], type: "missing" }],
    });
  });

  it("answers 413 above the upload cap and above the tenant's storage quota", async () => {
    const quotaTenant = await newTenant();
    const quotaClient = sandboxClient(quotaTenant);
    const quotaToken = (await newUser(quotaTenant)).tokens.access_token;
    const saved = { max: process.env.SANDBOX_MAX_UPLOAD_BYTES, quota: process.env.SANDBOX_TENANT_STORAGE_BYTES };
    process.env.SANDBOX_MAX_UPLOAD_BYTES = "2000";
    process.env.SANDBOX_TENANT_STORAGE_BYTES = "3000";
    try {
      const tooBig = await quotaClient.call("POST", "/v1/user/files", {
        token: quotaToken,
        body: form(new Uint8Array(2001), "big.bin"),
      });
      await expectError("files.upload-file", tooBig, 413, "File too large");

      // The seeded shared file counts too: 1500 fits once, not twice.
      await upload(quotaClient, quotaToken, new Uint8Array(1500), "first.bin");
      const over = await quotaClient.call("POST", "/v1/user/files", {
        token: quotaToken,
        body: form(new Uint8Array(1500), "second.bin"),
      });
      await expectError("files.upload-file", over, 413, "File too large");
      const listed = await expectMatchesCatalog<FilePage<UserFile>>(
        "files.list-files",
        await quotaClient.call("GET", "/v1/user/files", { token: quotaToken }),
      );
      expect(listed.files.map((f) => f.original_filename)).toEqual(["first.bin"]);

      // Another tenant has its own quota.
      const fresh = await newTenant();
      await upload(
        sandboxClient(fresh),
        (await newUser(fresh)).tokens.access_token,
        new Uint8Array(1500),
        "elsewhere.bin",
      );
    } finally {
      for (const [name, value] of [
        ["SANDBOX_MAX_UPLOAD_BYTES", saved.max],
        ["SANDBOX_TENANT_STORAGE_BYTES", saved.quota],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe("my files: list, move, delete", () => {
  let me: string;
  beforeAll(async () => {
    me = (await newUser(tenant)).tokens.access_token;
  });

  it("lists my files newest first, paged in SQL, optionally one folder's", async () => {
    const folder = await mkdir(client, me, "Docs");
    const names = ["a.txt", "b.txt", "c.txt"];
    for (const name of names) await upload(client, me, name, name, { folder_id: folder.id });
    await upload(client, me, "root", "root.txt");

    const all = await expectMatchesCatalog<FilePage<UserFile>>(
      "files.list-files",
      await client.call("GET", "/v1/user/files", { token: me }),
    );
    expect(all.total).toBe(4);
    expect({ skip: all.skip, limit: all.limit }).toEqual({ skip: 0, limit: 20 });

    const page = await expectMatchesCatalog<FilePage<UserFile>>(
      "files.list-files",
      await client.call("GET", "/v1/user/files", { token: me, query: { folder_id: folder.id, skip: "1", limit: "1" } }),
    );
    expect(page).toMatchObject({ total: 3, skip: 1, limit: 1 });
    expect(page.files).toHaveLength(1);
    expect(page.files[0]!.folder_id).toBe(folder.id);

    const ofFolder = await expectMatchesCatalog<FilePage<UserFile>>(
      "files.list-files",
      await client.call("GET", "/v1/user/files", { token: me, query: { folder_id: folder.id } }),
    );
    expect(ofFolder.files.map((f) => f.original_filename).sort()).toEqual(names);

    const unknown = await client.call("GET", "/v1/user/files", { token: me, query: { folder_id: randomUUID() } });
    await expectError("files.list-files", unknown, 404, "Folder not found");
  });

  it("moves a file into a folder and back to the root", async () => {
    const file = await upload(client, me, "m", "move.txt");
    const folder = await mkdir(client, me, "Target");
    const moved = await client.call("PATCH", `/v1/user/files/${file.id}/move`, {
      token: me,
      body: { folder_id: folder.id },
    });
    expect((await expectMatchesCatalog<UserFile>("files.move-file", moved)).folder_id).toBe(folder.id);
    const back = await client.call("PATCH", `/v1/user/files/${file.id}/move`, { token: me, body: { folder_id: null } });
    expect((await expectMatchesCatalog<UserFile>("files.move-file", back)).folder_id).toBeNull();

    const noFolder = await client.call("PATCH", `/v1/user/files/${file.id}/move`, {
      token: me,
      body: { folder_id: randomUUID() },
    });
    await expectError("files.move-file", noFolder, 404, "Folder not found");
    const noFile = await client.call("PATCH", `/v1/user/files/${randomUUID()}/move`, {
      token: me,
      body: { folder_id: null },
    });
    await expectError("files.move-file", noFile, 404, "File not found");
  });

  it("uploads into a folder of mine only", async () => {
    const res = await client.call("POST", "/v1/user/files", {
      token: me,
      body: form("x", "x.txt"),
      query: { folder_id: randomUUID() },
    });
    await expectError("files.upload-file", res, 404, "Folder not found");
  });

  it("deletes a file (204), after which it is gone", async () => {
    const file = await upload(client, me, "d", "delete.txt");
    const res = await client.call("DELETE", `/v1/user/files/${file.id}`, { token: me });
    expect(res.status).toBe(204);
    await expectMatchesCatalog("files.delete-file", res);
    await expectError(
      "files.get-file",
      await client.call("GET", `/v1/user/files/${file.id}`, { token: me }),
      404,
      "File not found",
    );
    await expectError(
      "files.delete-file",
      await client.call("DELETE", `/v1/user/files/${file.id}`, { token: me }),
      404,
      "File not found",
    );
    await expectError(
      "files.download-file",
      await client.call("GET", `/v1/user/files/${file.id}/download`, { token: me }),
      404,
      "File not found",
    );
  });
});

describe("shared tenant files", () => {
  it("lists only the tenant's shared files and serves their bytes, read-only", async () => {
    await upload(client, token, "private", "private.txt");
    const res = await client.call("GET", "/v1/user/files/shared", { token });
    const page = await expectMatchesCatalog<FilePage<SharedFile>>("files.list-shared-files", res);
    expect(page).toMatchObject({ total: 1, skip: 0, limit: 20 });
    const shared = page.files[0]!;
    expect(shared).toMatchObject({ original_filename: "Welcome.txt", is_shared: true, tenant_id: tenant.id });

    const download = await client.call("GET", `/v1/user/files/shared/${shared.id}/download`, { token });
    await expectMatchesCatalog("files.download-shared-file", download);
    expect(download.headers.get("content-disposition")).toContain('filename="Welcome.txt"');
    expect(download.headers.get("content-type")).toBe("text/plain");
    const text = await download.text();
    expect(text).toContain("Welcome to the sandbox drive");
    expect(download.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));

    // A tenant file is not the user's own: it cannot be read as one, moved or deleted.
    await expectError(
      "files.get-file",
      await client.call("GET", `/v1/user/files/${shared.id}`, { token }),
      404,
      "File not found",
    );
    await expectError(
      "files.delete-file",
      await client.call("DELETE", `/v1/user/files/${shared.id}`, { token }),
      404,
      "File not found",
    );
    const move = await client.call("PATCH", `/v1/user/files/${shared.id}/move`, { token, body: { folder_id: null } });
    await expectError("files.move-file", move, 404, "File not found");
  });

  it("does not serve a private file through the shared download, nor an unknown id", async () => {
    const mine = await upload(client, token, "p", "mine.txt");
    const res = await client.call("GET", `/v1/user/files/shared/${mine.id}/download`, { token });
    await expectError("files.download-shared-file", res, 404, "File not found");
    await expectError(
      "files.download-shared-file",
      await client.call("GET", `/v1/user/files/shared/${randomUUID()}/download`, { token }),
      404,
      "File not found",
    );
  });

  it("pages in SQL", async () => {
    const res = await client.call("GET", "/v1/user/files/shared", { token, query: { skip: "1", limit: "5" } });
    expect(await expectMatchesCatalog<FilePage<SharedFile>>("files.list-shared-files", res)).toEqual({
      files: [],
      total: 1,
      skip: 1,
      limit: 5,
    });
  });
});

describe("folders", () => {
  let me: string;
  beforeAll(async () => {
    me = (await newUser(tenant)).tokens.access_token;
  });

  it("creates folders with materialized paths and lists one level at a time", async () => {
    const docs = await mkdir(client, me, "Documents");
    expect(docs).toMatchObject({ name: "Documents", path: "/Documents", parent_id: null });
    const reports = await mkdir(client, me, "Reports", docs.id);
    expect(reports).toMatchObject({ path: "/Documents/Reports", parent_id: docs.id });
    await mkdir(client, me, "Archive", docs.id);

    const root = await expectMatchesCatalog<{ folders: Folder[] }>(
      "files.list-folders",
      await client.call("GET", "/v1/user/files/folders", { token: me }),
    );
    expect(root.folders.map((f) => f.path)).toEqual(["/Documents"]);
    const children = await expectMatchesCatalog<{ folders: Folder[] }>(
      "files.list-folders",
      await client.call("GET", "/v1/user/files/folders", { token: me, query: { parent_id: docs.id } }),
    );
    expect(children.folders.map((f) => f.name)).toEqual(["Archive", "Reports"]);

    await expectError(
      "files.list-folders",
      await client.call("GET", "/v1/user/files/folders", { token: me, query: { parent_id: randomUUID() } }),
      404,
      "Folder not found",
    );
  });

  it("answers 409 for a name taken in the same parent, 404 for an unknown parent, 422 for a '/' in the name", async () => {
    const parent = await mkdir(client, me, "Unique");
    await mkdir(client, me, "Child", parent.id);
    const dup = await client.call("POST", "/v1/user/files/folders", {
      token: me,
      body: { name: "Child", parent_id: parent.id },
    });
    await expectError("files.create-folder", dup, 409, "A folder with this name already exists here");
    const rootDup = await client.call("POST", "/v1/user/files/folders", { token: me, body: { name: "Unique" } });
    await expectError("files.create-folder", rootDup, 409, "A folder with this name already exists here");
    // The same name under another parent is fine.
    expect((await mkdir(client, me, "Child")).path).toBe("/Child");

    const noParent = await client.call("POST", "/v1/user/files/folders", {
      token: me,
      body: { name: "X", parent_id: randomUUID() },
    });
    await expectError("files.create-folder", noParent, 404, "Folder not found");
    const slash = await client.call("POST", "/v1/user/files/folders", { token: me, body: { name: "a/b" } });
    expect(slash.status).toBe(422);
    expect(await expectMatchesCatalog("files.create-folder", slash)).toMatchObject({
      detail: [{ loc: ["body", "name"] }],
    });
  });

  it("rename rewrites the paths of every descendant, and only theirs", async () => {
    const top = await mkdir(client, me, "Projects");
    const mid = await mkdir(client, me, "2024", top.id);
    const leaf = await mkdir(client, me, "Q1", mid.id);
    const lookalike = await mkdir(client, me, "Projects-old");
    const lookalikeChild = await mkdir(client, me, "Keep", lookalike.id);

    const res = await client.call("PATCH", `/v1/user/files/folders/${top.id}`, {
      token: me,
      body: { name: "Work \u{1F4C1}" },
    });
    const renamed = await expectMatchesCatalog<Folder>("files.rename-folder", res);
    expect(renamed).toMatchObject({ id: top.id, name: "Work \u{1F4C1}", path: "/Work \u{1F4C1}" });

    const list = async (parentId?: string) =>
      (
        await expectMatchesCatalog<{ folders: Folder[] }>(
          "files.list-folders",
          await client.call("GET", "/v1/user/files/folders", {
            token: me,
            query: parentId ? { parent_id: parentId } : {},
          }),
        )
      ).folders;
    expect((await list(top.id)).map((f) => f.path)).toEqual(["/Work \u{1F4C1}/2024"]);
    expect((await list(mid.id)).map((f) => [f.id, f.path])).toEqual([[leaf.id, "/Work \u{1F4C1}/2024/Q1"]]);
    expect((await list(lookalike.id)).map((f) => [f.id, f.path])).toEqual([[lookalikeChild.id, "/Projects-old/Keep"]]);

    // Renaming the middle folder cascades again below it.
    const mid2 = await client.call("PATCH", `/v1/user/files/folders/${mid.id}`, { token: me, body: { name: "2025" } });
    expect((await expectMatchesCatalog<Folder>("files.rename-folder", mid2)).path).toBe("/Work \u{1F4C1}/2025");
    expect((await list(mid.id)).map((f) => f.path)).toEqual(["/Work \u{1F4C1}/2025/Q1"]);
  });

  it("rename answers 409 when a sibling has the name, 404 for an unknown folder, and keeps an unchanged name", async () => {
    const a = await mkdir(client, me, "Alpha");
    await mkdir(client, me, "Beta");
    await expectError(
      "files.rename-folder",
      await client.call("PATCH", `/v1/user/files/folders/${a.id}`, { token: me, body: { name: "Beta" } }),
      409,
      "A folder with this name already exists here",
    );
    const same = await client.call("PATCH", `/v1/user/files/folders/${a.id}`, { token: me, body: { name: "Alpha" } });
    expect(await expectMatchesCatalog<Folder>("files.rename-folder", same)).toEqual(a);
    await expectError(
      "files.rename-folder",
      await client.call("PATCH", `/v1/user/files/folders/${randomUUID()}`, { token: me, body: { name: "Z" } }),
      404,
      "Folder not found",
    );
  });

  it("deletes an empty folder only: 409 while it holds a file or a subfolder", async () => {
    const box = await mkdir(client, me, "Box");
    const inner = await mkdir(client, me, "Inner", box.id);
    await expectError(
      "files.delete-folder",
      await client.call("DELETE", `/v1/user/files/folders/${box.id}`, { token: me }),
      409,
      "Folder is not empty",
    );

    const file = await upload(client, me, "f", "f.txt", { folder_id: inner.id });
    await expectError(
      "files.delete-folder",
      await client.call("DELETE", `/v1/user/files/folders/${inner.id}`, { token: me }),
      409,
      "Folder is not empty",
    );
    await client.call("DELETE", `/v1/user/files/${file.id}`, { token: me });

    const innerGone = await client.call("DELETE", `/v1/user/files/folders/${inner.id}`, { token: me });
    expect(innerGone.status).toBe(204);
    await expectMatchesCatalog("files.delete-folder", innerGone);
    const boxGone = await client.call("DELETE", `/v1/user/files/folders/${box.id}`, { token: me });
    expect(boxGone.status).toBe(204);
    await expectError(
      "files.delete-folder",
      await client.call("DELETE", `/v1/user/files/folders/${box.id}`, { token: me }),
      404,
      "Folder not found",
    );
  });
});

describe("isolation", () => {
  let owner: string;
  let file: UserFile;
  let folder: Folder;
  beforeAll(async () => {
    owner = (await newUser(tenant)).tokens.access_token;
    folder = await mkdir(client, owner, "Private");
    file = await upload(client, owner, "secret bytes", "secret.txt", { folder_id: folder.id });
  });

  /** Every way in to the owner's file and folder answers 404 to `c` with `t`. */
  async function expectNothingVisible(c: SandboxClient, t: string) {
    await expectError(
      "files.get-file",
      await c.call("GET", `/v1/user/files/${file.id}`, { token: t }),
      404,
      "File not found",
    );
    await expectError(
      "files.download-file",
      await c.call("GET", `/v1/user/files/${file.id}/download`, { token: t }),
      404,
      "File not found",
    );
    await expectError(
      "files.delete-file",
      await c.call("DELETE", `/v1/user/files/${file.id}`, { token: t }),
      404,
      "File not found",
    );
    await expectError(
      "files.move-file",
      await c.call("PATCH", `/v1/user/files/${file.id}/move`, { token: t, body: { folder_id: null } }),
      404,
      "File not found",
    );
    await expectError(
      "files.download-shared-file",
      await c.call("GET", `/v1/user/files/shared/${file.id}/download`, { token: t }),
      404,
      "File not found",
    );
    await expectError(
      "files.list-files",
      await c.call("GET", "/v1/user/files", { token: t, query: { folder_id: folder.id } }),
      404,
      "Folder not found",
    );
    await expectError(
      "files.list-folders",
      await c.call("GET", "/v1/user/files/folders", { token: t, query: { parent_id: folder.id } }),
      404,
      "Folder not found",
    );
    await expectError(
      "files.rename-folder",
      await c.call("PATCH", `/v1/user/files/folders/${folder.id}`, { token: t, body: { name: "Mine" } }),
      404,
      "Folder not found",
    );
    await expectError(
      "files.delete-folder",
      await c.call("DELETE", `/v1/user/files/folders/${folder.id}`, { token: t }),
      404,
      "Folder not found",
    );
    await expectError(
      "files.create-folder",
      await c.call("POST", "/v1/user/files/folders", { token: t, body: { name: "In", parent_id: folder.id } }),
      404,
      "Folder not found",
    );
    const up = await c.call("POST", "/v1/user/files", {
      token: t,
      body: form("x", "x.txt"),
      query: { folder_id: folder.id },
    });
    await expectError("files.upload-file", up, 404, "Folder not found");

    const listed = await expectMatchesCatalog<FilePage<UserFile>>(
      "files.list-files",
      await c.call("GET", "/v1/user/files", { token: t }),
    );
    expect(listed.files.map((f) => f.id)).not.toContain(file.id);
    const folders = await expectMatchesCatalog<{ folders: Folder[] }>(
      "files.list-folders",
      await c.call("GET", "/v1/user/files/folders", { token: t }),
    );
    expect(folders.folders.map((f) => f.id)).not.toContain(folder.id);
  }

  it("another user of the same tenant sees none of my files or folders", async () => {
    const mallory = (await newUser(tenant)).tokens.access_token;
    await expectNothingVisible(client, mallory);
    // With the secret key too: the Drive belongs to the JWT's user.
    await expectError(
      "files.get-file",
      await client.call("GET", `/v1/user/files/${file.id}`, { key: "secret", token: mallory }),
      404,
      "File not found",
    );
  });

  it("another tenant sees none of them, nor this tenant's shared files", async () => {
    const other = await newTenant();
    const otherClient = sandboxClient(other);
    const otherToken = (await newUser(other)).tokens.access_token;
    await expectNothingVisible(otherClient, otherToken);

    const mine = await expectMatchesCatalog<FilePage<SharedFile>>(
      "files.list-shared-files",
      await client.call("GET", "/v1/user/files/shared", { token: owner }),
    );
    const sharedId = mine.files[0]!.id;
    const theirs = await expectMatchesCatalog<FilePage<SharedFile>>(
      "files.list-shared-files",
      await otherClient.call("GET", "/v1/user/files/shared", { token: otherToken }),
    );
    expect(theirs.files.map((f) => f.tenant_id)).toEqual([other.id]);
    await expectError(
      "files.download-shared-file",
      await otherClient.call("GET", `/v1/user/files/shared/${sharedId}/download`, { token: otherToken }),
      404,
      "File not found",
    );
  });

  it("the owner still has everything afterwards", async () => {
    const res = await client.call("GET", `/v1/user/files/${file.id}/download`, { token: owner });
    expect(await res.text()).toBe("secret bytes");
    const folders = await expectMatchesCatalog<{ folders: Folder[] }>(
      "files.list-folders",
      await client.call("GET", "/v1/user/files/folders", { token: owner }),
    );
    expect(folders.folders).toEqual([folder]);
  });
});
