/** Portal-wide names and links, one place. */
export const site = {
  name: "SaaS API Portal",
  apiName: "Multi-tenant SaaS API",
  apiVersion: "2.2.0",
  description:
    "Reference, guides and tools for the Multi-tenant SaaS API: authentication, organizations, billing, usage, AI agents, custom entities and file storage.",
} as const;
