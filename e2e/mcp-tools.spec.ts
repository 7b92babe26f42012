import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { expect, test } from "@playwright/test";
import { connectV2, TOOL_NAMES, textOf } from "./mcp-clients";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
const toolsDir = join(root, "tools", "mcp-conformance");
/** Node 22 from the node@22 npm package: the conformance suite and Inspector 2.x need it. */
const node22 = join(toolsDir, "node_modules", ".bin", "node");
const bin = (name: string) => join(toolsDir, "node_modules", ".bin", name);

test.describe("MCP stdio entry", () => {
  test("serves the same tools/list as HTTP and answers calls", async ({ baseURL }) => {
    const http = await connectV2(`${baseURL}/api/mcp`);
    const overHttp = (await http.listTools()).tools;
    await http.close();

    const stdio = new Client({ name: "e2e-stdio", version: "1.0.0" });
    await stdio.connect(new StdioClientTransport({ command: process.execPath, args: [join(root, "bin", "mcp-stdio.mjs")], cwd: "/tmp" }));
    const overStdio = (await stdio.listTools()).tools;
    expect(overStdio.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    expect(overStdio).toEqual(overHttp);
    const r = await stdio.callTool({ name: "get_endpoint_details", arguments: { path: "/v1/user/files/folders", method: "POST" } });
    expect(textOf(r)).toContain("# POST /v1/user/files/folders");
    await stdio.close();
  });
});

test.describe("MCP Inspector CLI", () => {
  test("lists and calls tools over HTTP", async ({ baseURL }) => {
    const url = `${baseURL}/api/mcp`;
    const list = await run(node22, [bin("mcp-inspector"), "--cli", url, "--transport", "http", "--method", "tools/list"], { timeout: 60_000 });
    expect(JSON.parse(list.stdout).tools.map((t: { name: string }) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    const call = await run(
      node22,
      [bin("mcp-inspector"), "--cli", url, "--transport", "http", "--method", "tools/call", "--tool-name", "search_endpoints", "--tool-arg", "query=cancel at period end"],
      { timeout: 60_000 },
    );
    const result = JSON.parse(call.stdout);
    expect(result.isError ?? false).toBe(false);
    expect(result.structuredContent.results[0].path).toMatch(/subscription/);
  });
});

test.describe("official MCP conformance suite", () => {
  for (const scenario of ["server-initialize", "ping", "tools-list", "resources-list", "prompts-list", "dns-rebinding-protection"]) {
    test(scenario, async ({ baseURL }) => {
      // The suite checks localhost Host/Origin handling, so it must address the server as localhost.
      const url = `${baseURL!.replace("127.0.0.1", "localhost")}/api/mcp`;
      const { stdout } = await run(node22, [bin("conformance"), "server", "--url", url, "--scenario", scenario], { timeout: 120_000 }).catch(
        (e: { stdout?: string; stderr?: string }) => {
          throw new Error(`conformance ${scenario} failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
        },
      );
      expect(stdout).toMatch(/Passed: (\d+)\/\1, 0 failed/);
    });
  }
});
