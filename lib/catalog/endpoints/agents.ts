import type { Endpoint } from "../types";

// TODO(port): endpoints of the "agents" category, in the seed's order.
export const agentsEndpoints: Endpoint[] = [];
