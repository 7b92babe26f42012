import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { LiveApi } from "@/lib/site/live-api";
import { handleConsoleProxy, type ProxySettings } from "./proxy";

/** The proxy against a real HTTP upstream on a real port (node:http), called with real Requests. */

const PORT = 3311;
const UNUSED_PORT = 3319; // nothing listens here: the "unreachable API"
const ORIGIN = `http://127.0.0.1:${PORT}`;
const live: LiveApi = { baseUrl: `${ORIGIN}/api`, origin: ORIGIN, basePath: "/api", via: "proxy" };
const settings: ProxySettings = { live, maxBodyBytes: 64 * 1024, timeoutMs: 5_000 };

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  length: number;
  sha256: string;
}

const hits: string[] = [];
const hanging: ServerResponse[] = [];
let releaseSse: () => void = () => undefined;
let sseEnded = false;

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function upstream(req: IncomingMessage, res: ServerResponse) {
  hits.push(`${req.method} ${req.url}`);
  const body = await readAll(req);
  const path = (req.url ?? "").split("?")[0];
  if (path === "/api/echo") {
    const echo: Echo = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      length: body.length,
      sha256: createHash("sha256").update(body).digest("hex"),
    };
    res.writeHead(200, {
      "Content-Type": "application/json",
      "Set-Cookie": ["session=upstream; HttpOnly", "other=1"],
      "X-RateLimit-Remaining": "9",
      "Content-Disposition": 'inline; filename="echo.json"',
    });
    res.end(JSON.stringify(echo));
  } else if (path === "/api/page") {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "script-src *" });
    res.end("<!doctype html><script>alert(document.domain)</script>");
  } else if (path === "/api/limited") {
    res.writeHead(429, { "Content-Type": "application/json", "Retry-After": "120", "X-RateLimit-Limit": "10" });
    res.end(JSON.stringify({ detail: "Too many requests" }));
  } else if (path === "/api/redirect") {
    res.writeHead(302, { Location: "/api/echo?redirected=1" });
    res.end();
  } else if (path === "/api/gzip") {
    res.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "gzip" });
    res.end(gzipSync(Buffer.from("compressed hello ".repeat(100))));
  } else if (path === "/api/sse") {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no" });
    res.write("data: first\n\n");
    // The rest only once the test has seen the first event through the proxy: a buffering proxy never delivers it.
    await new Promise<void>((resolve) => (releaseSse = resolve));
    res.write("data: second\n\n");
    res.end("data: [DONE]\n\n");
    sseEnded = true;
  } else if (path === "/api/hang") {
    hanging.push(res); // never answers
  } else {
    res.writeHead(404, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ detail: "Not Found" }));
  }
}

