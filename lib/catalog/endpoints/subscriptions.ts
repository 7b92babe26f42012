import type { Endpoint } from "../types";

// TODO(port): endpoints of the "subscriptions" category, in the seed's order.
export const subscriptionsEndpoints: Endpoint[] = [];
