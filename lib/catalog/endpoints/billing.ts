import type { Endpoint } from "../types";

// TODO(port): endpoints of the "billing" category, in the seed's order.
export const billingEndpoints: Endpoint[] = [];
