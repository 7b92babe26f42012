#!/usr/bin/env node
// Folder-level import cycles in lib/: every top-level folder of lib/ (lib/catalog, lib/sandbox, ...) is one node, and
// a file of one importing a file of another is an edge. A cycle (lib/a -> lib/b -> lib/a) means neither folder can be
// understood, tested or moved without the other, so `npm run lint` fails on any and prints each one with the files
// that make each of its edges. Type-only imports count too: they tie the folders' meanings together just the same.
//
// Usage: node scripts/check-cycles.mjs [root]   (root defaults to the current directory; imports `@/x` mean root/x)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|jsx)$/;
const RESOLVE_SUFFIXES = [
  "",
  ".ts",
  ".tsx",
  ".mts",
  ".js",
  ".mjs",
  ".jsx",
  "/index.ts",
  "/index.tsx",
  "/index.js",
  "/index.mjs",
];
// Sets of cycles grow fast with the number of folders: past this many, printing more would not help anyone.
const MAX_CYCLES = 200;

/** Every source file under `dir` (paths relative to `root`, with forward slashes). */
function sourceFiles(root, dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(child);
    }
  };
  if (existsSync(path.join(root, dir))) walk(dir);
  return out.sort();
}

/** The file (relative to root) that `specifier` in `fromFile` names, or null for a package or a file that is not there. */
function resolveImport(root, fromFile, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../"))
    base = path.posix.join(path.posix.dirname(fromFile), specifier);
  else return null;
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return path.posix.normalize(candidate);
  }
  // An ESM-style `./x.js` that names `./x.ts`.
  const withoutJs = base.replace(/\.m?js$/, "");
  for (const ext of [".ts", ".tsx", ".mts"]) {
    if (withoutJs !== base && existsSync(path.join(root, withoutJs + ext)))
      return path.posix.normalize(withoutJs + ext);
  }
  return null;
}

/** lib/<folder> for a file in a folder of lib/, the file itself for a file directly in lib/. */
function folderOf(file) {
  const parts = file.split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
}

/** Folder graph: Map<from, Map<to, Array<"file -> imported file">>>. */
export function folderGraph(root) {
  const graph = new Map();
  for (const file of sourceFiles(root, "lib")) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Map());
    // preProcessFile reads imports, re-exports, `import()` and `require()` without type-checking anything.
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      const target = resolveImport(root, file, fileName);
      if (!target || !target.startsWith("lib/")) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from);
      if (!edges.has(to)) edges.set(to, []);
      edges.get(to).push(`${file} -> ${target}`);
    }
  }
  return graph;
}

/** Every elementary cycle, each listed once, starting from its smallest folder name. */
export function folderCycles(graph) {
  const nodes = [...graph.keys()].sort();
  const cycles = [];
  for (const start of nodes) {
    // Only through folders after `start`, so each cycle is found from its smallest member alone.
    const stack = [start];
    const onStack = new Set(stack);
    const visit = (node) => {
      for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
        if (cycles.length >= MAX_CYCLES) return;
        if (next === start) cycles.push([...stack]);
        else if (next > start && !onStack.has(next)) {
          stack.push(next);
          onStack.add(next);
          visit(next);
          onStack.delete(next);
          stack.pop();
        }
      }
    };
    visit(start);
  }
  return cycles;
}

/** What the check says about the repository at `root`: `ok` when lib/ has no folder cycle, and the text to print. */
export function checkCycles(root) {
  const graph = folderGraph(root);
  const cycles = folderCycles(graph);
  if (cycles.length === 0)
    return { ok: true, cycles, text: `check-cycles: no import cycles between the ${graph.size} folders of lib/` };
  const lines = [
    `check-cycles: ${cycles.length}${cycles.length >= MAX_CYCLES ? "+" : ""} import cycle(s) between folders of lib/:`,
    "",
  ];
  for (const cycle of cycles) {
    lines.push(`  ${[...cycle, cycle[0]].join(" -> ")}`);
    cycle.forEach((from, i) => {
      const to = cycle[(i + 1) % cycle.length];
      lines.push(`    ${from} -> ${to}:`);
      for (const edge of graph.get(from).get(to)) lines.push(`      ${edge}`);
    });
    lines.push("");
  }
  lines.push("Move what both sides need into one folder (or a new one), so imports between folders go one way.");
  return { ok: false, cycles, text: lines.join("\n") };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ok, text } = checkCycles(path.resolve(process.argv[2] ?? "."));
  if (ok) console.log(text);
  else {
    console.error(text);
    process.exitCode = 1;
  }
}
