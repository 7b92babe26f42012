import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/catalog";
import { generateSdk } from "./generate";
import { SDK_USAGE, sdkMethodCount, sdkNamespaces } from "./summary";
import { strictTsc } from "@/lib/testing/strict-tsc";

const source = generateSdk();
const file = ts.createSourceFile("api-client.ts", source, ts.ScriptTarget.ES2022, true);

/** Class name → its method names (or, for ApiClient, its readonly property → type name). */
function classes(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const s of file.statements) {
    if (!ts.isClassDeclaration(s) || !s.name) continue;
    const members = new Map<string, string>();
    for (const m of s.members) {
      if (ts.isMethodDeclaration(m) && ts.isIdentifier(m.name)) members.set(m.name.text, "method");
      if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.type)
        members.set(m.name.text, m.type.getText(file));
    }
    out.set(s.name.text, members);
  }
  return out;
}

describe("sdkNamespaces: the /sdk page's table", () => {
  const generated = classes();
  const client = generated.get("ApiClient");

  it("names every namespace and method exactly as the generated client does", () => {
    expect(client).toBeDefined();
    for (const ns of sdkNamespaces()) {
      const groupClass = client?.get(ns.property);
      expect(groupClass, ns.property).toMatch(/Api$/);
      const methods = generated.get(groupClass ?? "");
      expect(
        [...(methods?.keys() ?? [])].filter((m) => methods?.get(m) === "method"),
        ns.property,
      ).toEqual(ns.methods);
    }
  });

  it("counts one method per endpoint plus the streaming variant", () => {
    expect(sdkNamespaces()).toHaveLength(13);
    expect(sdkMethodCount()).toBe(endpoints.length + 1);
    expect(sdkNamespaces().find((n) => n.property === "ai")?.methods).toEqual(["createCompletion", "streamCompletion"]);
  });
});

describe("SDK_USAGE: the snippet on /sdk", () => {
  it("type-checks against the generated api-client.ts", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "sdk-usage-"));
    try {
      await writeFile(join(dir, "api-client.ts"), source);
      await writeFile(join(dir, "app.ts"), SDK_USAGE);
      const result = await strictTsc(dir, ["api-client.ts", "app.ts"]);
      expect(result).toEqual({ code: 0, out: "" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
