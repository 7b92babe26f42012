import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Endpoint, endpoints, getEndpoint, matchPath } from "@/lib/catalog";
import { EXAMPLE_IDS } from "@/lib/catalog/primitives";
import { planEndpoint } from "@/lib/sdk/endpoint-plan";
import { generateSdk } from "@/lib/sdk/generate";
import { camelCase } from "@/lib/sdk/names";
import { SAMPLE_API_KEYS, SAMPLE_BASE_URL } from "./config";
import { encodeQueryValue } from "./har";
import { type CodeSample, codeSamples, SAMPLE_GENERATORS, type SampleLanguageId, sampleRequest } from "./index";
import { strictTsc } from "@/lib/testing/strict-tsc";

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "__golden__");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** One of each kind of request the samples must get right. */
const GOLDEN = [
  "authentication.register",
  "authentication.login",
  "authentication.me",
  "billing.change-plan", // secret key only
  "entities.create-record", // X-Organization-Id
  "files.upload-file", // multipart, query
  "files.delete-file", // DELETE, no body, 204
  "files.list-files", // GET with query parameters
  "files.download-file", // binary answer
];

const all = endpoints.map((e) => ({ e, samples: codeSamples(e) }));
const sampleOf = (samples: CodeSample[], id: SampleLanguageId): string => {
  const s = samples.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id} sample`);
  return s.code;
};

describe("golden files", () => {
  for (const id of GOLDEN) {
    const e = getEndpoint(id);
    it(`${id} exists`, () => expect(e).toBeDefined());
    if (!e) continue;
    for (const s of codeSamples(e)) {
      it(`${id} in ${s.label}`, () => {
        const file = join(GOLDEN_DIR, id, `${s.id}.txt`);
        if (UPDATE) {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, `${s.code}\n`);
        }
        expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run lib/samples`).toBe(true);
        expect(`${s.code}\n`).toBe(readFileSync(file, "utf8"));
      });
    }
  }

  it("holds no stale files", () => {
    const expected = GOLDEN.flatMap((id) => SAMPLE_GENERATORS.map((g) => `${id}/${g.id}.txt`)).sort();
    const present = readdirSync(GOLDEN_DIR)
      .flatMap((dir) => readdirSync(join(GOLDEN_DIR, dir)).map((f) => `${dir}/${f}`))
      .sort();
    expect(present).toEqual(expected);
  });
});

/** The headers the auth rule calls for, worked out here independently of the request builder. */
function expectedHeaders(e: Endpoint): Map<string, string> {
  const h = new Map<string, string>();
  const key = e.auth.keys.includes("public") ? "public" : e.auth.keys.includes("secret") ? "secret" : null;
  if (key) h.set("X-API-Key", SAMPLE_API_KEYS[key]);
  if (e.auth.jwt === "required" || (e.auth.jwt === "optional" && key === "public"))
    h.set("Authorization", "Bearer <access_token>");
  if (e.auth.organizationHeader) h.set("X-Organization-Id", EXAMPLE_IDS.organization);
  if (e.body?.contentType === "application/json") h.set("Content-Type", "application/json");
  return h;
}

const HEADER_NAMES = ["X-API-Key", "Authorization", "X-Organization-Id", "Content-Type"];

/** How each HTTP-level sample spells the method. */
const METHOD_TEXT: Record<Exclude<SampleLanguageId, "typescript">, (m: string) => string | null> = {
  curl: (m) => (m === "GET" ? null : `--request ${m}`),
  javascript: (m) => (m === "GET" ? null : `method: '${m}'`),
  python: (m) => `requests.${m.toLowerCase()}(`,
  go: (m) => `http.NewRequest("${m}"`,
  php: (m) => `->request('${m}'`,
  ruby: (m) => `Net::HTTP::${m.charAt(0)}${m.slice(1).toLowerCase()}.new(url)`,
};

/** The JSON after curl's `--data`, unescaping the shell's `'\''`. */
function curlData(code: string): unknown {
  const m = /--data '((?:[^']|'\\'')*)'/.exec(code);
  return m ? JSON.parse(m[1]!.replaceAll("'\\''", "'")) : undefined;
}

