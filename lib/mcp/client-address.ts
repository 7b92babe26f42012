import { AsyncLocalStorage } from "node:async_hooks";
import { servedAddress } from "@/lib/site/served-address";
import { trustProxy } from "@/lib/site/origin";
import { resolveForwarded } from "@/lib/site/trust-proxy";

/** The address of the MCP client a request came from, for the sandbox's per-client limits (create_sandbox_tenant, call_sandbox). */
export const mcpClient = new AsyncLocalStorage<string>();

/** What a call made outside any HTTP request counts as: the stdio entry's one local client. */
export const STDIO_CLIENT = "stdio";

/** The current MCP client's address; STDIO_CLIENT over stdio. */
export const mcpClientAddress = (): string => mcpClient.getStore() ?? STDIO_CLIENT;

/**
 * A client's address as the sandbox API reads it from the same request (lib/site/origin.ts requestAddress), so one
 * client counts the same over MCP and over HTTP: under `npm start` the forwarding headers the portal server has
 * already rewritten; elsewhere the socket's address, believing X-Forwarded-For only as far as TRUST_PROXY says.
 */
export function clientAddressOf(header: (name: string) => string | null, socketAddress?: string): string {
  if (servedAddress().normalisesForwarding) return header("x-forwarded-for") ?? "unknown";
  const f = resolveForwarded(
    { peer: socketAddress ?? null, forwardedFor: header("x-forwarded-for"), forwardedHost: null, forwardedProto: null },
    trustProxy(),
  );
  return f.client ?? "unknown";
}
