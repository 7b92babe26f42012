import { BlockList, isIP } from "node:net";

/**
 * Who may speak for the client in X-Forwarded-For / -Host / -Proto (TRUST_PROXY): nobody (the default: anyone
 * can send those headers), the `hops` proxies nearest the server, or proxies at the listed addresses/CIDRs.
 */
export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; list: BlockList };

export const TRUST_NONE: TrustProxy = { kind: "none" };

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) → `10.0.0.1`, so one client has one address. */
export function plainAddress(address: string): string {
  const a = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1]! : a.replace(/^\[(.*)\]$/, "$1");
}

/**
 * TRUST_PROXY's value: empty, "0" or "false" → none; a whole number → that many proxies; otherwise a
 * comma-separated list of addresses and CIDRs (`10.0.0.0/8, ::1`). A value that is none of these is an error.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy | { error: string } {
  const value = (text ?? "").trim();
  if (value === "" || value === "0" || value.toLowerCase() === "false") return TRUST_NONE;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 64 ? { kind: "hops", hops } : { error: `TRUST_PROXY=${value}: at most 64 proxies` };
  }
  const list = new BlockList();
  for (const part of value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = "", prefix, extra] = part.split("/");
    const ip = plainAddress(address);
    const family = isIP(ip);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
    if (family === 0 || extra !== undefined || !(bits >= 0 && bits <= (family === 6 ? 128 : 32))) {
      return {
        error: `TRUST_PROXY: "${part}" is not an address or CIDR (use a number of proxies, or addresses like 10.0.0.0/8)`,
      };
    }
    list.addSubnet(ip, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { kind: "addresses", list };
}

function trusted(list: BlockList, address: string): boolean {
  const ip = plainAddress(address);
  const family = isIP(ip);
  return family !== 0 && list.check(ip, family === 6 ? "ipv6" : "ipv4");
}

/** A comma-separated header's entries, left (farthest from us) to right (nearest). */
const entries = (header: string | null | undefined) =>
  (header ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export interface ForwardedInput {
  /** The connection's peer; null when it cannot be known (route handlers under `next start`): then it is taken to be a trusted proxy when TRUST_PROXY is set. */
  peer: string | null;
  forwardedFor: string | null | undefined;
  forwardedHost: string | null | undefined;
  forwardedProto: string | null | undefined;
}

export interface Forwarded {
  /** The client's address, or null when nothing trustworthy names it. */
  client: string | null;
  /** X-Forwarded-Host / -Proto when the peer is a trusted proxy (their nearest entry), else null. */
  host: string | null;
  proto: "http" | "https" | null;
}

/**
 * What the forwarding headers may be believed to say. The client address is the nearest hop not vouched for by
 * a trusted proxy: with `hops` N, the Nth entry from the right of [...X-Forwarded-For, peer]; with a list, the
 * first address from the right that is not in it. Host and proto come from the nearest entry (the one our own
 * proxy wrote), never the leftmost, which any client can fill in.
 */
export function resolveForwarded(input: ForwardedInput, trust: TrustProxy): Forwarded {
  const peer = input.peer === null ? null : plainAddress(input.peer);
  if (trust.kind === "none") return { client: peer, host: null, proto: null };
  const chain = entries(input.forwardedFor).map(plainAddress);
  const peerTrusted = trust.kind === "hops" ? trust.hops > 0 : peer === null || trusted(trust.list, peer);
  if (!peerTrusted) return { client: peer, host: null, proto: null };
  let client: string | null;
  if (trust.kind === "hops") {
    // With the peer known, it is hop 1; unknown, X-Forwarded-For's last entry is what proxy 1 saw.
    const full = peer === null ? chain : [...chain, peer];
    const index = full.length - 1 - (peer === null ? trust.hops - 1 : trust.hops);
    client = full[Math.max(0, index)] ?? peer;
  } else {
    let i = chain.length - 1;
    while (i > 0 && trusted(trust.list, chain[i]!)) i -= 1;
    client = chain[i] ?? peer;
  }
  const proto = entries(input.forwardedProto).at(-1)?.toLowerCase();
  return {
    client: client === null ? null : client.slice(0, 64),
    host: entries(input.forwardedHost).at(-1) ?? null,
    proto: proto === "https" ? "https" : proto === "http" ? "http" : null,
  };
}
