import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@/lib/catalog";
import { completionChunksExample, completionExample } from "@/lib/catalog/schemas/completion";
import { planEndpoint } from "./endpoint-plan";
import { generateSdk } from "./generate";
import { camelCase, pascalCase } from "./names";
import { DOWNLOAD_BYTES, type FakeApi, startFakeApi, TOKENS } from "./testing/fake-api";
import { strictTsc } from "@/lib/testing/strict-tsc";

const source = generateSdk();
const sourceFile = ts.createSourceFile("api-client.ts", source, ts.ScriptTarget.ES2022, true);

/** Methods of the generated endpoint-group classes, with their leading JSDoc. */
function groupMethods(): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const stmt of sourceFile.statements) {
    if (!ts.isClassDeclaration(stmt) || !stmt.name || !/Api$/.test(stmt.name.text) || stmt.name.text === "ApiClient")
      continue;
    const methods = new Map<string, string>();
    for (const m of stmt.members)
      if (ts.isMethodDeclaration(m) && ts.isIdentifier(m.name)) methods.set(m.name.text, m.getFullText(sourceFile));
    groups.set(stmt.name.text, methods);
  }
  return groups;
}

describe("generateSdk: the generated source", () => {
  const groups = groupMethods();
  const methodOf = (e: (typeof endpoints)[number]) =>
    groups.get(`${pascalCase(e.category)}Api`)?.get(camelCase(e.slug));

  it("has one method per catalog endpoint, plus the streaming variant", () => {
    expect(endpoints).toHaveLength(109);
    for (const e of endpoints) {
      const text = methodOf(e);
      expect(text, e.id).toBeDefined();
      expect(text).toContain(`\`${e.method} ${e.path}\``);
    }
    const total = [...groups.values()].reduce((n, m) => n + m.size, 0);
    const streaming = endpoints.filter((e) => planEndpoint(e).stream).length;
    expect(streaming).toBe(1);
    expect(total).toBe(endpoints.length + streaming);
    expect(groups.get("AiApi")?.has("streamCompletion")).toBe(true);
  });

  it("has no endpoint with extra request headers, which the SDK would not send", () => {
    // Endpoint.headers exists in the catalog's types but no endpoint uses it; the generator would need a parameter for it.
    expect(endpoints.filter((e) => e.headers).map((e) => e.id)).toEqual([]);
  });

  it("contains no `any`", () => {
    const anys: string[] = [];
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.AnyKeyword) anys.push(node.parent.getText(sourceFile));
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    expect(anys).toEqual([]);
    expect(source).not.toMatch(/:\s*any\b|<any>|as any\b/);
  });

  it("imports nothing and is stable", () => {
    expect(sourceFile.statements.filter(ts.isImportDeclaration)).toEqual([]);
    expect(generateSdk()).toBe(source);
  });

  it("declares each shared titled schema once and reuses it", () => {
    for (const name of ["Plan", "Subscription", "User", "TokenResponse"]) {
      expect(source.match(new RegExp(`^export (interface|type) ${name}\\b`, "gm")), name).toHaveLength(1);
    }
    expect(source).toContain("export type AuthenticationLoginResponse = TokenResponse;");
    expect(source).toContain(
      "export type AuthenticationRegisterResponse = TokenResponse | VerificationRequiredResponse;",
    );
  });

  it("warns on every secret-only endpoint and only there", () => {
    for (const e of endpoints) {
      const secretOnly = e.auth.keys.length > 0 && e.auth.keys.every((k) => k === "secret");
      expect(methodOf(e)?.includes("Secret key: call from your server only"), e.id).toBe(secretOnly);
    }
  });

  it("documents summary, auth and rate limit", () => {
    const login = groups.get("AuthenticationApi")?.get("login") ?? "";
    expect(login).toContain("Login with email and password");
    expect(login).toContain("`POST /v1/auth/login` · pk_live_* or sk_live_* · rate limit 10 per 15 minutes per IP");
    expect(login).toContain("Stores the returned tokens");
  });

  it("takes only the parameters an endpoint has, in path, query, body order", () => {
    const signature = (group: string, method: string) => /\(([^)]*)\):/.exec(groups.get(group)?.get(method) ?? "")?.[1];
    expect(signature("OrganizationsApi", "listMembers")).toBe(
      "params: OrganizationsListMembersParams, options?: RequestOptions",
    );
    expect(signature("AuthenticationApi", "me")).toBe("options?: RequestOptions");
    expect(signature("FilesApi", "uploadFile")).toBe(
      "query: FilesUploadFileQuery, body: FilesUploadFileRequest, options?: RequestOptions",
    );
    expect(signature("PlansApi", "listPlans")).toBe("query?: PlansListPlansQuery, options?: RequestOptions");
  });
});

