import type { CategoryId, Endpoint } from "../types";
import { agentsEndpoints } from "./agents";
import { aiEndpoints } from "./ai";
import { authenticationEndpoints } from "./authentication";
import { billingEndpoints } from "./billing";
import { departmentsEndpoints } from "./departments";
import { entitiesEndpoints } from "./entities";
import { externalAgentsEndpoints } from "./external-agents";
import { filesEndpoints } from "./files";
import { organizationsEndpoints } from "./organizations";
import { plansEndpoints } from "./plans";
import { subscriptionsEndpoints } from "./subscriptions";
import { usageEndpoints } from "./usage";
import { usersEndpoints } from "./users";

/** Every endpoint, grouped by category in the seed's order (`satisfies`, so each keeps its literal id and schema types). */
export const endpointsByCategory = {
  authentication: authenticationEndpoints,
  organizations: organizationsEndpoints,
  subscriptions: subscriptionsEndpoints,
  billing: billingEndpoints,
  usage: usageEndpoints,
  agents: agentsEndpoints,
  users: usersEndpoints,
  plans: plansEndpoints,
  ai: aiEndpoints,
  entities: entitiesEndpoints,
  departments: departmentsEndpoints,
  files: filesEndpoints,
  external_agents: externalAgentsEndpoints,
} satisfies Record<CategoryId, readonly Endpoint[]>;
