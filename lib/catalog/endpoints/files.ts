import type { Endpoint } from "../types";

// TODO(port): endpoints of the "files" category, in the seed's order.
export const filesEndpoints: Endpoint[] = [];