describe("every endpoint's samples", () => {
  it("cover all 109 endpoints in every language", () => {
    expect(all).toHaveLength(109);
    for (const { samples } of all)
      expect(samples.map((s) => s.id)).toEqual(["curl", "javascript", "typescript", "python", "go", "php", "ruby"]);
  });

  it("use example values the catalog's schemas accept, and a path that routes back to the endpoint", () => {
    for (const { e } of all) {
      const r = sampleRequest(e);
      if (e.pathParams) expect(e.pathParams.safeParse(r.pathParams).success, e.id).toBe(true);
      if (e.query) expect(e.query.safeParse(r.query).success, e.id).toBe(true);
      if (e.body) expect(e.body.schema.safeParse(e.body.examples[0]?.value).success, e.id).toBe(true);
      expect(r.path, e.id).not.toMatch(/[{}]/);
      expect(
        matchPath(e.method, r.path).map((m) => m.endpoint.id),
        e.id,
      ).toEqual([e.id]);
    }
  });

  it("contain the method and the concrete URL", () => {
    for (const { e, samples } of all) {
      const r = sampleRequest(e);
      const url = SAMPLE_BASE_URL + r.path;
      for (const s of samples) {
        if (s.id === "typescript") continue;
        expect(s.code, `${e.id} ${s.id}`).toContain(url);
        const method = METHOD_TEXT[s.id](e.method);
        if (method) expect(s.code, `${e.id} ${s.id}`).toContain(method);
        else expect(s.code, `${e.id} ${s.id}`).not.toMatch(/--request|method:/);
      }
    }
  });

  it("send each query value, encoded where the client prints it into the URL", () => {
    for (const { e, samples } of all) {
      for (const [name, value] of Object.entries(sampleRequest(e).query)) {
        for (const id of ["curl", "javascript", "go", "ruby"] as const)
          expect(sampleOf(samples, id), `${e.id} ${id}`).toContain(`${name}=${encodeQueryValue(String(value))}`);
        expect(sampleOf(samples, "python"), e.id).toContain(`"${name}": "${String(value)}"`);
        expect(sampleOf(samples, "php"), e.id).toContain(`'${name}' => '${String(value)}'`);
      }
    }
    // The upload's description has a space: raw in dictionaries, %20 in URLs.
    const upload = codeSamples(getEndpoint("files.upload-file")!);
    expect(sampleOf(upload, "curl")).toContain("description=Quarterly%20report");
    expect(sampleOf(upload, "python")).toContain('"description": "Quarterly report"');
  });

  it("send exactly the headers the auth rule needs, and Content-Type only with a JSON body", () => {
    for (const { e, samples } of all) {
      const expected = expectedHeaders(e);
      for (const s of samples) {
        if (s.id === "typescript") continue;
        for (const name of HEADER_NAMES) {
          const value = expected.get(name);
          const where = `${e.id} ${s.id} ${name}`;
          if (value !== undefined) {
            expect(s.code, where).toContain(name);
            expect(s.code, where).toContain(value);
          } else if (name === "Content-Type" && e.body?.contentType === "multipart/form-data") {
            // The client sets multipart/form-data with its boundary (Go says so explicitly).
            expect(s.code, where).not.toContain("application/json");
          } else {
            expect(s.code, where).not.toContain(name);
          }
        }
        if (!e.auth.keys.includes("public")) expect(s.code, e.id).not.toContain("pk_live_");
      }
    }
  });

  it("carry the first body example, as JSON or as a multipart file", () => {
    for (const { e, samples } of all) {
      const curl = sampleOf(samples, "curl");
      if (!e.body) expect(curl, e.id).not.toMatch(/--data|--form/);
      else if (e.body.contentType === "application/json")
        expect(curlData(curl), e.id).toEqual(e.body.examples[0]?.value);
      else expect(curl, e.id).toContain("--form 'file=@Q1 report.pdf;type=application/pdf'");
    }
  });

  it("call the SDK method the generator names, with the client options the request needs", () => {
    for (const { e, samples } of all) {
      const code = sampleOf(samples, "typescript");
      const plan = planEndpoint(e);
      expect(code, e.id).toContain(`client.${camelCase(e.category)}.${plan.method}(`);
      const expected = expectedHeaders(e);
      expect(code.includes('accessToken: "<access_token>"'), e.id).toBe(expected.has("Authorization"));
      expect(code.includes(`organizationId: "${EXAMPLE_IDS.organization}"`), e.id).toBe(
        expected.has("X-Organization-Id"),
      );
      expect(code, e.id).toContain(
        `apiKey: "${SAMPLE_API_KEYS[e.auth.keys.includes("public") || e.auth.keys.length === 0 ? "public" : "secret"]}"`,
      );
      for (const v of Object.values(sampleRequest(e).pathParams)) expect(code, e.id).toContain(JSON.stringify(v));
    }
  });

  it("JavaScript samples parse", () => {
    for (const { e, samples } of all) {
      const out = ts.transpileModule(sampleOf(samples, "javascript"), {
        reportDiagnostics: true,
        fileName: "sample.mjs",
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, allowJs: true },
      });
      expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")) ?? [], e.id).toEqual([]);
    }
  });

  it("Python samples parse", { timeout: 30_000 }, async () => {
    const sources = Object.fromEntries(all.map(({ e, samples }) => [e.id, sampleOf(samples, "python")]));
    const script =
      "import ast, json, sys\nbad = {}\nfor k, v in json.load(sys.stdin).items():\n    try: ast.parse(v)\n    except SyntaxError as e: bad[k] = str(e)\nprint(json.dumps(bad))";
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
      const child = execFile("python3", ["-c", script], (err, out) => (err ? reject(err) : resolve({ stdout: out })));
      child.stdin?.end(JSON.stringify(sources));
    });
    expect(JSON.parse(stdout)).toEqual({});
  });
});

/** Proves the run type-checks the sample files at all: an unused @ts-expect-error fails it. */
const CONTROL = `import { ApiClient } from "./api-client";

const client = new ApiClient({ apiKey: "pk_live_x", baseUrl: "https://api.example.com" });
// @ts-expect-error path parameters are required
await client.files.deleteFile();
`;

describe("TypeScript SDK samples", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "samples-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("type-check against the generated SDK under strict", { timeout: 180_000 }, async () => {
    await writeFile(join(dir, "api-client.ts"), generateSdk());
    const files = ["api-client.ts", "control.ts"];
    await writeFile(join(dir, "control.ts"), CONTROL);
    for (const { e, samples } of all) {
      const name = `sample-${e.id.replace(/\W/g, "-")}.ts`;
      await writeFile(join(dir, name), sampleOf(samples, "typescript"));
      files.push(name);
    }
    const result = await strictTsc(dir, files);
    expect(files).toHaveLength(111);
    expect(result).toEqual({ code: 0, out: "" });
  });
});