let server: Server;
beforeAll(async () => {
  server = createServer((req, res) => void upstream(req, res));
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => vi.restoreAllMocks());

const proxyUrl = (target: string) => `http://portal.test/api/console/proxy?url=${encodeURIComponent(target)}`;

function call(
  target: string,
  init: RequestInit & { duplex?: "half" } = {},
  s: ProxySettings = settings,
): Promise<Response> {
  return handleConsoleProxy(new Request(proxyUrl(target), init), s);
}

const detail = async (res: Response) => ((await res.json()) as { detail: string }).detail;

describe("forwarding", () => {
  it("sends the allow-listed headers only, never Cookie, Origin or Referer; strips Set-Cookie; keeps the rest", async () => {
    const res = await call(`${ORIGIN}/api/echo?q=1&r=a%20b`, {
      method: "POST",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        Authorization: "Bearer jwt-token",
        "X-API-Key": "pk_live_abc",
        "X-Organization-Id": "org-1",
        "Last-Event-ID": "41",
        "Idempotency-Key": "idem-1",
        Cookie: "portal_session=secret",
        Origin: "http://portal.test",
        Referer: "http://portal.test/console",
        "X-Forwarded-For": "10.1.2.3",
        "X-Custom": "nope",
      },
      body: JSON.stringify({ hello: "world" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(res.headers.get("x-console-proxy")).toBe("1");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("9");
    expect(res.headers.get("content-disposition")).toBe('inline; filename="echo.json"');
    const echo = (await res.json()) as Echo;
    expect(echo.method).toBe("POST");
    expect(echo.url).toBe("/api/echo?q=1&r=a%20b");
    expect(echo.headers).toMatchObject({
      accept: "application/json",
      "content-type": "application/json",
      authorization: "Bearer jwt-token",
      "x-api-key": "pk_live_abc",
      "x-organization-id": "org-1",
      "last-event-id": "41",
      "idempotency-key": "idem-1",
      "content-length": String(Buffer.byteLength('{"hello":"world"}')),
      host: `127.0.0.1:${PORT}`,
    });
    for (const h of ["cookie", "origin", "referer", "x-forwarded-for", "x-custom"])
      expect(echo.headers[h], h).toBeUndefined();
    expect(echo.sha256).toBe(createHash("sha256").update('{"hello":"world"}').digest("hex"));
  });

  it("passes each method on", async () => {
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const echo = (await (await call(`${ORIGIN}/api/echo`, { method })).json()) as Echo;
      expect(echo.method).toBe(method);
    }
  });

  it("passes a multipart body byte for byte, boundary and all", async () => {
    const file = randomBytes(20_000);
    file.write("\r\n--\r\n", 100, "latin1"); // bytes that look like multipart framing inside the file
    const form = new FormData();
    form.append("file", new Blob([file], { type: "application/octet-stream" }), "blob.bin");
    form.append("folder_id", "root");
    const encoded = new Request("http://x.test/", { method: "POST", body: form });
    const contentType = encoded.headers.get("content-type")!;
    const bytes = Buffer.from(await encoded.arrayBuffer());
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);

    const echo = (await (
      await call(`${ORIGIN}/api/echo`, { method: "POST", headers: { "Content-Type": contentType }, body: bytes })
    ).json()) as Echo;
    expect(echo.headers["content-type"]).toBe(contentType);
    expect(echo.length).toBe(bytes.length);
    expect(echo.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("serves an HTML answer sandboxed (its own CSP replaced), never as a page of the portal", async () => {
    const res = await call(`${ORIGIN}/api/page`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp.split(/;\s*/)).toContain("sandbox");
    expect(csp).not.toContain("script-src *");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toContain("<script>");
  });

  it("keeps the API's status and rate-limit headers", async () => {
    const res = await call(`${ORIGIN}/api/limited`);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("120");
    expect(res.headers.get("x-ratelimit-limit")).toBe("10");
    expect(await detail(res)).toBe("Too many requests");
  });

  it("returns a redirect as is, Location included, without following it", async () => {
    const before = hits.filter((h) => h.includes("redirected=1")).length;
    const res = await call(`${ORIGIN}/api/redirect`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/api/echo?redirected=1");
    expect(hits.filter((h) => h.includes("redirected=1")).length).toBe(before);
  });

  it("hands on a compressed answer decoded, without the stale Content-Encoding", async () => {
    const res = await call(`${ORIGIN}/api/gzip`);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.text()).toBe("compressed hello ".repeat(100));
  });

  it("streams server-sent events: the first arrives while the API is still sending", async () => {
    sseEnded = false;
    const res = await call(`${ORIGIN}/api/sse`, { method: "POST", headers: { Accept: "text/event-stream" } });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("\n\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toBe("data: first\n\n");
    expect(sseEnded).toBe(false);
    releaseSse();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toBe("data: first\n\ndata: second\n\ndata: [DONE]\n\n");
    expect(sseEnded).toBe(true);
  });
});

describe("refusals", () => {
  it("403 for another origin and outside the base path, 403 for user info, without calling anything", async () => {
    const before = hits.length;
    const foreign = await call("https://evil.example/api/echo");
    expect(foreign.status).toBe(403);
    expect(await detail(foreign)).toBe(`The console proxy only forwards to ${ORIGIN}`);
    expect(foreign.headers.get("x-console-proxy")).toBe("1");
    expect((await call(`${ORIGIN}/apix/echo`)).status).toBe(403);
    expect((await call(`${ORIGIN}/api/../echo`)).status).toBe(403);
    expect((await call(`http://user:pw@127.0.0.1:${PORT}/api/echo`)).status).toBe(403);
    expect(hits.length).toBe(before);
  });

  it("uses SAAS_API_URL only: the Host header and a relative url cannot redirect it", async () => {
    const before = hits.length;
    const req = (target: string) =>
      handleConsoleProxy(
        new Request(`http://evil.example/api/console/proxy?url=${encodeURIComponent(target)}`, {
          headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example" },
        }),
        settings,
      );
    expect((await req("/api/echo")).status).toBe(400);
    expect((await req("http://evil.example/api/echo")).status).toBe(403);
    expect(hits.length).toBe(before);
  });

  it("403 for a request another site's page made; the portal's own pages and typed-in addresses pass", async () => {
    const before = hits.length;
    const from = (site: string) =>
      handleConsoleProxy(
        new Request(`http://portal.test/api/console/proxy?url=${encodeURIComponent(`${ORIGIN}/api/echo`)}`, {
          headers: { "Sec-Fetch-Site": site },
        }),
        settings,
      );
    for (const site of ["cross-site", "same-site"]) {
      const res = await from(site);
      expect(res.status).toBe(403);
      expect(await detail(res)).toBe("The console proxy only answers the portal's own pages");
    }
    expect(hits.length).toBe(before);
    expect((await from("same-origin")).status).toBe(200);
    expect((await from("none")).status).toBe(200);
  });

  it("404 when no live API is configured, 400 without a usable url", async () => {
    const off = await call(`${ORIGIN}/api/echo`, {}, { ...settings, live: null });
    expect(off.status).toBe(404);
    expect(await detail(off)).toContain("SAAS_API_URL");
    const missing = await handleConsoleProxy(new Request("http://portal.test/api/console/proxy"), settings);
    expect(missing.status).toBe(400);
    expect(await detail(missing)).toContain("url");
    expect((await call("not a url")).status).toBe(400);
  });

  it("413 for a declared Content-Length over the cap, before anything is sent", async () => {
    const before = hits.length;
    const res = await call(`${ORIGIN}/api/echo`, {
      method: "POST",
      // A small body under a large declaration: only the Content-Length check can refuse it.
      headers: { "Content-Type": "application/octet-stream", "Content-Length": String(settings.maxBodyBytes + 1) },
      body: new Uint8Array(10),
    });
    expect(res.status).toBe(413);
    expect(await detail(res)).toContain(String(settings.maxBodyBytes));
    expect(hits.length).toBe(before);
  });

  it("413 for an endless chunked body: reading stops at the cap", async () => {
    const before = hits.length;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    const res = await call(`${ORIGIN}/api/echo`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: endless,
      duplex: "half",
    });
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(settings.maxBodyBytes / 1000 + 5);
    expect(hits.length).toBe(before);
  });

  it("a body exactly at the cap goes through", async () => {
    const body = randomBytes(settings.maxBodyBytes);
    const echo = (await (await call(`${ORIGIN}/api/echo`, { method: "POST", body })).json()) as Echo;
    expect(echo.length).toBe(settings.maxBodyBytes);
    expect(echo.sha256).toBe(createHash("sha256").update(body).digest("hex"));
  });

  it("502 naming the host when the API cannot be reached; the log names method and origin, never the key", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const down: LiveApi = {
      ...live,
      baseUrl: `http://127.0.0.1:${UNUSED_PORT}/api`,
      origin: `http://127.0.0.1:${UNUSED_PORT}`,
    };
    const res = await call(
      `http://127.0.0.1:${UNUSED_PORT}/api/echo`,
      {
        method: "POST",
        headers: { "X-API-Key": "sk_live_topsecret", Authorization: "Bearer jwt-secret" },
        body: "password=hunter2",
      },
      { ...settings, live: down },
    );
    expect(res.status).toBe(502);
    expect(res.headers.get("x-console-proxy")).toBe("1");
    const d = await detail(res);
    expect(d).toContain(`127.0.0.1:${UNUSED_PORT}`);
    expect(d).not.toContain("sk_live_topsecret");
    const logged = error.mock.calls.flat().map(String).join("\n");
    expect(logged).toContain(`POST http://127.0.0.1:${UNUSED_PORT}`);
    for (const secret of ["sk_live_topsecret", "jwt-secret", "hunter2", "/api/echo"])
      expect(logged).not.toContain(secret);
  });

  it("504 when the API sends no response headers in time", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await call(`${ORIGIN}/api/hang`, {}, { ...settings, timeoutMs: 200 });
    expect(res.status).toBe(504);
    expect(await detail(res)).toBe(`The API at 127.0.0.1:${PORT} did not answer within 200 ms`);
    expect(error).toHaveBeenCalledTimes(1);
  });
});
