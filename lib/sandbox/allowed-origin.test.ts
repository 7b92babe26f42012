import { describe, expect, it } from "vitest";
import { isAllowedTarget } from "./allowed-origin";

describe("isAllowedTarget", () => {
  const portal = "http://localhost:3000";
  const env = { PORTAL_URL: "https://portal.example.com", ALLOWED_HOSTS: "app.example.com, staging.example.com:8443" };

  it("allows http(s) URLs on the portal's origin, PORTAL_URL's origin and ALLOWED_HOSTS", () => {
    expect(isAllowedTarget("http://localhost:3000/verify?x=1", portal, {})).toBe(true);
    expect(isAllowedTarget("https://portal.example.com/verify", portal, env)).toBe(true);
    expect(isAllowedTarget("https://app.example.com/verify", portal, env)).toBe(true);
    expect(isAllowedTarget("https://staging.example.com:8443/verify", portal, env)).toBe(true);
  });

  it("refuses other origins, other schemes and non-URLs", () => {
    expect(isAllowedTarget("https://evil.example/verify", portal, env)).toBe(false);
    expect(isAllowedTarget("http://portal.example.com/verify", portal, env)).toBe(false); // PORTAL_URL is https
    expect(isAllowedTarget("https://localhost:3000/verify", portal, {})).toBe(false);
    expect(isAllowedTarget("https://staging.example.com/verify", portal, env)).toBe(false); // listed with its port only
    expect(isAllowedTarget("javascript:alert(document.domain)//", portal, env)).toBe(false);
    expect(isAllowedTarget("data:text/html,x", portal, env)).toBe(false);
    expect(isAllowedTarget("not a url", portal, env)).toBe(false);
  });
});
