import type { EndpointId } from "@/lib/catalog";
import type { HandlerContext, HandlerOutput, RegisteredHandler } from "./types";

/**
 * The handler of catalog endpoint `id`: `ctx.params`, `ctx.query` and `ctx.body` are the output types of
 * that endpoint's zod schemas, and `ctx.fail` takes only the statuses and details it documents.
 */
export function defineHandler<Id extends EndpointId>(
  id: Id,
  handle: (ctx: HandlerContext<Id>) => HandlerOutput | Promise<HandlerOutput>,
): RegisteredHandler<Id> {
  return {
    id,
    // The one cast between the engine and the typed handlers. The engine dispatches by `id` and has validated
    // params, query and body with exactly this endpoint's catalog schemas, given the tenant context whenever the
    // endpoint takes an API key, and its `fail` raises only what the endpoint documents; TypeScript cannot carry
    // that per-endpoint knowledge through one run-time lookup, so it is stated here, once, for every handler.
    handle: async (ctx) => handle(ctx as unknown as HandlerContext<Id>),
  };
}
