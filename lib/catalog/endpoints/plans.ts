import type { Endpoint } from "../types";

// TODO(port): endpoints of the "plans" category, in the seed's order.
export const plansEndpoints: Endpoint[] = [];
