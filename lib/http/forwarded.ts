import type { IncomingMessage } from "node:http";
import { trustProxy } from "@/lib/site/origin";
import { resolveForwarded, type TrustProxy } from "@/lib/site/trust-proxy";
import { encrypted } from "./node";

/** Headers a client could use to speak for itself, replaced on every request the portal server takes in. */
const FORWARDING = new Set([
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
]);

const joined = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : v);

/**
 * Rewrites a node:http request's X-Forwarded-For/-Host/-Proto (both `headers` and `rawHeaders`) to what the
 * socket and TRUST_PROXY let the portal believe: the client's address, the host and the scheme. Everything after
 * it (Next, which keeps existing X-Forwarded-* headers, the sandbox and MCP handlers) reads these as facts.
 */
export function normaliseForwarding(req: IncomingMessage, trust: TrustProxy = trustProxy()): void {
  const headers = req.headers; // parsed from rawHeaders before rawHeaders is replaced
  const f = resolveForwarded(
    {
      peer: req.socket.remoteAddress ?? null,
      forwardedFor: joined(headers["x-forwarded-for"]),
      forwardedHost: joined(headers["x-forwarded-host"]),
      forwardedProto: joined(headers["x-forwarded-proto"]),
    },
    trust,
  );
  const set: [string, string][] = [
    ["x-forwarded-for", f.client ?? "unknown"],
    ["x-forwarded-proto", f.proto ?? (encrypted(req) ? "https" : "http")],
  ];
  const host = f.host ?? headers.host;
  if (host) set.push(["x-forwarded-host", host]);
  for (const name of FORWARDING) delete headers[name];
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (!FORWARDING.has(req.rawHeaders[i]!.toLowerCase())) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  for (const [name, value] of set) {
    headers[name] = value;
    raw.push(name, value);
  }
  req.rawHeaders = raw;
}
