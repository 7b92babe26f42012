import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { generateSdk } from "@/lib/sdk/generate";
import { parseGuide } from "./guide-source";
import { GUIDES } from "./guides";

/**
 * Every ```ts and ```tsx block of every guide is type-checked as its own module, next to the generated
 * SDK saved as api-client.ts, so a guide can `import { ApiClient, ApiError } from "./api-client"`.
 * A block opts out with the fence info string `ts nocheck` (or `tsx nocheck`); at most MAX_OPT_OUTS may.
 *
 * Check one guide while writing it: npx vitest run lib/content/guides-code.test.ts -t <guide-id>
 */
const MAX_OPT_OUTS = 2;
const CHECKED = new Set(["ts", "tsx"]);
const repo = process.cwd();

interface BlockFile {
  guide: string;
  /** 1-based among the guide's fenced blocks of any language. */
  block: number;
  /** Line of the opening fence in the .mdx file. */
  fenceLine: number;
}

const dir = mkdtempSync(join(tmpdir(), "guides-code-"));
const files = new Map<string, BlockFile>();
const optOuts: string[] = [];
const missing: string[] = [];

writeFileSync(join(dir, "api-client.ts"), generateSdk());
for (const g of GUIDES) {
  const path = join(repo, "content", "guides", `${g.id}.mdx`);
  if (!existsSync(path)) {
    missing.push(g.id);
    continue;
  }
  parseGuide(readFileSync(path, "utf8")).blocks.forEach((b, i) => {
    if (!CHECKED.has(b.lang)) return;
    const block = i + 1;
    if (b.meta.split(/\s+/).includes("nocheck")) {
      optOuts.push(`${g.id} block ${block} (content/guides/${g.id}.mdx:${b.line})`);
      return;
    }
    const file = join(dir, `${g.id}.block-${block}.${b.lang}`);
    writeFileSync(file, `${b.code}\n`);
    files.set(file, { guide: g.id, block, fenceLine: b.line });
  });
}

// A file that must produce exactly one error: proves the check runs and reports.
const canary = join(dir, "canary.ts");
writeFileSync(canary, `import { ApiClient, ApiError } from "./api-client";\nvoid [ApiClient, ApiError];\nexport const n: number = "not a number";\n`);

const { options, errors: optionErrors } = ts.convertCompilerOptionsFromJson(
  {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "ESNext",
    moduleResolution: "bundler",
    moduleDetection: "force", // each block is a module even without import/export
    jsx: "react-jsx",
    isolatedModules: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    // Node's types too, for server-side snippets (process.env.SAAS_SECRET_KEY).
    typeRoots: [join(repo, "node_modules", "@types")],
    types: ["node"],
  },
  dir,
);

const host = ts.createCompilerHost(options);
// Packages (react, next ...) resolve from the repository's node_modules, as if the block lived in the repo.
host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts) =>
  literals.map((l) => {
    const bare = !l.text.startsWith(".") && !l.text.startsWith("/");
    const from = bare && containingFile.startsWith(dir) ? join(repo, "guide-block.ts") : containingFile;
    return ts.resolveModuleName(l.text, from, opts, host, undefined, redirected);
  });

const program = ts.createProgram({ rootNames: [join(dir, "api-client.ts"), canary, ...files.keys()], options, host });
const diagnostics = [...optionErrors, ...ts.getPreEmitDiagnostics(program)];

/** "guide block 3 (content/guides/x.mdx:57, line 12 of the block): TS2322: ..." */
function describeDiagnostic(d: ts.Diagnostic): { guide: string | null; text: string } {
  const message = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  if (!d.file) return { guide: null, text: message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  const info = files.get(d.file.fileName);
  if (!info) return { guide: null, text: `${d.file.fileName}:${line + 1}:${character + 1}: ${message}` };
  const mdxLine = info.fenceLine + 1 + line;
  return {
    guide: info.guide,
    text: `${info.guide} block ${info.block} (content/guides/${info.guide}.mdx:${mdxLine}, line ${line + 1} of the block): ${message}`,
  };
}
const described = diagnostics.map(describeDiagnostic);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("guide code", () => {
  it("is actually checked: a wrong canary file fails, the SDK compiles", () => {
    const canaryErrors = diagnostics.filter((d) => d.file?.fileName === canary).map((d) => d.code);
    expect(canaryErrors).toEqual([2322]);
    expect(files.size, "ts/tsx blocks found").toBeGreaterThan(0);
    expect(described.filter((d) => d.guide === null && !d.text.includes("canary.ts")).map((d) => d.text)).toEqual([]);
  });

  it(`opts out of checking in at most ${MAX_OPT_OUTS} blocks (\`ts nocheck\`)`, () => {
    expect(optOuts.length, `blocks with nocheck: ${optOuts.join("; ")}`).toBeLessThanOrEqual(MAX_OPT_OUTS);
  });

  describe.each(GUIDES.map((g) => [g.id] as const))("%s", (id) => {
    it("type-checks every ts/tsx block", () => {
      expect(missing.includes(id) ? [`content/guides/${id}.mdx is missing`] : []).toEqual([]);
      expect(described.filter((d) => d.guide === id).map((d) => d.text)).toEqual([]);
    });
  });
});
