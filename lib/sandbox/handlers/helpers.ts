import { IMPLIED_DETAIL } from "@/lib/catalog/errors";
import { ApiError } from "../errors";
import type { UserRow } from "../resources/user";
import type { SandboxResult } from "./types";

/** The signed-in user; the engine guarantees one on jwt "required" endpoints. */
export function requireUser(ctx: { user: UserRow | null }): UserRow {
  if (!ctx.user) throw new ApiError(401, IMPLIED_DETAIL.notAuthenticated, { "WWW-Authenticate": "Bearer" });
  return ctx.user;
}

export const ok = (body: unknown, headers?: Record<string, string>): SandboxResult => ({ status: 200, body, headers });
export const created = (body: unknown): SandboxResult => ({ status: 201, body });
export const noContent = (): SandboxResult => ({ status: 204 });
export const message = (text: string): SandboxResult => ok({ message: text });
export const redirect = (location: string, status = 302): Response =>
  new Response(null, { status, headers: { Location: location } });
