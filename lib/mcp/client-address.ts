import { AsyncLocalStorage } from "node:async_hooks";
import { clientIp } from "@/lib/sandbox/rate-limit";

/** The address of the MCP client a request came from, for the sandbox's per-client limits (create_sandbox_tenant, call_sandbox). */
export const mcpClient = new AsyncLocalStorage<string>();

/** What a call made outside any HTTP request counts as: the stdio entry's one local client. */
export const STDIO_CLIENT = "stdio";

/** The current MCP client's address; STDIO_CLIENT over stdio. */
export const mcpClientAddress = (): string => mcpClient.getStore() ?? STDIO_CLIENT;

/**
 * A client's address read the way the sandbox API reads it from the same request (lib/sandbox/rate-limit.ts), so
 * one client counts the same over MCP and over HTTP: its forwarding headers, else the connection's address.
 */
export function clientAddressOf(header: (name: string) => string | null, socketAddress?: string): string {
  const headers = new Headers();
  for (const name of ["x-forwarded-for", "x-real-ip"]) {
    const value = header(name);
    if (value !== null) headers.set(name, value);
  }
  if (!headers.has("x-forwarded-for") && socketAddress) headers.set("x-forwarded-for", socketAddress);
  return clientIp(new Request("http://mcp.invalid/", { headers }));
}
