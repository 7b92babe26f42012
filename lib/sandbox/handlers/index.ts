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
import type { HandlerMap } from "./types";
import { usageHandlers } from "./usage";
import { usersHandlers } from "./users";

/** Every sandbox handler by endpoint id; one map per catalog category. */
export const handlers: HandlerMap = {
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
};
