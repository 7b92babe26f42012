import { describe, expect, it } from "vitest";
import { displayUrl, requestUrl } from "./target";
import type { ConsoleEnvironment } from "./types";

const sandbox: ConsoleEnvironment = { id: "sandbox", label: "Sandbox", baseUrl: "/sandbox", via: "direct" };
const live: ConsoleEnvironment = { id: "live", label: "Live API", baseUrl: "https://api.example.com", via: "proxy" };

describe("target", () => {
  it("fetches the sandbox same-origin and the live API through the proxy", () => {
    expect(requestUrl(sandbox, "/v1/auth/me?x=1")).toBe("/sandbox/v1/auth/me?x=1");
    expect(requestUrl(live, "/v1/auth/me?x=1")).toBe(
      "/api/console/proxy?url=https%3A%2F%2Fapi.example.com%2Fv1%2Fauth%2Fme%3Fx%3D1",
    );
  });

  it("shows the real API URL", () => {
    expect(displayUrl(sandbox, "/v1/auth/me", "http://127.0.0.1:3300")).toBe(
      "http://127.0.0.1:3300/sandbox/v1/auth/me",
    );
    expect(displayUrl(live, "/v1/auth/me", "http://127.0.0.1:3300")).toBe("https://api.example.com/v1/auth/me");
  });
});
