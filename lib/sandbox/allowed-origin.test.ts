import { afterEach, describe, expect, it, vi } from "vitest";
import { servedAddressOf } from "@/lib/site/served-address";
import { isAllowedTarget } from "./allowed-origin";

// The one rule of lib/site/origin.ts (isAllowedHost), read from the environment as the running portal reads it.
afterEach(() => vi.unstubAllEnvs());

describe("isAllowedTarget", () => {
  const wildcard = servedAddressOf("0.0.0.0", 3000, false); // http://localhost:3000, not loopback-bound
  const loopback = servedAddressOf("127.0.0.1", 4310, false);
  const configured = () => {
    vi.stubEnv("PORTAL_URL", "https://portal.example.com");
    vi.stubEnv("ALLOWED_HOSTS", "app.example.com, staging.example.com:8443");
  };

  it("allows http(s) URLs on the served host, PORTAL_URL's host and ALLOWED_HOSTS (without port: any port)", () => {
    configured();
    expect(isAllowedTarget("http://localhost:3000/verify?x=1", wildcard)).toBe(true);
    expect(isAllowedTarget("https://portal.example.com/verify", wildcard)).toBe(true);
    expect(isAllowedTarget("https://app.example.com/verify", wildcard)).toBe(true);
    expect(isAllowedTarget("http://APP.example.com:8080/verify", wildcard)).toBe(true);
    expect(isAllowedTarget("https://staging.example.com:8443/verify", wildcard)).toBe(true);
  });

  it("refuses other hosts, other ports of a host:port entry, other schemes and non-URLs", () => {
    configured();
    expect(isAllowedTarget("https://evil.example/verify", wildcard)).toBe(false);
    expect(isAllowedTarget("https://app.example.com.evil.example/verify", wildcard)).toBe(false);
    expect(isAllowedTarget("https://app.example.com@evil.example/verify", wildcard)).toBe(false);
    expect(isAllowedTarget("https://staging.example.com/verify", wildcard)).toBe(false); // listed with its port only
    expect(isAllowedTarget("https://portal.example.com:8443/verify", wildcard)).toBe(false); // PORTAL_URL's host is host:443
    expect(isAllowedTarget("javascript:alert(document.domain)//", wildcard)).toBe(false);
    expect(isAllowedTarget("data:text/html,x", wildcard)).toBe(false);
    expect(isAllowedTarget("not a url", wildcard)).toBe(false);
  });

  it("loopback names only when the portal is bound to a loopback address", () => {
    vi.stubEnv("PORTAL_URL", "");
    vi.stubEnv("ALLOWED_HOSTS", "");
    expect(isAllowedTarget("http://localhost:5173/callback", loopback)).toBe(true);
    expect(isAllowedTarget("http://127.0.0.1:8080/callback", loopback)).toBe(true);
    expect(isAllowedTarget("http://localhost:5173/callback", wildcard)).toBe(false);
    expect(isAllowedTarget("http://localhost:3000/callback", wildcard)).toBe(true); // the served host itself
  });
});
