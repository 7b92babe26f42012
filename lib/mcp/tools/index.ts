import type { LiveTool } from "../live-tool";
import type { PortalTool } from "../tool";
import { getEndpointDetails, getEndUserEndpoints, searchEndpointsTool } from "./catalog-tools";
import { callSandbox, createSandboxTenant, readSandboxOutbox } from "./sandbox-tools";
import {
  getApiOverview,
  getAuthenticationFlow,
  getCommonPatterns,
  getOpenApiSpec,
  getRequestHeaders,
  getSdkTemplate,
} from "./guide-tools";

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

/** Tools that act on the portal's sandbox, after the seed's nine; never cached. */
export const sandboxTools: LiveTool[] = [createSandboxTenant, callSandbox, readSandboxOutbox] as unknown as LiveTool[];
