import type { PortalTool } from "../tool";
import { getEndpointDetails, getEndUserEndpoints, searchEndpointsTool } from "./catalog-tools";
import { getApiOverview, getAuthenticationFlow, getCommonPatterns, getOpenApiSpec, getRequestHeaders, getSdkTemplate } from "./guide-tools";

/** The seed's nine tools, same names and argument names, in the seed's order. */
export const portalTools: PortalTool[] = [
  getApiOverview,
  getEndUserEndpoints,
  getRequestHeaders,
  getSdkTemplate,
  getOpenApiSpec,
  searchEndpointsTool,
  getEndpointDetails,
  getAuthenticationFlow,
  getCommonPatterns,
] as unknown as PortalTool[];
