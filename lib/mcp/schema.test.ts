import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createPooledMcpHandler, isJsonAnswer } from "./pool";
import { portalTools, sandboxTools } from "./tools";

/** tools/list and tools/call as a client sends them to /api/mcp (the production handler, its pooled servers). */
const handler = createPooledMcpHandler();
const HEADERS = new Headers({
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-06-18",
});
const http = {
  header: (name: string) => HEADERS.get(name),
  request: () => new Request("http://127.0.0.1:3000/api/mcp", { method: "POST", headers: HEADERS }),
};

async function rpc<T>(method: string, params?: Record<string, unknown>): Promise<T> {
  const answer = await handler(http, { jsonrpc: "2.0", id: 1, method, ...(params && { params }) });
  const text = isJsonAnswer(answer) ? answer.json : await answer.text();
  return (JSON.parse(text) as { result: T }).result;
}

interface Listed {
  tools: Array<{ name: string; inputSchema: unknown; outputSchema?: unknown }>;
}

const tools = [...portalTools, ...sandboxTools];

/** zod's own JSON Schema of a tool's schema, for the JSON Schema draft MCP uses. */
const zodJson = (schema: z.ZodType, io: "input" | "output") =>
  schema["~standard"].jsonSchema[io]({ target: "draft-2020-12" });

describe("tool schemas as clients see them", () => {
  it("tools/list gives each tool's input and output JSON Schema exactly as zod converts it, the same on every call", async () => {
    const first = await rpc<Listed>("tools/list");
    expect(first.tools.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    for (const tool of tools) {
      const listed = first.tools.find((t) => t.name === tool.name)!;
      expect(listed.inputSchema, `${tool.name} input`).toEqual(zodJson(tool.input, "input"));
      if (tool.output) expect(listed.outputSchema, `${tool.name} output`).toEqual(zodJson(tool.output, "output"));
      else expect(listed.outputSchema).toBeUndefined();
    }
    // The conversions are kept and shared by every pooled server: later lists must not drift from the first.
    for (let i = 0; i < 3; i++) expect(await rpc<Listed>("tools/list")).toEqual(first);
  });

  it("tools/call validates arguments with zod: the parsed values on success, zod's message on failure", async () => {
    const ok = await rpc<{
      isError?: boolean;
      structuredContent: { matches: Array<{ method: string; path: string }> };
    }>("tools/call", {
      name: "get_endpoint_details",
      arguments: { path: " /v1/auth/login ", method: "post" },
    });
    expect(ok.isError).toBeFalsy();
    expect(ok.structuredContent.matches).toMatchObject([{ method: "POST", path: "/v1/auth/login" }]);
    const bad = await rpc<{ isError: boolean; content: Array<{ text: string }> }>("tools/call", {
      name: "get_endpoint_details",
      arguments: { path: "" },
    });
    expect(bad.isError).toBe(true);
    expect(bad.content[0]?.text).toContain("path must not be empty");
  });
});
