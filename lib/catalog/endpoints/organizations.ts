import type { Endpoint } from "../types";

// TODO(port): endpoints of the "organizations" category, in the seed's order.
export const organizationsEndpoints: Endpoint[] = [];
