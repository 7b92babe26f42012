import { afterEach, describe, expect, it, vi } from "vitest";
import { handleMcpPost } from "./http";

/** POST /api/mcp as the App Router route hands it over: a web Request through the real handler and checks. */
function post(
  headers: Record<string, string>,
  body: BodyInit = '{"jsonrpc":"2.0","id":1,"method":"ping"}',
): Promise<Response> {
  return handleMcpPost(
    new Request("http://127.0.0.1:3000/api/mcp", {
      method: "POST",
      headers: {
        host: "127.0.0.1:3000",
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2025-06-18",
        ...headers,
      },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

const refusal = async (res: Response) => ({
  status: res.status,
  message: ((await res.json()) as { error: { message: string } }).error.message,
});

afterEach(() => vi.unstubAllEnvs());

describe("/api/mcp: Host (DNS rebinding), with the SDK's check", () => {
  it("answers loopback names at any port, and refuses another host, naming it", async () => {
    for (const host of ["localhost:4000", "127.0.0.1", "[::1]:3000"])
      expect((await post({ host })).status, host).toBe(200);
    expect(await refusal(await post({ host: "evil.example:3000" }))).toEqual({
      status: 403,
      message: "Forbidden: Invalid Host: evil.example",
    });
  });

  it("answers PORTAL_URL's host, ALLOWED_HOSTS and MCP_ALLOWED_HOSTS", async () => {
    vi.stubEnv("PORTAL_URL", "https://portal.example.com");
    vi.stubEnv("ALLOWED_HOSTS", "app.example.com:8443");
    vi.stubEnv("MCP_ALLOWED_HOSTS", "mcp.example.com");
    for (const host of ["portal.example.com", "app.example.com:8443", "mcp.example.com:9000"])
      expect((await post({ host })).status, host).toBe(200);
    expect((await post({ host: "example.com" })).status).toBe(403);
  });
});

describe("/api/mcp: Origin, with the SDK's check", () => {
  it("lets clients without Origin and pages of the host asked at (any port) call; refuses others and the opaque null origin", async () => {
    expect((await post({})).status).toBe(200);
    expect((await post({ origin: "http://127.0.0.1:3000" })).status).toBe(200);
    expect((await post({ origin: "http://127.0.0.1:5173" })).status).toBe(200);
    expect(await refusal(await post({ origin: "https://evil.example" }))).toEqual({
      status: 403,
      message: "Forbidden: Invalid Origin: evil.example",
    });
    expect((await post({ origin: "null" })).status).toBe(403);
  });

  it("lets PORTAL_URL's pages and MCP_ALLOWED_ORIGINS call", async () => {
    vi.stubEnv("PORTAL_URL", "https://portal.example.com");
    vi.stubEnv("MCP_ALLOWED_ORIGINS", "https://studio.example.com, https://other.example.org");
    for (const origin of ["https://portal.example.com", "https://studio.example.com", "https://other.example.org"])
      expect((await post({ origin })).status, origin).toBe(200);
    expect((await post({ origin: "https://studio.example.net" })).status).toBe(403);
  });
});

describe("/api/mcp: body size, with the SDK's reader", () => {
  const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(2_000) } });

  it("answers 413 past MCP_MAX_BODY_BYTES, declared or streamed without a length", async () => {
    vi.stubEnv("MCP_MAX_BODY_BYTES", "1000");
    expect(await refusal(await post({}, big))).toEqual({ status: 413, message: "Request body larger than 1000 bytes" });
    const bytes = new TextEncoder().encode(big);
    const chunked = new ReadableStream<Uint8Array>({
      start(c) {
        for (let at = 0; at < bytes.length; at += 300) c.enqueue(bytes.slice(at, at + 300));
        c.close();
      },
    });
    expect((await post({}, chunked)).status).toBe(413);
  });

  it("answers a body within the cap", async () => {
    vi.stubEnv("MCP_MAX_BODY_BYTES", "3000");
    const res = await post({}, big);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ jsonrpc: "2.0", id: 1, result: {} });
  });
});
