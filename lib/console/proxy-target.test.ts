import { describe, expect, it } from "vitest";
import type { LiveApi } from "@/lib/site/live-api";
import { checkTarget } from "./proxy-target";

const api: LiveApi = {
  baseUrl: "https://api.example.com/api",
  origin: "https://api.example.com",
  basePath: "/api",
  via: "proxy",
};
const root: LiveApi = {
  baseUrl: "https://api.example.com",
  origin: "https://api.example.com",
  basePath: "",
  via: "proxy",
};

const status = (raw: string | null, live: LiveApi | null = api) => {
  const c = checkTarget(raw, live);
  return c.ok ? 200 : c.status;
};

describe("checkTarget", () => {
  it("admits URLs under the base path, query kept, fragment dropped", () => {
    const c = checkTarget("https://api.example.com/api/v1/auth/me?x=1#frag", api);
    expect(c.ok && c.url.href).toBe("https://api.example.com/api/v1/auth/me?x=1");
    expect(status("https://api.example.com/api")).toBe(200);
    expect(status("https://API.example.com:443/api/v1/plans")).toBe(200);
    expect(status("https://api.example.com/anything", root)).toBe(200);
  });

  it("404 when no live API is configured", () => {
    expect(status("https://api.example.com/api/v1/plans", null)).toBe(404);
  });

  it("400 for a missing, relative or non-http URL", () => {
    expect(status(null)).toBe(400);
    expect(status("")).toBe(400);
    expect(status("/api/v1/plans")).toBe(400);
    expect(status("api.example.com/api/v1/plans")).toBe(400);
    expect(status("ftp://api.example.com/api/v1")).toBe(400);
    expect(status("javascript:alert(1)")).toBe(400);
  });

  it("403 for another origin, naming the one it forwards to", () => {
    expect(checkTarget("https://evil.example/api/v1/plans", api)).toEqual({
      ok: false,
      status: 403,
      detail: "The console proxy only forwards to https://api.example.com",
    });
    expect(status("http://api.example.com/api/v1/plans")).toBe(403); // scheme is part of the origin
    expect(status("https://api.example.com:8443/api/v1/plans")).toBe(403);
    expect(status("https://api.example.com.evil.example/api/v1")).toBe(403);
  });

  it("403 outside the base path, on a segment boundary", () => {
    expect(status("https://api.example.com/apix/v1/plans")).toBe(403);
    expect(status("https://api.example.com/ap")).toBe(403);
    expect(status("https://api.example.com/admin")).toBe(403);
  });

  it("403 for user info, even with the right host after it", () => {
    expect(status("https://user:pw@api.example.com/api/v1/plans")).toBe(403);
    expect(status("https://api.example.com@evil.example/api/v1")).toBe(403);
    expect(status("https://user@api.example.com/api/v1")).toBe(403);
  });

  it("checks the path after dot segments are resolved, also percent-encoded ones", () => {
    expect(status("https://api.example.com/api/../admin")).toBe(403);
    expect(status("https://api.example.com/api/v1/../../admin")).toBe(403);
    expect(status("https://api.example.com/api/%2e%2e/admin")).toBe(403);
    expect(status("https://api.example.com/api/v1/./../v1/plans")).toBe(200);
    expect(status("https://api.example.com\\api\\..\\admin")).toBe(403);
  });

  it("400 for encoded separators an upstream might decode into other segments", () => {
    expect(status("https://api.example.com/api/..%2fadmin")).toBe(400);
    expect(status("https://api.example.com/api/..%5Cadmin")).toBe(400);
  });
});
