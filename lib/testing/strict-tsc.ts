import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * Type-checks generated TypeScript (code samples, the SDK and code using it) the way a strict project would, in a
 * temp folder of its own. --skipLibCheck: TypeScript's own lib .d.ts files are not ours to check; every .ts file
 * given is checked in full.
 */
export const STRICT_TSC_FLAGS: readonly string[] = [
  "--strict",
  "--noUncheckedIndexedAccess",
  "--noEmit",
  "--target",
  "ES2022",
  "--lib",
  "ES2022,DOM",
  "--module",
  "ESNext",
  "--moduleResolution",
  "bundler",
  "--skipLibCheck",
];

const TSC = join(process.cwd(), "node_modules/.bin/tsc");
const exec = promisify(execFile);

/** Runs tsc in `dir` with the strict flags, `extraFlags` and `files`: its exit code and what it printed. */
export function strictTsc(
  dir: string,
  files: readonly string[],
  extraFlags: readonly string[] = [],
): Promise<{ code: number; out: string }> {
  return exec(TSC, [...STRICT_TSC_FLAGS, ...extraFlags, ...files], { cwd: dir }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code?: number; stdout?: string }) => ({ code: e.code ?? 1, out: e.stdout ?? "" }),
  );
}
