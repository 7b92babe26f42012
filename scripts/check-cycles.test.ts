import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { checkCycles } from "./check-cycles.mjs";

const SCRIPT = path.resolve(__dirname, "check-cycles.mjs");
const run = promisify(execFile);

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

/** A throwaway repository holding `files` (path → source). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "check-cycles-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** The script as `npm run lint` runs it: a child process, failing by its exit code. */
async function runScript(root: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, root]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("scripts/check-cycles.mjs", () => {
  it("passes when imports between the folders of lib/ go one way", async () => {
    const root = tree({
      "lib/a/x.ts": `import { y } from "@/lib/b/y";\nexport const x = y;\n`,
      "lib/b/y.ts": `import { z } from "../c/z";\nexport const y = z;\n`,
      "lib/c/z.ts": `import { w } from "./w";\nexport const z = w;\n`,
      "lib/c/w.ts": `import { z } from "zod";\nexport const w = z;\n`,
      // Outside lib/ and packages do not count.
      "app/page.tsx": `import { x } from "@/lib/a/x";\nimport { y } from "@/lib/b/y";\n`,
    });
    const { ok, cycles, text } = checkCycles(root);
    expect(ok).toBe(true);
    expect(cycles).toEqual([]);
    expect(text).toContain("no import cycles between the 3 folders of lib/");
  });

  // A child process that loads the TypeScript compiler: seconds on a busy machine.
  it(
    "fails (exit code 1) on a two-folder cycle, type-only imports too, and names the files of each edge",
    { timeout: 30_000 },
    async () => {
      const root = tree({
        "lib/a/x.ts": `import { y } from "@/lib/b/y";\nexport const x = 1;\n`,
        "lib/b/y.ts": `import type { X } from "../a/x";\nexport const y = 2;\n`,
      });
      const { code, stderr } = await runScript(root);
      expect(code).toBe(1);
      expect(stderr).toContain("1 import cycle(s)");
      expect(stderr).toContain("lib/a -> lib/b -> lib/a");
      expect(stderr).toContain("lib/a/x.ts -> lib/b/y.ts");
      expect(stderr).toContain("lib/b/y.ts -> lib/a/x.ts");
    },
  );

  it("lists every cycle of a longer loop once, through re-exports, dynamic imports and index files", async () => {
    const root = tree({
      "lib/a/x.ts": `export { y } from "@/lib/b";\n`,
      "lib/b/index.ts": `export const y = () => import("../c/z.js");\n`,
      "lib/c/z.ts": `import { x } from "@/lib/a/x";\nimport { y } from "@/lib/b";\nexport const z = [x, y];\n`,
    });
    const { ok, cycles, text } = checkCycles(root);
    expect(ok).toBe(false);
    expect(cycles).toEqual([
      ["lib/a", "lib/b", "lib/c"],
      ["lib/b", "lib/c"],
    ]);
    expect(text).toContain("lib/a -> lib/b -> lib/c -> lib/a");
    expect(text).toContain("lib/b/index.ts -> lib/c/z.ts");
    expect(text).toContain("lib/c/z.ts -> lib/a/x.ts");
  });

  it("treats a file directly in lib/ as a folder of its own", async () => {
    const root = tree({
      "lib/top.ts": `import { x } from "./a/x";\nexport const top = x;\n`,
      "lib/a/x.ts": `import { top } from "@/lib/top";\nexport const x = 1;\n`,
    });
    const { ok, cycles } = checkCycles(root);
    expect(ok).toBe(false);
    expect(cycles).toEqual([["lib/a", "lib/top.ts"]]);
  });
});
