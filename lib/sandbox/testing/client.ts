import { handleSandboxRequest, type EngineOptions } from "../engine";
import type { TenantRow } from "../tenants";

/** Calls the sandbox engine with real Request objects, the way the route does. */

export const TEST_ORIGIN = "http://sandbox.test";

// The client stands where a deployment's proxy would: its X-Forwarded-For names the test's client (TRUST_PROXY=1),
// and links may name sandbox.test (ALLOWED_HOSTS), as lib/site/origin.ts reads them.
process.env.TRUST_PROXY ??= "1";
process.env.ALLOWED_HOSTS ??= new URL(TEST_ORIGIN).host;

export interface CallOptions {
  /** "public" / "secret" picks the client's tenant key; a string is sent as is; null sends none. Default "public". */
  key?: "public" | "secret" | string | null;
  /** Access token for Authorization: Bearer. */
  token?: string;
  /** X-Organization-Id. */
  org?: string;
  /** JSON-encoded unless it is FormData or a string. */
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Client IP (x-forwarded-for); the client's own by default. */
  ip?: string;
}

let clients = 0;

export interface SandboxClient {
  tenant: TenantRow | null;
  ip: string;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
}

/** A client for one tenant (null: no tenant keys) with its own client IP, so rate limits do not leak between tests. */
export function sandboxClient(tenant: TenantRow | null, engine: EngineOptions = {}): SandboxClient {
  clients += 1;
  const ip = `10.${(clients >> 8) & 255}.${clients & 255}.1`;
  return {
    tenant,
    ip,
    call(method, path, options = {}) {
      const url = new URL(`/sandbox${path}`, TEST_ORIGIN);
      for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
      const headers = new Headers(options.headers);
      headers.set("x-forwarded-for", options.ip ?? ip);
      const key = options.key === undefined ? "public" : options.key;
      if (key === "public" || key === "secret") {
        if (tenant) headers.set("x-api-key", key === "public" ? tenant.public_key : tenant.secret_key);
      } else if (key !== null) headers.set("x-api-key", key);
      if (options.token) headers.set("authorization", `Bearer ${options.token}`);
      if (options.org) headers.set("x-organization-id", options.org);
      let body: BodyInit | undefined;
      if (options.body instanceof FormData || typeof options.body === "string") body = options.body;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers.set("content-type", "application/json");
      }
      return handleSandboxRequest(new Request(url, { method, headers, body }), engine);
    },
  };
}
