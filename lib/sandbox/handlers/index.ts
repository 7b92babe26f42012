import type { EndpointId } from "@/lib/catalog";
import { agentsHandlers } from "./agents";
import { aiHandlers } from "./ai";
import { authenticationHandlers } from "./authentication";
import { billingHandlers } from "./billing";
import { departmentsHandlers } from "./departments";
import { entitiesHandlers } from "./entities";
import { externalAgentsHandlers } from "./external-agents";
import { filesHandlers } from "./files";
import { organizationsHandlers } from "./organizations";
import { plansHandlers } from "./plans";
import { subscriptionsHandlers } from "./subscriptions";
import type { RegisteredHandler } from "./types";
import { usageHandlers } from "./usage";
import { usersHandlers } from "./users";

/** The engine's dispatch table: endpoint id → its handler. */
export type HandlerMap = ReadonlyMap<EndpointId, RegisteredHandler>;

/**
 * Keys the handlers by endpoint id. Complete at compile time: when a catalog endpoint has no handler, the list is
 * not assignable and the error names the missing ids (`missingHandlers`). A second handler for an id throws at load.
 */
function dispatchTable<H extends RegisteredHandler>(
  list: readonly H[] &
    ([Exclude<EndpointId, H["id"]>] extends [never] ? unknown : { missingHandlers: Exclude<EndpointId, H["id"]> }),
): HandlerMap {
  const map = new Map<EndpointId, RegisteredHandler>();
  for (const handler of list) {
    if (map.has(handler.id)) throw new Error(`Two sandbox handlers for ${handler.id}`);
    map.set(handler.id, handler);
  }
  return map;
}

/** Every sandbox handler by endpoint id; one list per catalog category. */
export const handlers: HandlerMap = dispatchTable([
  ...authenticationHandlers,
  ...organizationsHandlers,
  ...subscriptionsHandlers,
  ...billingHandlers,
  ...usageHandlers,
  ...agentsHandlers,
  ...usersHandlers,
  ...plansHandlers,
  ...aiHandlers,
  ...entitiesHandlers,
  ...departmentsHandlers,
  ...filesHandlers,
  ...externalAgentsHandlers,
]);
