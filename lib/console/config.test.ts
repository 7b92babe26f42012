import { afterEach, describe, expect, it, vi } from "vitest";
import { liveApi, proxyMaxBodyBytes, proxyTimeoutMs } from "./config";

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