const STRICTEST_FLAGS = [
  "--exactOptionalPropertyTypes",
  "--noImplicitOverride",
  "--noPropertyAccessFromIndexSignature",
  "--noImplicitReturns",
  "--isolatedModules",
  "--verbatimModuleSyntax",
  "--erasableSyntaxOnly",
];

/** A user's file: the types must be precise enough to reject wrong calls. */
const USAGE = `import { ApiClient, type AuthenticationRegisterResponse, type Plan } from "./api-client";

const client = new ApiClient({ apiKey: "pk_live_x", baseUrl: "http://localhost" });

export async function main(): Promise<void> {
  const r: AuthenticationRegisterResponse = await client.authentication.register({ email: "a@b.co", password: "Secret123" });
  const token: string | undefined = "verification_required" in r ? undefined : r.access_token;
  const members = await client.organizations.listMembers({ organization_id: "o" });
  const plans: Plan[] = await client.plans.listActivePlans();
  const nothing: void = await client.files.deleteFile({ file_id: "f" });
  const blob: Blob = await client.files.downloadFile({ file_id: "f" });
  for await (const chunk of client.ai.streamCompletion({ model: "m", messages: [{ role: "user", content: "hi" }] })) {
    const text: string | undefined = chunk.choices[0]?.delta.content;
    void text;
  }
  void [token, members, plans, nothing, blob];
  // @ts-expect-error path parameters are required
  await client.organizations.listMembers();
  // @ts-expect-error the JSON method cannot ask for a stream
  await client.ai.createCompletion({ model: "m", messages: [], stream: true });
  // @ts-expect-error enums are literal unions
  await client.organizations.updateMemberRole({ organization_id: "o", user_id: "u" }, { role: "superuser" });
}
`;

