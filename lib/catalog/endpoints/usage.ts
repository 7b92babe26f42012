import type { Endpoint } from "../types";

// TODO(port): endpoints of the "usage" category, in the seed's order.
export const usageEndpoints: Endpoint[] = [];
