import { afterEach, describe, expect, it, vi } from "vitest";
import { isAllowedHost, portalUrl, publicOrigin, requestAddress, requestOrigin } from "./origin";
import { registerServedAddress, servedAddress, servedAddressOf } from "./served-address";

const ENV = ["PORTAL_URL", "ALLOWED_HOSTS", "TRUST_PROXY", "PORT", "__NEXT_PRIVATE_ORIGIN"] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const served = Symbol.for("saas-api-portal.served-address");

function env(values: Partial<Record<(typeof ENV)[number], string>>) {
  for (const k of ENV) delete process.env[k];
  Object.assign(process.env, values);
}

afterEach(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  delete (globalThis as Record<symbol, unknown>)[served];
});

const asked = (headers: Record<string, string>, url = "http://localhost/x") => ({ headers: new Headers(headers), url });

describe("servedAddress", () => {
  it("without a portal server: next start's origin, else localhost on PORT, else 3000", () => {
    env({});
    expect(servedAddress().origin).toBe("http://localhost:3000");
    env({ PORT: "4310" });
    expect(servedAddress().origin).toBe("http://localhost:4310");
    env({ PORT: "4310", __NEXT_PRIVATE_ORIGIN: "http://127.0.0.1:4311" });
    expect(servedAddress()).toEqual({ origin: "http://127.0.0.1:4311", loopback: true, normalisesForwarding: false });
  });

  it("the portal server's listening address: wildcard binds as localhost, loopback binds as themselves", () => {
    expect(servedAddressOf("::", 4310, true)).toEqual({
      origin: "http://localhost:4310",
      loopback: false,
      normalisesForwarding: true,
    });
    expect(servedAddressOf("0.0.0.0", 4310, true).origin).toBe("http://localhost:4310");
    expect(servedAddressOf("127.0.0.1", 4200, true)).toEqual({
      origin: "http://127.0.0.1:4200",
      loopback: true,
      normalisesForwarding: true,
    });
    expect(servedAddressOf("::1", 4200, true)).toMatchObject({ origin: "http://[::1]:4200", loopback: true });
    expect(servedAddressOf("192.0.2.10", 80, true)).toMatchObject({ origin: "http://192.0.2.10:80", loopback: false });
  });
});

describe("publicOrigin", () => {
  it("started with PORT=4310 and nothing else, links name that port, not 3000", () => {
    env({ PORT: "4310" });
    expect(publicOrigin()).toBe("http://localhost:4310");
    expect(publicOrigin(asked({ host: "localhost:4310" }))).toBe("http://localhost:4310");
  });

  it("a Host or X-Forwarded-Host that is not allowed never becomes the origin", () => {
    env({});
    registerServedAddress(servedAddressOf("::", 4310, true));
    const cases: Record<string, string>[] = [
      { host: "evil.example" },
      { host: "evil.example:4310" },
      { host: "localhost:4310", "x-forwarded-host": "evil.example" },
    ];
    for (const headers of cases) {
      expect(publicOrigin(asked(headers)), JSON.stringify(headers)).toBe("http://localhost:4310");
    }
  });

  it("PORTAL_URL wins over every header, and an invalid one is ignored with a warning", () => {
    env({ PORTAL_URL: "https://docs.example.com/some/path" });
    expect(publicOrigin(asked({ host: "localhost:3000" }))).toBe("https://docs.example.com");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const bad of [
      "javascript:alert(1)",
      "ftp://docs.example.com",
      "https://user:pw@docs.example.com",
      "not a url",
    ]) {
      env({ PORTAL_URL: bad, PORT: "4310" });
      expect(publicOrigin(asked({ host: "evil.example" })), bad).toBe("http://localhost:4310");
    }
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("ALLOWED_HOSTS: a host without a port at any port, one with a port at that port only", () => {
    env({ ALLOWED_HOSTS: "portal.example.com, docs.example.com:8443 ,  " });
    registerServedAddress(servedAddressOf("::", 4310, true));
    expect(publicOrigin(asked({ host: "Portal.Example.com", "x-forwarded-proto": "https" }))).toBe(
      "https://portal.example.com",
    );
    expect(publicOrigin(asked({ host: "portal.example.com:8080" }))).toBe("http://portal.example.com:8080");
    expect(publicOrigin(asked({ host: "docs.example.com:8443" }))).toBe("http://docs.example.com:8443");
    expect(publicOrigin(asked({ host: "docs.example.com:9999" }))).toBe("http://localhost:4310");
  });

  it("loopback names (any port: a tunnel) only for a loopback-bound server", () => {
    env({});
    registerServedAddress(servedAddressOf("127.0.0.1", 4200, true));
    expect(publicOrigin(asked({ host: "localhost:8080" }))).toBe("http://localhost:8080");
    expect(publicOrigin(asked({ host: "[::1]:4200" }))).toBe("http://[::1]:4200");
    registerServedAddress(servedAddressOf("::", 4200, true));
    expect(publicOrigin(asked({ host: "localhost:8080" }))).toBe("http://localhost:4200");
  });

  it("refuses hosts that are not plain host[:port]", () => {
    env({ ALLOWED_HOSTS: "portal.example.com" });
    registerServedAddress(servedAddressOf("127.0.0.1", 4200, true));
    for (const host of [
      "portal.example.com/evil",
      "evil.example@portal.example.com",
      "portal.example.com evil",
      "portal.example.com#x",
      "localhost:99999",
    ]) {
      expect(publicOrigin(asked({ host })), host).toBe("http://127.0.0.1:4200");
      expect(isAllowedHost("evil.example")).toBe(false);
    }
  });

  it("MCP answers read the origin decided for their request through portalUrl()", () => {
    env({ PORT: "4310" });
    expect(portalUrl()).toBe("http://localhost:4310");
    expect(requestOrigin.run("http://127.0.0.1:4200", portalUrl)).toBe("http://127.0.0.1:4200");
  });
});

describe("requestAddress", () => {
  const forwarded = {
    host: "localhost:4310",
    "x-forwarded-for": "203.0.113.9, 198.51.100.7",
    "x-forwarded-host": "portal.example.com",
    "x-forwarded-proto": "https",
  };

  it("under next start without TRUST_PROXY: no header names the client, Host is the host", () => {
    env({});
    expect(requestAddress(new Headers(forwarded))).toEqual({
      client: "unknown",
      host: "localhost:4310",
      proto: "http",
    });
  });

  it("under next start with TRUST_PROXY=1: the proxy's rightmost hop, host and scheme", () => {
    env({ TRUST_PROXY: "1" });
    expect(requestAddress(new Headers(forwarded))).toEqual({
      client: "198.51.100.7",
      host: "portal.example.com",
      proto: "https",
    });
  });

  it("behind the portal server, its normalised headers are the facts", () => {
    env({});
    registerServedAddress(servedAddressOf("::", 4310, true));
    const normalised = {
      host: "localhost:4310",
      "x-forwarded-for": "127.0.0.1",
      "x-forwarded-host": "localhost:4310",
      "x-forwarded-proto": "http",
    };
    expect(requestAddress(new Headers(normalised))).toEqual({
      client: "127.0.0.1",
      host: "localhost:4310",
      proto: "http",
    });
  });
});
