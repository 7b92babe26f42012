import { describe, expect, it } from "vitest";
import { parseTrustProxy, plainAddress, resolveForwarded, type TrustProxy } from "./trust-proxy";

const trust = (text: string): TrustProxy => {
  const parsed = parseTrustProxy(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
};

const headers = {
  forwardedFor: "203.0.113.9, 198.51.100.7",
  forwardedHost: "evil.example, portal.example.com",
  forwardedProto: "http, https",
};

describe("parseTrustProxy", () => {
  it.each(["", "0", "false", " "])("%j trusts nobody", (text) => {
    expect(parseTrustProxy(text)).toEqual({ kind: "none" });
  });

  it("a number is that many proxies", () => {
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
  });

  it.each(["yes", "true", "10.0.0.0/33", "::1/129", "10.0.0.1/8/1", "300.1.1.1", "65"])("%j is refused", (text) => {
    expect(parseTrustProxy(text)).toHaveProperty("error");
  });

  it("a list of addresses and CIDRs, IPv4 and IPv6", () => {
    const list = trust("10.0.0.0/8, 192.0.2.1, ::1, fd00::/8");
    for (const peer of ["10.1.2.3", "192.0.2.1", "::1", "fd00::5", "::ffff:10.9.9.9"]) {
      expect(resolveForwarded({ peer, ...headers }, list).client, peer).toBe("198.51.100.7");
    }
    for (const peer of ["192.0.2.2", "11.0.0.1", "fe80::1"]) {
      expect(resolveForwarded({ peer, ...headers }, list).client, peer).toBe(peer);
    }
  });
});

describe("resolveForwarded", () => {
  it("by default believes no header: the socket's address, no forwarded host or scheme", () => {
    expect(resolveForwarded({ peer: "::ffff:127.0.0.1", ...headers }, { kind: "none" })).toEqual({
      client: "127.0.0.1",
      host: null,
      proto: null,
    });
    expect(resolveForwarded({ peer: null, ...headers }, { kind: "none" }).client).toBeNull();
  });

  it("with one proxy, the rightmost X-Forwarded-For hop (what the proxy saw) and the proxy's host and scheme", () => {
    expect(resolveForwarded({ peer: "10.0.0.2", ...headers }, trust("1"))).toEqual({
      client: "198.51.100.7",
      host: "portal.example.com",
      proto: "https",
    });
    // Under `next start` the peer is unknown: the last entry is still what proxy 1 wrote.
    expect(resolveForwarded({ peer: null, ...headers }, trust("1")).client).toBe("198.51.100.7");
  });

  it("with two proxies, the second hop from the right; never further left than the chain goes", () => {
    expect(resolveForwarded({ peer: "10.0.0.2", ...headers }, trust("2")).client).toBe("203.0.113.9");
    expect(resolveForwarded({ peer: "10.0.0.2", ...headers }, trust("5")).client).toBe("203.0.113.9");
    expect(
      resolveForwarded({ peer: "10.0.0.2", forwardedFor: null, forwardedHost: null, forwardedProto: null }, trust("1"))
        .client,
    ).toBe("10.0.0.2");
  });

  it("a client cannot move its address by prepending hops", () => {
    const spoofed = (xff: string) =>
      resolveForwarded({ peer: "10.0.0.2", forwardedFor: xff, forwardedHost: null, forwardedProto: null }, trust("1"))
        .client;
    expect(new Set(["1.1.1.1, 198.51.100.7", "2.2.2.2, 198.51.100.7", "3.3.3.3,198.51.100.7"].map(spoofed))).toEqual(
      new Set(["198.51.100.7"]),
    );
  });

  it("with a list, the first address from the right that is not a trusted proxy", () => {
    const list = trust("10.0.0.0/8");
    const chain = {
      forwardedFor: "203.0.113.9, 198.51.100.7, 10.0.0.5, 10.0.0.6",
      forwardedHost: null,
      forwardedProto: null,
    };
    expect(resolveForwarded({ peer: "10.0.0.7", ...chain }, list).client).toBe("198.51.100.7");
    expect(resolveForwarded({ peer: "10.0.0.7", ...chain, forwardedFor: "10.0.0.5, 10.0.0.6" }, list).client).toBe(
      "10.0.0.5",
    );
  });

  it("an unknown scheme is no scheme", () => {
    expect(
      resolveForwarded(
        { peer: "10.0.0.2", forwardedFor: null, forwardedHost: null, forwardedProto: "gopher" },
        trust("1"),
      ).proto,
    ).toBeNull();
  });
});

describe("plainAddress", () => {
  it("one address per client on dual-stack sockets", () => {
    expect(plainAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(plainAddress("[::1]")).toBe("::1");
  });
});
