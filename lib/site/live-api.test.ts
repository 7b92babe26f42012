import { describe, expect, it } from "vitest";
import { parseLiveApi } from "./live-api";

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
    for (const value of [
      "api.example.com",
      "ftp://api.example.com",
      "https://user:secret@api.example.com",
      "https://api.example.com/?k=1",
      "https://api.example.com/#x",
    ]) {
      expect(parseLiveApi({ SAAS_API_URL: value }).kind, value).toBe("invalid");
    }
  });

  it("falls back to the proxy, with a warning, for an unknown SAAS_API_CONSOLE_VIA", () => {
    const s = parseLiveApi({ SAAS_API_URL: "https://api.example.com", SAAS_API_CONSOLE_VIA: "browser" });
    expect(s).toMatchObject({
      kind: "ok",
      api: { via: "proxy" },
      warning: expect.stringContaining("SAAS_API_CONSOLE_VIA"),
    });
  });
});
