import { execFile } from "node:child_process";
import { request } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { newTenant } from "@/lib/sandbox/testing/fixtures";
import { createPortalServer } from "./portal-server";

/**
 * The portal server (`npm start`) against odd and hostile requests, on a real port: unknown methods, bad
 * percent-encoding, security headers, bodies that never end, uploads answered 401 before they are read, and
 * clients that send slowly. Next is stood in for by a handler that records what reached it.
 */

setupTempDatabase();

const run = promisify(execFile);

/** 30 uploads of 4 MiB with a public key and a bad token, in turn; prints how each ended (status or error code). */
const UPLOADS = `
const [origin, key] = process.argv.slice(1);
const file = new Blob([new Uint8Array(4 * 1024 * 1024).fill(98)]);
const outcomes = {};
for (let i = 0; i < 30; i++) {
  const form = new FormData();
  form.append("file", file, "big.bin");
  let outcome;
  try {
    const res = await fetch(origin + "/sandbox/v1/user/files", { method: "POST", headers: { "x-api-key": key, authorization: "Bearer nope" }, body: form });
    await res.arrayBuffer();
    outcome = res.status;
  } catch (e) {
    outcome = e.cause?.code ?? e.message;
  }
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
}
console.log(JSON.stringify(outcomes));
`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with node:http (fetch refuses TRACE and CONNECT-like methods). */
function send(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const toNext: string[] = [];
const server = createPortalServer(
  (req, res) => {
    toNext.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "text/html" }).end("<p>from next</p>");
  },
  { timeouts: { headersTimeout: 1_000, requestTimeout: 2_000, keepAliveTimeout: 5_000 } },
);
let origin = "";
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("unknown methods and bad paths", () => {
  it.each(["TRACE", "PROPFIND", "MKCOL", "PURGE"])(
    "%s gets 405 with Allow on every kind of route, Next never sees it",
    async (method) => {
      toNext.length = 0;
      for (const path of [
        "/",
        "/reference/authentication",
        "/api/health",
        "/api/mcp",
        "/sandbox/v1/auth/me",
        "/api/console/proxy?url=x",
        "/sandbox/tenants",
      ]) {
        const res = await send(origin, method, path);
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.allow, path).toBe(
          path === "/api/mcp" ? "POST" : "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
        );
        expect(JSON.parse(res.body), path).toEqual({ detail: `Method ${method} not allowed` });
      }
      expect(toNext).toEqual([]);
    },
  );

  it.each(["/reference/%ff", "/md/%ff", "/guides/%ff.md", "/md/%", "/sandbox/v1/auth/%e0%a4", "/api/mcp%ff"])(
    "%s: 400, not a 500 from deeper down",
    async (path) => {
      toNext.length = 0;
      const res = await send(origin, "GET", path);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ detail: "The URL path is not valid percent-encoded UTF-8" });
      expect(toNext).toEqual([]);
    },
  );

  it("valid percent-encoding still reaches its route", async () => {
    toNext.length = 0;
    expect((await send(origin, "GET", "/reference/caf%C3%A9?q=%ff")).status).toBe(200);
    expect(toNext).toEqual(["GET /reference/caf%C3%A9?q=%ff"]);
  });
});

