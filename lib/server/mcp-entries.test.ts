import { execFileSync, spawn } from "node:child_process";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { beforeAll, describe, expect, it } from "vitest";
import { malformedLineError } from "@/lib/mcp/stdio";

/** The stdio entry as clients run it (`npm run mcp:stdio`, a real process): every request with an id gets an answer. */

// The entry runs the server code `npm run build` bundles: bundled here from the sources under test (about a second).
beforeAll(() => void execFileSync(process.execPath, ["scripts/build-server.mjs"], { stdio: "ignore" }), 60_000);

interface RpcAnswer {
  jsonrpc: string;
  id: string | number | null;
  result?: unknown;
  error?: { code: number; message: string };
}

/** Writes `lines` to a fresh stdio server and collects its answers until `expected` have come (or 30 s). */
async function exchange(lines: string[], expected: number): Promise<RpcAnswer[]> {
  const child = spawn(process.execPath, ["bin/mcp-stdio.mjs"], { stdio: ["pipe", "pipe", "ignore"] });
  const answers: RpcAnswer[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${answers.length} of ${expected} answers after 30 s: ${JSON.stringify(answers)}`)),
        30_000,
      );
      createInterface({ input: child.stdout }).on("line", (line) => {
        answers.push(JSON.parse(line) as RpcAnswer);
        if (answers.length === expected) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", (code) => reject(new Error(`the server exited (${code}) after ${answers.length} answers`)));
      child.stdin.write(lines.map((l) => `${l}\n`).join(""));
    });
  } finally {
    child.kill();
  }
  return answers;
}

describe("stdio: malformed requests", { timeout: 40_000 }, () => {
  it("answers each request with an id with a JSON-RPC error, and keeps serving", async () => {
    const init = {
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } },
    };
    const answers = await exchange(
      [
        JSON.stringify(init),
        '{"jsonrpc":"2.0","method":"notifications/initialized"}',
        '{"jsonrpc":"2.0","id":8,"method":"tools/call","params":"x"}',
        '{"jsonrpc":"2.0","id":"nine","method":"tools/call","params":[1,2]}',
        '{"jsonrpc":"2.0","id":10,"method":"tools/list","params":null}',
        '{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":42}}',
        '{"jsonrpc":"1.0","id":12,"method":"ping"}',
        "{not json",
        '{"jsonrpc":"2.0","method":"notifications/x","params":"y"}',
        '{"jsonrpc":"2.0","id":13,"method":"ping"}',
      ],
      8,
    );
    const byId = new Map(answers.map((a) => [a.id, a]));
    expect(byId.get(0)?.result).toBeDefined();
    for (const id of [8, "nine", 10]) expect(byId.get(id)?.error?.code, String(id)).toBe(-32602);
    expect(byId.get(11)?.error?.code).toBe(-32602);
    expect(byId.get(12)?.error?.code).toBe(-32600);
    expect(byId.get(null)?.error?.code).toBe(-32700);
    expect(byId.get(13)?.result).toEqual({});
  });
});

describe("malformedLineError", () => {
  it("passes what the SDK reads, and notifications it cannot (no id to answer)", () => {
    expect(malformedLineError('{"jsonrpc":"2.0","id":1,"method":"ping"}')).toBeNull();
    expect(malformedLineError('{"jsonrpc":"2.0","method":"notifications/x","params":"y"}')).toBeNull();
  });
});

describe("one server, built once", { timeout: 40_000 }, () => {
  it("stdio, /api/mcp, npm start and npm run mcp:http answer initialize, tools/list, resources/list and prompts/list identically", async () => {
    const init = {
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } },
    };
    const lists = ["tools/list", "resources/list", "prompts/list"].map((method, i) => ({
      jsonrpc: "2.0",
      id: i + 1,
      method,
      params: {},
    }));
    const overStdio = await exchange(
      [
        JSON.stringify(init),
        '{"jsonrpc":"2.0","method":"notifications/initialized"}',
        ...lists.map((l) => JSON.stringify(l)),
      ],
      4,
    );
    const byId = new Map(overStdio.map((a) => [a.id, a.result]));

    // Links name the portal's address; over stdio that is the served default, so HTTP is asked at the same one.
    const { handleMcpPost } = await import("@/lib/mcp/http");
    const overHttp = async (message: object) => {
      const res = await handleMcpPost(
        new Request("http://localhost:3000/api/mcp", {
          method: "POST",
          headers: {
            host: "localhost:3000",
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            "mcp-protocol-version": "2025-06-18",
          },
          body: JSON.stringify(message),
        }),
      );
      const text = await res.text();
      expect(res.status, text).toBe(200);
      return (JSON.parse(text) as RpcAnswer).result;
    };
    // The portal server (`npm start`) in this process, and `npm run mcp:http` as a real process, over real sockets.
    const { createPortalServer } = await import("./portal-server");
    const portal = createPortalServer((_req, res) => void res.writeHead(404).end());
    const portalPort = await listen(portal);
    const standalone = spawn(process.execPath, ["bin/mcp-http.mjs"], {
      env: { ...process.env, MCP_HTTP_PORT: "0", PORTAL_URL: "http://localhost:3000" },
      stdio: ["ignore", "pipe", "ignore"],
    });
    try {
      const standalonePort = await new Promise<number>((resolve, reject) => {
        createInterface({ input: standalone.stdout! }).on("line", (line) => {
          const port = /:(\d+)\/api\/mcp/.exec(line)?.[1];
          if (port) resolve(Number(port));
        });
        standalone.on("exit", (code) => reject(new Error(`npm run mcp:http exited (${code})`)));
      });
      const transports: [string, (message: object) => Promise<unknown>][] = [
        ["/api/mcp (App Router route)", overHttp],
        ["npm start (portal server)", (m) => overSocket(portalPort, m)],
        ["npm run mcp:http", (m) => overSocket(standalonePort, m)],
      ];
      for (const [name, ask] of transports) {
        expect(await ask(init), `${name}: initialize`).toEqual(byId.get(0));
        for (const list of lists) expect(await ask(list), `${name}: ${list.method}`).toEqual(byId.get(list.id));
      }
    } finally {
      standalone.kill();
      portal.close();
    }
    expect(JSON.stringify(byId.get(1))).toContain("call_sandbox");
  });
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

/** POSTs one JSON-RPC message to /api/mcp on 127.0.0.1:`port`, as a client of the portal at localhost:3000 would. */
function overSocket(port: number, message: object): Promise<unknown> {
  const body = JSON.stringify(message);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path: "/api/mcp",
        method: "POST",
        headers: {
          host: "localhost:3000",
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          accept: "application/json, text/event-stream",
          "mcp-protocol-version": "2025-06-18",
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          res.statusCode === 200
            ? resolve((JSON.parse(text) as RpcAnswer).result)
            : reject(new Error(`${res.statusCode}: ${text}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
