import { describe, expect, it } from "vitest";
import { displayUrl, requestUrl } from "./target";
import type { ConsoleEnvironment } from "./types";

const sandbox: ConsoleEnvironment = { id: "sandbox", label: "Sandbox", baseUrl: "/sandbox", via: "direct" };
const live: ConsoleEnvironment = { id: "live", label: "Live API", baseUrl: "https://api.example.com/api", via: "proxy" };

describe("requestUrl", () => {
  it("calls the sandbox on the same origin", () => {
    expect(requestUrl(sandbox, "/v1/auth/me?x=1")).toBe("/sandbox/v1/auth/me?x=1");
  });

  it("sends the live API through the proxy, the whole target URL encoded in one parameter", () => {
    const url = requestUrl(live, "/v1/entity/records?q=a&b=c d");
    expect(url).toBe(`/api/console/proxy?url=${encodeURIComponent("https://api.example.com/api/v1/entity/records?q=a&b=c d")}`);
    expect(new URL(url, "http://portal.test").searchParams.get("url")).toBe("https://api.example.com/api/v1/entity/records?q=a&b=c d");
  });

  it("calls the live API itself when via is direct", () => {
    expect(requestUrl({ ...live, via: "direct" }, "/v1/plans")).toBe("https://api.example.com/api/v1/plans");
  });
});

describe("displayUrl", () => {
  it("shows the real API URL", () => {
    expect(displayUrl(sandbox, "/v1/auth/me", "http://localhost:3000")).toBe("http://localhost:3000/sandbox/v1/auth/me");
    expect(displayUrl(sandbox, "/v1/auth/me", "http://localhost:3000/")).toBe("http://localhost:3000/sandbox/v1/auth/me");
    expect(displayUrl(live, "/v1/auth/me", "http://localhost:3000")).toBe("https://api.example.com/api/v1/auth/me");
  });
});
