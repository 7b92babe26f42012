import { z } from "zod";
import { assignableRole, datetime, EXAMPLE_IDS, EXAMPLE_TIME, httpUrl, orgRole, slug, uuid } from "../primitives";

/** An organization (team, workspace) of end-users inside a tenant. */
export const Organization = z
  .object({
    id: uuid(),
    name: z.string(),
    slug: z.string().describe("URL-friendly identifier, unique in the tenant"),
    description: z.string().nullable(),
    logo_url: z.string().nullable(),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "Organization" });
export type Organization = z.infer<typeof Organization>;

export const organizationExample: Organization = {
  id: EXAMPLE_IDS.organization,
  name: "My Company",
  slug: "my-company",
  description: "Our awesome company",
  logo_url: null,
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};

/** An organization as GET /v1/organizations/my-organizations lists it: with the caller's role in it. */
export const MyOrganization = Organization.omit({ updated_at: true })
  .extend({ role: orgRole().describe("The current user's role in this organization") })
  .meta({ title: "MyOrganization" });
export type MyOrganization = z.infer<typeof MyOrganization>;

export const myOrganizationExample: MyOrganization = {
  id: EXAMPLE_IDS.organization,
  name: "My Company",
  slug: "my-company",
  description: "Our awesome company",
  logo_url: null,
  role: "owner",
  created_at: EXAMPLE_TIME,
};

/** A member of an organization, as the members endpoints return it. */
export const OrganizationMember = z
  .object({
    user_id: uuid(),
    email: z.email(),
    display_name: z.string().nullable(),
    role: orgRole(),
    joined_at: datetime(),
  })
  .meta({ title: "OrganizationMember" });
export type OrganizationMember = z.infer<typeof OrganizationMember>;

export const organizationMemberExample: OrganizationMember = {
  user_id: EXAMPLE_IDS.user,
  email: "user@example.com",
  display_name: "John Doe",
  role: "owner",
  joined_at: EXAMPLE_TIME,
};

export const otherMemberExample: OrganizationMember = {
  user_id: EXAMPLE_IDS.otherUser,
  email: "jane@example.com",
  display_name: "Jane Smith",
  role: "member",
  joined_at: "2024-01-16T09:00:00Z",
};

export const CreateOrganizationRequest = z.object({
  name: z.string().min(1).describe("Display name of the organization"),
  slug: slug().describe("URL-friendly identifier, unique in the tenant: lowercase letters, digits and hyphens"),
  description: z.string().optional().describe("Free-text description"),
});

export const UpdateOrganizationRequest = z.object({
  name: z.string().min(1).optional().describe("New display name"),
  description: z.string().optional().describe("New description"),
  logo_url: httpUrl().optional().describe("URL of the organization's logo image"),
});

export const UpdateMemberRoleRequest = z.object({
  role: assignableRole().describe("New role: admin, member or developer (ownership cannot be granted this way)"),
});
