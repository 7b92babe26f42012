import { afterEach, describe, expect, it, vi } from "vitest";
import { liveApi, parseLiveApi, proxyMaxBodyBytes, proxyTimeoutMs } from "./config";

describe("parseLiveApi", () => {
  it("is unset without SAAS_API_URL (sandbox only)", () => {
    expect(parseLiveApi({})).toEqual({ kind: "unset" });
    expect(parseLiveApi({ SAAS_API_URL: "  " })).toEqual({ kind: "unset" });
  });

  it("takes an http(s) base URL, trailing slashes dropped, proxy by default", () => {
    expect(parseLiveApi({ SAAS_API_URL: "https://api.example.com/" })).toEqual({
      kind: "ok",
      api: { baseUrl: "https://api.example.com", origin: "https://api.example.com", basePath: "", via: "proxy" },
    });
    expect(parseLiveApi({ SAAS_API_URL: "http://127.0.0.1:8000/api//", SAAS_API_CONSOLE_VIA: "direct" })).toEqual({
      kind: "ok",
      api: { baseUrl: "http://127.0.0.1:8000/api", origin: "http://127.0.0.1:8000", basePath: "/api", via: "direct" },
    });
  });

  it("refuses what cannot be a base URL", () => {
    for (const value of ["api.example.com", "ftp://api.example.com", "https://user:secret@api.example.com", "https://api.example.com/?k=1", "https://api.example.com/#x"]) {
      expect(parseLiveApi({ SAAS_API_URL: value }).kind, value).toBe("invalid");
    }
  });

  it("falls back to the proxy, with a warning, for an unknown SAAS_API_CONSOLE_VIA", () => {
    const s = parseLiveApi({ SAAS_API_URL: "https://api.example.com", SAAS_API_CONSOLE_VIA: "browser" });
    expect(s).toMatchObject({ kind: "ok", api: { via: "proxy" }, warning: expect.stringContaining("SAAS_API_CONSOLE_VIA") });
  });
});

describe("liveApi", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("saas-api-portal.console-config-warned")];
  });

  it("warns once about an invalid value, without printing it (it may hold credentials)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const env = { SAAS_API_URL: "https://admin:hunter2@api.example.com" };
    expect(liveApi(env)).toBeNull();
    expect(liveApi(env)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toContain("SAAS_API_URL");
    expect(message).toContain("sandbox only");
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("admin");
  });

  it("says nothing when unset or valid", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(liveApi({})).toBeNull();
    expect(liveApi({ SAAS_API_URL: "https://api.example.com" })?.baseUrl).toBe("https://api.example.com");
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("proxy limits", () => {
  it("default to 10 MiB and 30 s; positive numbers override; nonsense falls back", () => {
    expect(proxyMaxBodyBytes({})).toBe(10 * 1024 * 1024);
    expect(proxyTimeoutMs({})).toBe(30_000);
    expect(proxyMaxBodyBytes({ CONSOLE_PROXY_MAX_BODY_BYTES: "1024" })).toBe(1024);
    expect(proxyTimeoutMs({ CONSOLE_PROXY_TIMEOUT_MS: "-5" })).toBe(30_000);
    expect(proxyTimeoutMs({ CONSOLE_PROXY_TIMEOUT_MS: "soon" })).toBe(30_000);
  });
});