describe("security headers on every answer", () => {
  const expectHardened = (res: Answer, what: string) => {
    expect(res.headers["x-content-type-options"], what).toBe("nosniff");
    expect(res.headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
    expect(res.headers["permissions-policy"], what).toContain("camera=()");
    expect(res.headers["x-frame-options"], what).toBe("DENY");
    const csp = String(res.headers["content-security-policy"]);
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "script-src 'self' 'unsafe-inline'",
    ])
      expect(csp, what).toContain(directive);
  };

  it("pages (through Next), MCP, the sandbox API and the server's own refusals", async () => {
    const tenant = await newTenant();
    const answers: [string, Answer][] = [
      ["page", await send(origin, "GET", "/")],
      [
        "mcp",
        await send(
          origin,
          "POST",
          "/api/mcp",
          { "content-type": "application/json", accept: "application/json, text/event-stream" },
          '{"jsonrpc":"2.0","id":1,"method":"ping"}',
        ),
      ],
      ["mcp GET", await send(origin, "GET", "/api/mcp")],
      ["sandbox", await send(origin, "GET", "/sandbox/v1/auth/me", { "x-api-key": tenant.public_key })],
      ["405", await send(origin, "TRACE", "/")],
      ["400", await send(origin, "GET", "/%ff")],
    ];
    for (const [what, res] of answers) expectHardened(res, what);
    expect(String(answers[0]![1].headers["content-security-policy"])).toContain("form-action 'self';");
    expect(answers[0]![1].headers["strict-transport-security"]).toBeUndefined();
  });

  it("the consent and checkout pages may post to the tenant's app; HSTS over https (behind a trusted proxy only)", async () => {
    // Without TRUST_PROXY a client's own X-Forwarded-Proto proves nothing.
    const direct = await send(origin, "GET", "/sandbox/oauth/google?state=x", { "x-forwarded-proto": "https" });
    expect(direct.headers["strict-transport-security"]).toBeUndefined();
    process.env.TRUST_PROXY = "1";
    try {
      const consent = await send(origin, "GET", "/sandbox/oauth/google?state=x", { "x-forwarded-proto": "https" });
      expect(String(consent.headers["content-security-policy"])).toContain("form-action 'self' http: https:");
      expect(String(consent.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
      expect(consent.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
});

describe("bodies", { timeout: 20_000 }, () => {
  /** A chunked POST that keeps sending until the answer comes (or `limit` bytes); resolves with the answer. */
  function endlessPost(
    path: string,
    headers: Record<string, string>,
    limit = 64 * 1024 * 1024,
  ): Promise<{ status: number; body: string; sent: number }> {
    return new Promise((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const req = request(
        `${origin}${path}`,
        { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" }, agent: false },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), sent });
          });
        },
      );
      req.on("error", (e) => (answered ? undefined : reject(e)));
      const pump = () => {
        while (!answered && sent < limit) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
      };
      pump();
    });
  }

  it("an endless chunked body to the sandbox API is answered 413 at 1 MiB, and the client reads it", async () => {
    const tenant = await newTenant();
    const res = await endlessPost("/sandbox/v1/auth/register", {
      "content-type": "application/json",
      "x-api-key": tenant.public_key,
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ detail: "Request body too large" });
    expect(res.sent).toBeLessThan(16 * 1024 * 1024);
  });

  it("an endless chunked body to /api/mcp is answered 413 at its cap, and the client reads it", async () => {
    const res = await endlessPost("/api/mcp", {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ jsonrpc: "2.0", error: { code: -32600 } });
    expect(res.sent).toBeLessThan(16 * 1024 * 1024);
  });

  it("an upload with a bad key gets its 401 every time (the body is read and discarded first, no EPIPE)", async () => {
    // The client runs in its own process: in this one it would share the server's event loop, and the race it
    // lost (a socket closed with the upload still arriving) would not happen.
    const tenant = await newTenant();
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", UPLOADS, origin, tenant.public_key], {
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({ 401: 30 });
  });
});

describe("slow clients", { timeout: 20_000 }, () => {
  /** Opens a raw connection, sends `head`, then one byte every 100 ms; resolves with what the server said and when it closed. */
  function trickle(head: string): Promise<{ reply: string; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, "127.0.0.1");
      let reply = "";
      let timer: NodeJS.Timeout | undefined;
      socket.on("connect", () => {
        socket.write(head);
        timer = setInterval(() => socket.write("a"), 100);
      });
      socket.on("data", (d: Buffer) => (reply += d.toString("utf8")));
      socket.on("error", () => undefined);
      socket.on("close", () => {
        clearInterval(timer);
        resolve({ reply, ms: Date.now() - started });
      });
      setTimeout(() => {
        clearInterval(timer);
        socket.destroy();
        reject(new Error(`still open after 15 s; the server said: ${reply.slice(0, 200)}`));
      }, 15_000);
    });
  }

  it("a body that trickles in is cut off at the request timeout with 408", async () => {
    const { reply, ms } = await trickle(
      "POST /api/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n",
    );
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(5_000);
  });

  it("headers that trickle in are cut off at the headers timeout", async () => {
    const { reply, ms } = await trickle("GET /sandbox/v1/auth/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(4_000);
  });
});
