import type { Endpoint } from "../types";

// TODO(port): endpoints of the "entities" category, in the seed's order.
export const entitiesEndpoints: Endpoint[] = [];
