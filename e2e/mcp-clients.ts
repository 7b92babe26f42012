import { expect } from "@playwright/test";
import { Client } from "@modelcontextprotocol/client";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { Client as ClientV1 } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as TransportV1 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** A real @modelcontextprotocol/client 2.x client over HTTP. */
export async function connectV2(url: string) {
  const client = new Client({ name: "e2e-v2", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

/** A real @modelcontextprotocol/sdk 1.x client over HTTP, as older assistants use. */
export async function connectV1(url: string) {
  const client = new ClientV1({ name: "e2e-v1", version: "1.0.0" });
  await client.connect(new TransportV1(new URL(url)));
  return client;
}

/** The seed's nine tools, whose names, arguments and answers stay as they were. */
export const SEED_TOOL_NAMES = [
  "get_api_overview",
  "get_end_user_endpoints",
  "get_request_headers",
  "get_sdk_template",
  "get_openapi_spec",
  "search_endpoints",
  "get_endpoint_details",
  "get_authentication_flow",
  "get_common_patterns",
];

/** The tools that act on the portal's sandbox. */
export const SANDBOX_TOOL_NAMES = ["create_sandbox_tenant", "call_sandbox", "read_sandbox_outbox"];

export const TOOL_NAMES = [...SEED_TOOL_NAMES, ...SANDBOX_TOOL_NAMES];

/** One valid call of every tool, and a check of what it must answer. */
export const TOOL_CALLS: Array<{ name: string; args: Record<string, unknown>; expect: RegExp }> = [
  { name: "get_api_overview", args: {}, expect: /2\.2\.0[\s\S]*pk_live_/ },
  { name: "get_end_user_endpoints", args: {}, expect: /POST \/v1\/auth\/login/ },
  { name: "get_request_headers", args: {}, expect: /X-Organization-Id/ },
  { name: "get_sdk_template", args: {}, expect: /class ApiClient/ },
  { name: "get_openapi_spec", args: { category: "plans" }, expect: /"openapi": "3\.1\.0"[\s\S]*\/v1\/plans\/free/ },
  {
    name: "search_endpoints",
    args: { query: "upload a file" },
    expect: /^# Endpoints matching[\s\S]*?1\. \*\*POST \/v1\/user\/files\*\*/,
  },
  {
    name: "get_endpoint_details",
    args: { path: "/v1/auth/login" },
    expect: /# POST \/v1\/auth\/login[\s\S]*Rate limit: 10 per 15 minutes per IP/,
  },
  { name: "get_authentication_flow", args: {}, expect: /verification_required/ },
  { name: "get_common_patterns", args: {}, expect: /Retry-After/ },
];

/** Calls every tool with TOOL_CALLS' arguments through `client` (2.x or 1.x) and checks each answer. */
export async function expectEveryToolAnswers(client: {
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
}) {
  for (const call of TOOL_CALLS) {
    const result = (await client.callTool({ name: call.name, arguments: call.args })) as { isError?: boolean };
    expect(result.isError, call.name).toBeFalsy();
    expect(textOf(result), call.name).toMatch(call.expect);
  }
}

export function textOf(result: unknown): string {
  const content = ((result as { content?: unknown }).content ?? []) as Array<{ type: string; text?: string }>;
  return content
    .filter((c) => c.type === "text")
    .map((c) => c.text ?? "")
    .join("\n");
}
