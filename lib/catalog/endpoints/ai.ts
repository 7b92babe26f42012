import type { Endpoint } from "../types";

// TODO(port): endpoints of the "ai" category, in the seed's order.
export const aiEndpoints: Endpoint[] = [];
