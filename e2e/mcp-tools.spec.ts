import { type ChildProcess, execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { expect, test } from "@playwright/test";
import { connectV1, connectV2, expectEveryToolAnswers, TOOL_NAMES, textOf } from "./mcp-clients";

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
    await stdio.connect(
      new StdioClientTransport({ command: process.execPath, args: [join(root, "bin", "mcp-stdio.mjs")], cwd: "/tmp" }),
    );
    const overStdio = (await stdio.listTools()).tools;
    expect(overStdio.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    expect(overStdio).toEqual(overHttp);
    const r = await stdio.callTool({
      name: "get_endpoint_details",
      arguments: { path: "/v1/user/files/folders", method: "POST" },
    });
    expect(textOf(r)).toContain("# POST /v1/user/files/folders");
    await stdio.close();
  });
});

test.describe("MCP Inspector CLI", () => {
  test("lists and calls tools over HTTP", async ({ baseURL }) => {
    const url = `${baseURL}/api/mcp`;
    const list = await run(
      node22,
      [bin("mcp-inspector"), "--cli", url, "--transport", "http", "--method", "tools/list"],
      { timeout: 60_000 },
    );
    expect(
      JSON.parse(list.stdout)
        .tools.map((t: { name: string }) => t.name)
        .sort(),
    ).toEqual([...TOOL_NAMES].sort());
    const call = await run(
      node22,
      [
        bin("mcp-inspector"),
        "--cli",
        url,
        "--transport",
        "http",
        "--method",
        "tools/call",
        "--tool-name",
        "search_endpoints",
        "--tool-arg",
        "query=cancel at period end",
      ],
      { timeout: 60_000 },
    );
    const result = JSON.parse(call.stdout);
    expect(result.isError ?? false).toBe(false);
    expect(result.structuredContent.results[0].path).toMatch(/subscription/);
  });
});

test.describe("official MCP conformance suite", () => {
  for (const scenario of [
    "server-initialize",
    "ping",
    "tools-list",
    "resources-list",
    "prompts-list",
    "dns-rebinding-protection",
  ]) {
    test(scenario, async ({ baseURL }) => {
      // The suite checks localhost Host/Origin handling, so it must address the server as localhost.
      const url = `${baseURL!.replace("127.0.0.1", "localhost")}/api/mcp`;
      const { stdout } = await run(node22, [bin("conformance"), "server", "--url", url, "--scenario", scenario], {
        timeout: 120_000,
      }).catch((e: { stdout?: string; stderr?: string }) => {
        throw new Error(`conformance ${scenario} failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
      });
      expect(stdout).toMatch(/Passed: (\d+)\/\1, 0 failed/);
    });
  }
});

test.describe("MCP endpoint on its own (node:http, npm run mcp:http)", () => {
  test.describe.configure({ mode: "serial" });
  const portal = "https://portal.example.com";
  let child: ChildProcess;
  let url = "";

  test.beforeAll(async () => {
    // Port 0: the system picks a free one and the server prints it.
    child = spawn(process.execPath, [join(root, "bin", "mcp-http.mjs")], {
      cwd: "/tmp",
      env: { ...process.env, MCP_HTTP_PORT: "0", PORTAL_URL: portal },
      stdio: ["ignore", "pipe", "pipe"],
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`no "listening" line in 60 s:\n${out}`)), 60_000);
      const onData = (d: Buffer) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.on("exit", (code) => reject(new Error(`mcp-http exited (${code}):\n${out}`)));
    });
  });

  test.afterAll(() => {
    child?.kill("SIGTERM");
  });

  test("serves the same tools as the portal's /api/mcp, to 2.x and 1.x clients, linking to PORTAL_URL", async ({
    baseURL,
  }) => {
    const portalClient = await connectV2(`${baseURL}/api/mcp`);
    const overPortal = (await portalClient.listTools()).tools;
    await portalClient.close();

    const client = await connectV2(url);
    expect((await client.listTools()).tools).toEqual(overPortal);
    const r = await client.callTool({
      name: "get_endpoint_details",
      arguments: { path: "/v1/auth/login", method: "POST" },
    });
    expect(textOf(r)).toContain(`${portal}/reference/`);
    expect((r.structuredContent as { matches: Array<{ docs_url: string }> }).matches[0]?.docs_url).toMatch(
      new RegExp(`^${portal}/reference/`),
    );
    await client.close();

    const v1 = await connectV1(url);
    await expectEveryToolAnswers(v1);
    await v1.close();
  });

  test("keeps the portal endpoint's rules: Host and Origin checks, 405, body cap, parse errors, 404 elsewhere", async ({
    request,
  }) => {
    const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
    const ping = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" });
    expect((await request.post(url, { headers, data: ping })).status()).toBe(200);
    expect((await request.post(url, { headers: { ...headers, host: "evil.example" }, data: ping })).status()).toBe(403);
    expect(
      (await request.post(url, { headers: { ...headers, origin: "https://evil.example" }, data: ping })).status(),
    ).toBe(403);
    const get = await request.get(url);
    expect(get.status()).toBe(405);
    expect(get.headers().allow).toBe("POST");
    const bad = await request.post(url, { headers, data: Buffer.from("{not json") });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe(-32700);
    const big = await request.post(url, {
      headers,
      data: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(300_000) } }),
    });
    expect(big.status()).toBe(413);
    const elsewhere = await request.get(url.replace("/api/mcp", "/reference"));
    expect(elsewhere.status()).toBe(404);
    expect((await elsewhere.json()).detail).toContain("/api/mcp");
  });

  for (const scenario of ["server-initialize", "tools-list", "dns-rebinding-protection"]) {
    test(`official conformance: ${scenario}`, async () => {
      const { stdout } = await run(
        node22,
        [bin("conformance"), "server", "--url", url.replace("127.0.0.1", "localhost"), "--scenario", scenario],
        { timeout: 120_000 },
      ).catch((e: { stdout?: string; stderr?: string }) => {
        throw new Error(`conformance ${scenario} failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
      });
      expect(stdout).toMatch(/Passed: (\d+)\/\1, 0 failed/);
    });
  }
});
