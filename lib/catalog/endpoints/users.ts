import type { Endpoint } from "../types";

// TODO(port): endpoints of the "users" category, in the seed's order.
export const usersEndpoints: Endpoint[] = [];
