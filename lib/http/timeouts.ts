import type { ServerOptions } from "node:http";

/**
 * How long node:http waits for a client, for the portal server (`npm start`) and `npm run mcp:http`. Node's
 * defaults let a body trickle in for 300 s (requestTimeout) and check only every 30 s; a few hundred slow clients
 * could then hold the server. Each from the environment, in ms; documented in .env.example and the README.
 */
export interface ServerTimeouts {
  /** The request line and headers must arrive within this (PORTAL_HEADERS_TIMEOUT_MS, default 10 s). */
  headersTimeout: number;
  /** The whole request, body included, must arrive within this (PORTAL_REQUEST_TIMEOUT_MS, default 60 s: a 10 MiB console-proxy body at about 1.5 Mbit/s). */
  requestTimeout: number;
  /** An idle kept-alive connection closes after this (PORTAL_KEEP_ALIVE_TIMEOUT_MS, default 65 s: longer than the usual proxies' 60 s, as Next's own server). */
  keepAliveTimeout: number;
}

type Env = Record<string, string | undefined>;

const ms = (env: Env, name: string, fallback: number): number => {
  const v = Number(env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

export function serverTimeouts(env: Env = process.env): ServerTimeouts {
  const requestTimeout = ms(env, "PORTAL_REQUEST_TIMEOUT_MS", 60_000);
  // node:http refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(ms(env, "PORTAL_HEADERS_TIMEOUT_MS", 10_000), requestTimeout);
  return { headersTimeout, requestTimeout, keepAliveTimeout: ms(env, "PORTAL_KEEP_ALIVE_TIMEOUT_MS", 65_000) };
}

/** createServer options enforcing the timeouts; node:http then checks them every second (instead of every 30 s). */
export function timedServerOptions(t: ServerTimeouts = serverTimeouts()): ServerOptions {
  return {
    headersTimeout: t.headersTimeout,
    requestTimeout: t.requestTimeout,
    keepAliveTimeout: t.keepAliveTimeout,
    connectionsCheckingInterval: Math.min(1_000, t.headersTimeout),
  };
}
