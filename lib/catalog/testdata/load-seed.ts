import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface SeedEndpoint {
  method: string;
  path: string;
  summary: string;
  auth: { api_key: string; jwt: boolean | "optional"; headers?: string };
  rate_limit?: string;
  request_body?: unknown;
  query_params?: Record<string, string>;
  path_params?: Record<string, string>;
  [key: string]: unknown;
}
export type SeedCatalog = Record<string, { description: string; endpoints: SeedEndpoint[] }>;

/** Evaluates the END_USER_ENDPOINTS object literal of the original server (a copy kept beside this file). */
export function loadSeed(): SeedCatalog {
  const src = readFileSync(join(__dirname, "seed-mcp-server-2.2.0.js"), "utf8");
  const start = src.indexOf("const END_USER_ENDPOINTS = {");
  const end = src.indexOf("// TypeScript/JavaScript SDK Template");
  if (start < 0 || end < 0) throw new Error("seed layout changed");
  const literal = src.slice(start, end).replace(/\/\/ =+\s*$/, "").replace("const END_USER_ENDPOINTS =", "return");
  return new Function(literal)() as SeedCatalog;
}