describe("generateSdk: compiled and run", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "sdk-"));
    await writeFile(join(dir, "api-client.ts"), source);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("type-checks under strict with no errors, with a typed usage file", { timeout: 120_000 }, async () => {
    await writeFile(join(dir, "usage.ts"), USAGE);
    expect(await strictTsc(dir, ["api-client.ts", "usage.ts"])).toEqual({ code: 0, out: "" });
  });

  it("also type-checks under the strictest options a user project may have", { timeout: 120_000 }, async () => {
    expect(await strictTsc(dir, ["api-client.ts"], STRICTEST_FLAGS)).toEqual({ code: 0, out: "" });
  });

  describe("against a test double of the API", () => {
    let api: FakeApi;
    let sdk: SdkModule;
    const tokenEvents: Array<Tokens | null> = [];
    let client: Client;

    beforeAll(async () => {
      const js = ts.transpileModule(source, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      const file = join(dir, "api-client.mjs");
      await writeFile(file, js);
      sdk = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as SdkModule;
      api = await startFakeApi();
      client = new sdk.ApiClient({
        apiKey: "pk_live_test",
        baseUrl: `${api.url}/`,
        onTokens: (t) => tokenEvents.push(t),
      });
    });
    afterAll(async () => {
      await api.close();
    });

    const last = (path: string) => api.requests.filter((r) => r.path === path).at(-1);

    it("register with verification_required stores no tokens", async () => {
      const answer = await client.authentication.register({ email: "new@example.com", password: "SecurePass123" });
      expect(answer).toMatchObject({ verification_required: true });
      expect(client.tokens).toBeNull();
      expect(tokenEvents).toEqual([]);
    });

    it("login stores the tokens and reports them", async () => {
      await client.authentication.login({ email: "user@example.com", password: "SecurePass123" });
      expect(client.tokens).toEqual({ accessToken: TOKENS.expired, refreshToken: TOKENS.refresh });
      expect(tokenEvents).toEqual([{ accessToken: TOKENS.expired, refreshToken: TOKENS.refresh }]);
      const login = last("/v1/auth/login");
      expect(login?.headers["x-api-key"]).toBe("pk_live_test");
      expect(login?.headers.authorization).toBeUndefined();
      expect(login?.headers["content-type"]).toBe("application/json");
    });

    it("three concurrent calls with an expired token share one refresh, then retry", async () => {
      const before = api.requests.length;
      const users = await Promise.all([
        client.authentication.me(),
        client.authentication.me(),
        client.authentication.me(),
      ]);
      expect(users).toEqual([
        expect.objectContaining({ email: "user@example.com" }),
        expect.anything(),
        expect.anything(),
      ]);
      expect(api.refreshCount()).toBe(1);
      const mine = api.requests.slice(before).filter((r) => r.path === "/v1/auth/me");
      expect(mine.map((r) => r.headers.authorization).sort()).toEqual([
        ...Array(3).fill(`Bearer ${TOKENS.expired}`),
        ...Array(3).fill(`Bearer ${TOKENS.fresh}`),
      ]);
      expect(client.tokens).toEqual({ accessToken: TOKENS.fresh, refreshToken: TOKENS.refresh });
    });

    it("GET requests carry no Content-Type", () => {
      const gets = api.requests.filter((r) => r.method === "GET");
      expect(gets.length).toBeGreaterThan(0);
      for (const r of gets) expect(r.headers["content-type"], r.path).toBeUndefined();
    });

    it("DELETE answering 204 resolves to undefined", async () => {
      await expect(client.files.deleteFile({ file_id: "f1" })).resolves.toBeUndefined();
      expect(last("/v1/user/files/f1")?.method).toBe("DELETE");
    });

    it("a download resolves to a Blob", async () => {
      const blob = (await client.files.downloadFile({ file_id: "f1" })) as Blob;
      expect(blob).toBeInstanceOf(Blob);
      expect(await blob.text()).toBe(DOWNLOAD_BYTES);
    });

    it("429 becomes an ApiError with detail and retryAfter", async () => {
      const error = await client.authentication.forgotPassword({ email: "user@example.com" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(sdk.ApiError);
      expect(error).toMatchObject({
        status: 429,
        detail: "Too many requests",
        retryAfter: 120,
        message: "Too many requests",
      });
    });

    it("422 keeps the list of field errors", async () => {
      const error = await client.authentication
        .resetPassword({ token: "t", new_password: "x" })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        status: 422,
        detail: [{ loc: ["body", "new_password"], msg: "too weak" }],
        message: "body.new_password: too weak",
      });
    });

    it("uploads multipart with the file, its name and the query", async () => {
      const file = new File(["hello drive"], "notes.txt", { type: "text/plain" });
      const answer = await client.files.uploadFile({ description: "My notes" }, { file });
      expect(answer).toMatchObject({
        received: { name: "notes.txt", type: "text/plain", size: 11, text: "hello drive" },
      });
      const upload = last("/v1/user/files");
      expect(upload?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      expect(upload?.query.get("description")).toBe("My notes");
      expect(upload?.headers.authorization).toBe(`Bearer ${TOKENS.fresh}`);
    });

    it("sends X-Organization-Id to entities, and refuses to call them without one", async () => {
      const before = api.requests.length;
      await expect(client.entities.getRecord({ record_id: "r1" })).rejects.toThrow(/setOrganizationId/);
      expect(api.requests.length).toBe(before);
      client.setOrganizationId("org-1");
      await expect(client.entities.getRecord({ record_id: "r1" })).resolves.toMatchObject({ organization_id: "org-1" });
      expect(last("/v1/entity/records/r1")?.headers["x-organization-id"]).toBe("org-1");
      await client.authentication.me();
      expect(last("/v1/auth/me")?.headers["x-organization-id"]).toBeUndefined();
    });

    it("sends no API key or token to an endpoint that takes neither", async () => {
      await client.authentication.verifyEmailWithToken({ token: "t" });
      const r = last("/v1/auth/verify-email-with-token");
      expect(r?.headers["x-api-key"]).toBeUndefined();
      expect(r?.headers.authorization).toBeUndefined();
    });

    it("refuses secret-only endpoints with a public key, before sending", async () => {
      const before = api.requests.length;
      await expect(client.billing.listAvailablePlans()).rejects.toThrow(/secret key/);
      expect(api.requests.length).toBe(before);
    });

    it("aborts through the signal", async () => {
      const controller = new AbortController();
      const pending = client.authentication.providers({ signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    });

    it("completes as JSON, and streams server-sent events until [DONE]", async () => {
      await expect(
        client.ai.createCompletion({ model: "gpt-4", messages: [{ role: "user", content: "hi" }] }),
      ).resolves.toEqual(completionExample);
      const chunks: unknown[] = [];
      for await (const chunk of client.ai.streamCompletion({
        model: "gpt-4",
        messages: [{ role: "user", content: "hi" }],
      }))
        chunks.push(chunk);
      expect(chunks).toEqual(completionChunksExample);
      const r = last("/v1/ai/completions");
      expect(JSON.parse(r?.body.toString() ?? "{}")).toMatchObject({ stream: true, model: "gpt-4" });
      expect(r?.headers.accept).toBe("text/event-stream");
    });

    it("logout clears the tokens even when the call fails", async () => {
      await expect(client.authentication.logout()).rejects.toMatchObject({ status: 503, retryAfter: 5 });
      expect(client.tokens).toBeNull();
      expect(tokenEvents.at(-1)).toBeNull();
    });

    it("a refused refresh clears the tokens and throws", async () => {
      client.setTokens({ accessToken: "stale", refreshToken: "revoked" });
      const refreshes = api.refreshCount();
      await expect(client.authentication.me()).rejects.toMatchObject({ status: 401, detail: "Invalid refresh token" });
      expect(api.refreshCount()).toBe(refreshes + 1);
      expect(client.tokens).toBeNull();
    });
  });
});

// The generated module is imported at run time; these are the parts of its surface the tests use.
interface Tokens {
  accessToken: string;
  refreshToken?: string;
}
type Method = (...args: unknown[]) => Promise<unknown>;
interface Client {
  readonly tokens: Tokens | null;
  setTokens(tokens: Tokens): void;
  setOrganizationId(id: string | null): void;
  authentication: Record<
    "register" | "login" | "me" | "logout" | "forgotPassword" | "resetPassword" | "verifyEmailWithToken" | "providers",
    Method
  >;
  files: Record<"uploadFile" | "downloadFile" | "deleteFile", Method>;
  entities: Record<"getRecord", Method>;
  billing: Record<"listAvailablePlans", Method>;
  ai: { createCompletion: Method; streamCompletion: (...args: unknown[]) => AsyncGenerator<unknown> };
}
interface SdkModule {
  ApiClient: new (options: { apiKey: string; baseUrl: string; onTokens?: (tokens: Tokens | null) => void }) => Client;
  ApiError: new (...args: never[]) => Error;
}
