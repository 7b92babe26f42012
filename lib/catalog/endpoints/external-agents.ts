import type { Endpoint } from "../types";

// TODO(port): endpoints of the "external_agents" category, in the seed's order.
export const externalAgentsEndpoints: Endpoint[] = [];
