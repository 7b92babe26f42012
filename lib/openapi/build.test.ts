import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { categories, endpoints, endpointsOf } from "@/lib/catalog";
import { EXAMPLE_IDS } from "@/lib/catalog/primitives";
import { buildOpenApi, type OpenApiDocument, type OperationObject } from "./build";

const doc = buildOpenApi();

const operationsOf = (d: OpenApiDocument): Array<{ path: string; method: string; op: OperationObject }> =>
  Object.entries(d.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

const opById = (d: OpenApiDocument, operationId: string) =>
  operationsOf(d).find((o) => o.op.operationId === operationId)?.op;

/** Every `$ref` string anywhere in `value`. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

/** Resolves a local JSON pointer (`#/components/schemas/Plan`) in `root`. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>(
      (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      root,
    );
}

const hasKey = (value: unknown, key: string): boolean =>
  Array.isArray(value)
    ? value.some((v) => hasKey(v, key))
    : typeof value === "object" &&
      value !== null &&
      Object.entries(value).some(([k, v]) => k === key || hasKey(v, key));

describe("buildOpenApi: the whole catalog", () => {
  it("has one operation per catalog endpoint: 109 across the catalog's paths", () => {
    expect(operationsOf(doc)).toHaveLength(109);
    expect(operationsOf(doc)).toHaveLength(endpoints.length);
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(endpoints.map((e) => e.path))].sort());
  });

  it("has unique, URL-safe operationIds", () => {
    const ids = operationsOf(doc).map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    expect(opById(doc, "authentication_login")).toBeDefined();
  });

  it("has the document header, the 13 category tags in order, and the three security schemes", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Multi-tenant SaaS API", version: "2.2.0" });
    expect(doc.servers).toEqual([{ url: "https://api.example.com" }]);
    expect(buildOpenApi({ baseUrl: "https://api.acme.test" }).servers).toEqual([{ url: "https://api.acme.test" }]);
    expect(doc.tags.map((t) => t.name)).toEqual(categories.map((c) => c.id));
    expect(doc.tags[0]).toMatchObject({ name: "authentication", "x-displayName": "Authentication" });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["BearerAuth", "PublicApiKey", "SecretApiKey"]);
  });

  it("derives security from the auth rule", () => {
    expect(opById(doc, "authentication_login")?.security).toEqual([{ PublicApiKey: [] }, { SecretApiKey: [] }]);
    expect(opById(doc, "authentication_me")?.security).toEqual([
      { PublicApiKey: [], BearerAuth: [] },
      { SecretApiKey: [], BearerAuth: [] },
    ]);
    expect(opById(doc, "authentication_verifyEmailWithToken")?.security).toEqual([]);
    const optional = endpoints.find((e) => e.auth.jwt === "optional" && e.auth.keys.length === 2);
    if (optional)
      expect(
        operationsOf(doc).find((o) => o.path === optional.path && o.method === optional.method.toLowerCase())?.op
          .security,
      ).toHaveLength(4);
  });

  it("documents parameters, bodies, streams, files, errors and extensions", () => {
    const login = opById(doc, "authentication_login")!;
    expect(login["x-rate-limit"]).toEqual({ count: 10, windowSeconds: 900, scope: "ip", blockSeconds: 900 });
    expect(login.responses["429"]?.headers?.["Retry-After"]).toBeDefined();
    expect(login.requestBody?.content["application/json"]?.examples?.login).toBeDefined();

    const completion = opById(doc, "ai_createCompletion")!.responses["200"]!;
    expect(Object.keys(completion.content ?? {}).sort()).toEqual(["application/json", "text/event-stream"]);
    expect(completion.content?.["text/event-stream"]?.schema.type).toBe("string");

    const upload = opById(doc, "files_uploadFile")!.requestBody!.content["multipart/form-data"]!;
    expect(upload.schema.properties?.file?.format).toBe("binary");
    expect(typeof (upload.examples?.pdf?.value as { file: unknown }).file).toBe("string");

    const withOrg = endpoints.find((e) => e.auth.organizationHeader);
    if (withOrg) {
      const op = operationsOf(doc).find(
        (o) => o.path === withOrg.path && o.method === withOrg.method.toLowerCase(),
      )!.op;
      expect(op.parameters).toContainEqual(
        expect.objectContaining({ name: "X-Organization-Id", in: "header", required: true }),
      );
    }
    for (const { op } of operationsOf(doc)) {
      for (const p of op.parameters ?? []) if (p.in === "path") expect(p.required).toBe(true);
      const validation = op.responses["422"]?.content?.["application/json"];
      if (validation) expect(refsIn(validation.schema)).toContain("#/components/schemas/ValidationErrorResponse");
    }
  });

  it("has no $schema keys and every $ref resolves", () => {
    expect(hasKey(doc, "$schema")).toBe(false);
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(resolvePointer(doc, ref), ref).toBeDefined();
    // Each component is used.
    const used = new Set(refs);
    for (const name of Object.keys(doc.components.schemas))
      expect(used.has(`#/components/schemas/${name}`), name).toBe(true);
  });
});

describe("buildOpenApi: filtering", () => {
  it("by category: only its operations and its tag, with the same component names as the whole document", () => {
    const files = buildOpenApi({ category: "files" });
    expect(operationsOf(files)).toHaveLength(endpointsOf("files").length);
    for (const { op } of operationsOf(files)) expect(op.tags).toEqual(["files"]);
    expect(files.tags.map((t) => t.name)).toEqual(["files"]);
    for (const ref of new Set(refsIn(files))) expect(resolvePointer(files, ref), ref).toBeDefined();
    for (const [name, schema] of Object.entries(buildOpenApi({ category: "entities" }).components.schemas)) {
      expect(doc.components.schemas[name], name).toEqual(schema);
    }
  });

  it("by concrete path: the matching template, every method", () => {
    const user = buildOpenApi({ path: `/v1/users/${EXAMPLE_IDS.user}` });
    expect(Object.keys(user.paths)).toEqual(["/v1/users/{user_id}"]);
    expect(Object.keys(user.paths["/v1/users/{user_id}"] ?? {}).sort()).toEqual(["delete", "get", "put"]);
    expect(user.tags.map((t) => t.name)).toEqual(["users"]);
    for (const ref of new Set(refsIn(user))) expect(resolvePointer(user, ref), ref).toBeDefined();

    // Literal segments win over parameters; full URLs with a query string work.
    expect(Object.keys(buildOpenApi({ path: "https://api.example.com/v1/user/files/folders?x=1" }).paths)).toEqual([
      "/v1/user/files/folders",
    ]);
    expect(Object.keys(buildOpenApi({ path: "/v1/nothing/here" }).paths)).toEqual([]);
    expect(Object.keys(buildOpenApi({ category: "plans", path: `/v1/users/${EXAMPLE_IDS.user}` }).paths)).toEqual([]);
  });
});

describe("redocly lint", () => {
  it("finds no errors in the whole document", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "openapi-"));
    try {
      const file = join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(doc, null, 2));
      // Runs from the repo root so redocly.yaml applies.
      const run = spawnSync("node_modules/.bin/redocly", ["lint", file, "--format=json"], {
        cwd: process.cwd(),
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      });
      const report = JSON.parse(run.stdout) as {
        totals: { errors: number; warnings: number };
        problems: Array<{ ruleId: string; severity: string; message: string }>;
      };
      const errors = report.problems.filter((p) => p.severity === "error");
      expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
      expect(report.totals.errors).toBe(0);
      // Examples are checked against their schemas: the catalog's examples must survive the conversion.
      expect(report.problems.filter((p) => p.ruleId === "no-invalid-media-type-examples")).toEqual([]);
      console.info(
        `redocly lint: ${report.totals.errors} errors, ${report.totals.warnings} warnings (${[...new Set(report.problems.map((p) => p.ruleId))].join(", ")})`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
