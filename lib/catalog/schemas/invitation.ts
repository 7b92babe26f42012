import { z } from "zod";
import { assignableRole, datetime, email, EXAMPLE_IDS, EXAMPLE_TIME, uuid } from "../primitives";

export const INVITATION_STATUSES = ["pending", "accepted", "rejected", "expired", "cancelled"] as const;

/** An invitation to join an organization, as its owners and admins see it. */
export const Invitation = z
  .object({
    id: uuid(),
    organization_id: uuid(),
    email: z.email().describe("Address the invitation was sent to"),
    role: assignableRole().describe("Role the invitee receives on acceptance"),
    status: z.enum(INVITATION_STATUSES),
    invited_by: uuid().nullable().describe("User id of the member who sent the invitation"),
    expires_at: datetime(),
    created_at: datetime(),
  })
  .meta({ title: "Invitation" });
export type Invitation = z.infer<typeof Invitation>;

export const invitationExample: Invitation = {
  id: EXAMPLE_IDS.invitation,
  organization_id: EXAMPLE_IDS.organization,
  email: "jane@example.com",
  role: "member",
  status: "pending",
  invited_by: EXAMPLE_IDS.user,
  expires_at: "2024-01-22T10:30:00Z",
  created_at: EXAMPLE_TIME,
};

/** The invitee's view (pending list, lookup by token): the invitation plus the organization's name, to show "Join My Company?". */
export const InvitationDetails = Invitation.extend({
  organization_name: z.string().describe("Name of the inviting organization"),
}).meta({ title: "InvitationDetails" });
export type InvitationDetails = z.infer<typeof InvitationDetails>;

export const invitationDetailsExample: InvitationDetails = { ...invitationExample, organization_name: "My Company" };

export const InviteRequest = z.object({
  email: email().describe("Email address of the person to invite"),
  role: assignableRole().describe("Role to grant: admin, member or developer"),
});

export const InvitationTokenRequest = z.object({
  token: z.string().min(1).describe("Invitation token from the invitation email"),
});
