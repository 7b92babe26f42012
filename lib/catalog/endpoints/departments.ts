import type { Endpoint } from "../types";

// TODO(port): endpoints of the "departments" category, in the seed's order.
export const departmentsEndpoints: Endpoint[] = [];
