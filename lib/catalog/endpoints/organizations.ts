import { z } from "zod";
import { defineEndpoint } from "../define";
import {
  billingCycle,
  email,
  EXAMPLE_IDS,
  EXAMPLE_TIME,
  jsonObject,
  MessageResponse,
  queryBoolean,
  uuid,
} from "../primitives";
import { Department, departmentExample } from "../schemas/department";
import {
  Invitation,
  InvitationDetails,
  invitationDetailsExample,
  invitationExample,
  InvitationTokenRequest,
  InviteRequest,
} from "../schemas/invitation";
import {
  CreateOrganizationRequest,
  MyOrganization,
  myOrganizationExample,
  Organization,
  organizationExample,
  OrganizationMember,
  organizationMemberExample,
  otherMemberExample,
  UpdateMemberRoleRequest,
  UpdateOrganizationRequest,
} from "../schemas/organization";
import {
  OrganizationUsageResponse,
  organizationUsageStatsExample,
  UsageCheckResult,
  usageCheckExceededExample,
  usageCheckResultExample,
  UserOrganizationUsageResponse,
  userOrganizationUsageExample,
} from "../schemas/organization-usage";
import {
  Subscription,
  subscriptionExample,
  SubscriptionWithPlan,
  subscriptionWithPlanExample,
} from "../schemas/subscription";
import type { Conflict } from "../types";

const category = "organizations";
const apiKeyAndJwt = { keys: ["public", "secret"], jwt: "required" } as const;
const apiKeyOnly = { keys: ["public", "secret"], jwt: "none" } as const;
const ownerOrAdmin = { ...apiKeyAndJwt, roles: ["owner", "admin"] } as const;

const organizationId = uuid().describe("Organization id");
const orgPath = z.object({ organization_id: organizationId });
const memberPath = z.object({ organization_id: organizationId, user_id: uuid().describe("User id of the member") });
const invitationPath = z.object({ organization_id: organizationId, invitation_id: uuid().describe("Invitation id") });

const message = (text: string, description = "Success") => ({
  status: 200,
  description,
  schema: MessageResponse,
  examples: [{ name: "ok", value: { message: text } }],
});

const notMember = (when: string, source?: "implied") =>
  ({
    status: 403,
    detail: "Not a member of this organization",
    when,
    ...(source ? { source } : {}),
  }) as const;
const orgNotFound = {
  status: 404,
  detail: "Organization not found",
  when: "No organization with this id exists in the tenant.",
  source: "implied",
} as const;
const memberNotFound = {
  status: 404,
  detail: "Member not found",
  when: "The user is not a member of this organization.",
  source: "implied",
} as const;
const managersOnly = (action: string) =>
  ({
    status: 403,
    detail: "Insufficient permissions",
    when: `The caller's role may not ${action}. The seed does not name the roles; owner/admin is expected, as for the other member-management endpoints.`,
    source: "implied",
  }) as const;
const noSubscription = {
  status: 404,
  detail: "No active subscription found for this organization",
  when: "The organization has no active subscription to change or cancel.",
  source: "implied",
} as const;

/** The quick reference of get_end_user_endpoints lists these under "Authenticated Endpoints (JWT required)". */
const quickReferenceJwt = (line: string): Conflict => ({
  topic: "JWT requirement",
  text: `The seed's quick reference lists "${line}" under "Authenticated Endpoints (JWT required)", but the endpoint's own auth rule says jwt: false. The portal documents the per-endpoint rule: an API key without a user token.`,
});

export const organizationsEndpoints = [
  defineEndpoint({
    category,
    slug: "my-organizations",
    method: "GET",
    path: "/v1/organizations/my-organizations",
    summary: "Get all organizations the current user belongs to",
    description: "Lists every organization the signed-in user is a member of, each with the user's role in it.",
    auth: apiKeyAndJwt,
    responses: [
      {
        status: 200,
        description: "The user's organizations",
        schema: z.object({ organizations: z.array(MyOrganization) }).meta({ title: "MyOrganizationsResponse" }),
        examples: [{ name: "ok", value: { organizations: [myOrganizationExample] } }],
      },
    ],
    notes: [
      "Use the role of each entry to decide which management actions (members, invitations, billing) to show.",
      "The literal path wins over GET /v1/organizations/{organization_id}: my-organizations is not an organization id.",
    ],
    keywords: ["list organisations", "my teams", "workspaces", "organization switcher", "memberships", "user role"],
  }),
  defineEndpoint({
    category,
    slug: "create",
    method: "POST",
    path: "/v1/organizations",
    summary: "Create a new organization (user becomes owner)",
    description: "Creates an organization in the tenant and makes the signed-in user its owner.",
    auth: apiKeyAndJwt,
    body: {
      contentType: "application/json",
      schema: CreateOrganizationRequest,
      examples: [
        { name: "create", value: { name: "My Company", slug: "my-company", description: "Our awesome company" } },
      ],
    },
    responses: [
      {
        status: 201,
        description: "Organization created",
        schema: Organization,
        examples: [{ name: "created", value: organizationExample }],
      },
    ],
    errors: [
      {
        status: 409,
        detail: "Organization with this slug already exists",
        when: "Another organization in the tenant already uses this slug.",
        source: "implied",
      },
    ],
    notes: [
      "The creator becomes the owner. The slug is a URL-friendly identifier: lowercase letters, digits and hyphens.",
    ],
    keywords: ["new organisation", "create team", "create workspace", "add organization", "owner"],
  }),
  defineEndpoint({
    category,
    slug: "get",
    method: "GET",
    path: "/v1/organizations/{organization_id}",
    summary: "Get organization details (must be a member)",
    description: "Returns one organization. Only members of the organization may read it.",
    auth: { ...apiKeyAndJwt, condition: "The signed-in user must be a member of the organization." },
    pathParams: orgPath,
    responses: [
      {
        status: 200,
        description: "The organization",
        schema: Organization,
        examples: [{ name: "ok", value: organizationExample }],
      },
    ],
    errors: [notMember("The signed-in user does not belong to this organization."), orgNotFound],
    keywords: ["organisation details", "team details", "workspace", "read organization"],
  }),
  defineEndpoint({
    category,
    slug: "update",
    method: "PUT",
    path: "/v1/organizations/{organization_id}",
    summary: "Update organization (owner/admin only)",
    description:
      "Changes an organization's name, description or logo. Only fields that are sent change; the slug cannot be changed here.",
    auth: ownerOrAdmin,
    pathParams: orgPath,
    body: {
      contentType: "application/json",
      schema: UpdateOrganizationRequest,
      examples: [
        {
          name: "update",
          value: { name: "My Company Ltd", description: "Our awesome company", logo_url: "https://myapp.com/logo.png" },
        },
      ],
    },
    responses: [
      {
        status: 200,
        description: "The updated organization",
        schema: Organization,
        examples: [
          {
            name: "ok",
            value: {
              ...organizationExample,
              name: "My Company Ltd",
              logo_url: "https://myapp.com/logo.png",
              updated_at: "2024-01-16T08:00:00Z",
            },
          },
        ],
      },
    ],
    errors: [orgNotFound],
    keywords: ["rename organisation", "edit organization", "change logo", "organization settings"],
  }),
  defineEndpoint({
    category,
    slug: "list-departments",
    method: "GET",
    path: "/v1/organizations/{organization_id}/departments",
    summary: "List organization departments",
    description: "Lists the departments of an organization the signed-in user belongs to.",
    auth: { ...apiKeyAndJwt, condition: "The signed-in user must be a member of the organization." },
    pathParams: orgPath,
    responses: [
      {
        status: 200,
        description: "The organization's departments",
        schema: z.array(Department).meta({ title: "DepartmentList" }),
        examples: [{ name: "ok", value: [departmentExample] }],
      },
    ],
    errors: [notMember("The signed-in user does not belong to this organization.", "implied"), orgNotFound],
    notes: ["To read one department by id, use GET /v1/departments/{department_id}."],
    keywords: ["teams", "divisions", "sub-teams", "units", "organisation structure"],
  }),
  defineEndpoint({
    category,
    slug: "list-members",
    method: "GET",
    path: "/v1/organizations/{organization_id}/members",
    summary: "List all members of the organization",
    description: "Lists the organization's members with their email, display name, role and join date.",
    auth: { ...apiKeyAndJwt, condition: "The signed-in user must be a member of the organization." },
    pathParams: orgPath,
    responses: [
      {
        status: 200,
        description: "The members",
        schema: z.array(OrganizationMember).meta({ title: "OrganizationMemberList" }),
        examples: [{ name: "ok", value: [organizationMemberExample, otherMemberExample] }],
      },
    ],
    errors: [notMember("The signed-in user does not belong to this organization.", "implied"), orgNotFound],
    keywords: [
      "organization members",
      "list members",
      "member list",
      "team members",
      "users in organisation",
      "roster",
      "who is in my team",
      "roles",
    ],
  }),
  defineEndpoint({
    category,
    slug: "update-member-role",
    method: "PUT",
    path: "/v1/organizations/{organization_id}/members/{user_id}",
    summary: "Update member role (owner/admin only)",
    description: "Changes a member's role to admin, member or developer.",
    auth: ownerOrAdmin,
    pathParams: memberPath,
    body: {
      contentType: "application/json",
      schema: UpdateMemberRoleRequest,
      examples: [{ name: "make_admin", value: { role: "admin" } }],
    },
    responses: [
      {
        status: 200,
        description: "The member with the new role",
        schema: OrganizationMember,
        examples: [{ name: "ok", value: { ...otherMemberExample, role: "admin" } }],
      },
    ],
    errors: [
      {
        status: 400,
        detail: "Cannot change the role of the organization owner",
        when: "The target member is the owner.",
        source: "implied",
      },
      memberNotFound,
      orgNotFound,
    ],
    notes: ["The owner role cannot be assigned with this endpoint: role is one of admin, member, developer."],
    keywords: ["change role", "promote", "demote", "make admin", "permissions", "access level"],
  }),
  defineEndpoint({
    category,
    slug: "remove-member",
    method: "DELETE",
    path: "/v1/organizations/{organization_id}/members/{user_id}",
    summary: "Remove a member from the organization (owner/admin only)",
    description: "Removes a user from the organization. The user account itself is not deleted.",
    auth: ownerOrAdmin,
    pathParams: memberPath,
    responses: [message("Member removed successfully", "Member removed")],
    errors: [
      {
        status: 400,
        detail: "Cannot remove the organization owner",
        when: "The target member is the owner.",
        source: "implied",
      },
      memberNotFound,
      orgNotFound,
    ],
    keywords: ["kick", "remove user", "revoke access", "offboard", "leave team"],
  }),
  defineEndpoint({
    category,
    slug: "deactivate-member",
    method: "POST",
    path: "/v1/organizations/{organization_id}/members/{user_id}/deactivate",
    summary: "Deactivate an organization member",
    description:
      "Deactivates a member's membership without removing it, so the member loses access to the organization.",
    auth: apiKeyAndJwt,
    pathParams: memberPath,
    responses: [message("Member deactivated successfully", "Member deactivated")],
    errors: [
      managersOnly("deactivate members"),
      {
        status: 400,
        detail: "Cannot deactivate the organization owner",
        when: "The target member is the owner.",
        source: "implied",
      },
      memberNotFound,
      orgNotFound,
    ],
    notes: ["Unlike DELETE on the same member path, deactivation keeps the membership record."],
    keywords: ["suspend member", "disable member", "block user", "revoke access"],
  }),
  defineEndpoint({
    category,
    slug: "invite",
    method: "POST",
    path: "/v1/organizations/{organization_id}/invite",
    summary: "Invite a user to the organization (owner/admin only)",
    description:
      "Creates an invitation for an email address with the role the invitee will get, and emails the invitee a link with the invitation token.",
    auth: ownerOrAdmin,
    pathParams: orgPath,
    body: {
      contentType: "application/json",
      schema: InviteRequest,
      examples: [{ name: "invite", value: { email: "jane@example.com", role: "member" } }],
    },
    responses: [
      {
        status: 201,
        description: "Invitation created and sent",
        schema: Invitation,
        examples: [{ name: "created", value: invitationExample }],
      },
    ],
    errors: [
      {
        status: 409,
        detail: "User is already a member of this organization",
        when: "The email belongs to a current member.",
        source: "implied",
      },
      {
        status: 409,
        detail: "An invitation is already pending for this email",
        when: "A pending invitation for this email exists.",
        source: "implied",
      },
      orgNotFound,
    ],
    notes: [
      "The invitee accepts with POST /v1/organizations/accept-invitation (signed in) or declines with POST /v1/organizations/reject-invitation, using the token from the email.",
    ],
    keywords: ["add member", "invite teammate", "send invitation", "invite by email", "onboarding"],
  }),
  defineEndpoint({
    category,
    slug: "resend-invitation",
    method: "POST",
    path: "/v1/organizations/{organization_id}/invitations/{invitation_id}/resend",
    summary: "Resend an organization invitation",
    description: "Sends the invitation email again, for example when the invitee lost it or the link expired.",
    auth: apiKeyAndJwt,
    pathParams: invitationPath,
    responses: [message("Invitation resent successfully", "Invitation email sent again")],
    errors: [
      managersOnly("manage invitations"),
      {
        status: 400,
        detail: "Invitation is no longer pending",
        when: "The invitation was already accepted, rejected or cancelled.",
        source: "implied",
      },
      {
        status: 404,
        detail: "Invitation not found",
        when: "No invitation with this id exists in the organization.",
        source: "implied",
      },
      orgNotFound,
    ],
    keywords: ["send again", "invitation email", "invite link expired", "remind invitee"],
  }),
  defineEndpoint({
    category,
    slug: "cancel-invitation",
    method: "DELETE",
    path: "/v1/organizations/{organization_id}/invitations/{invitation_id}",
    summary: "Cancel/delete an organization invitation",
    description: "Withdraws an invitation so its token can no longer be accepted.",
    auth: apiKeyAndJwt,
    pathParams: invitationPath,
    responses: [message("Invitation cancelled successfully", "Invitation cancelled")],
    errors: [
      managersOnly("manage invitations"),
      {
        status: 404,
        detail: "Invitation not found",
        when: "No invitation with this id exists in the organization.",
        source: "implied",
      },
      orgNotFound,
    ],
    keywords: ["revoke invitation", "withdraw invite", "delete invite", "cancelled"],
  }),
  defineEndpoint({
    category,
    slug: "accept-invitation",
    method: "POST",
    path: "/v1/organizations/accept-invitation",
    summary: "Accept an organization invitation",
    description:
      "Adds the signed-in user to the inviting organization with the invited role, using the token from the invitation email.",
    auth: apiKeyAndJwt,
    body: {
      contentType: "application/json",
      schema: InvitationTokenRequest,
      examples: [{ name: "accept", value: { token: "invitation-token-from-email" } }],
    },
    responses: [
      {
        status: 200,
        description: "Invitation accepted; the user is now a member",
        schema: z
          .object({ message: z.string(), organization: MyOrganization })
          .meta({ title: "AcceptInvitationResponse" }),
        examples: [
          {
            name: "ok",
            value: { message: "Invitation accepted", organization: { ...myOrganizationExample, role: "member" } },
          },
        ],
      },
    ],
    errors: [
      {
        status: 400,
        detail: "Invalid or expired invitation token",
        when: "The token is unknown, expired, or the invitation is no longer pending.",
        source: "implied",
      },
      {
        status: 403,
        detail: "This invitation was sent to a different email address",
        when: "The signed-in user's email is not the invited email.",
        source: "implied",
      },
      {
        status: 409,
        detail: "User is already a member of this organization",
        when: "The signed-in user already belongs to the organization.",
        source: "implied",
      },
    ],
    notes: [
      "The user must be signed in. Flow for a new invitee: open the link, register or log in, then call this endpoint with the token from the link.",
      "Use GET /v1/organizations/invitations/{invitation_token} first to show the organization name and role.",
    ],
    keywords: ["join organisation", "join team", "invitation link", "invite token", "accept invite"],
  }),
  defineEndpoint({
    category,
    slug: "reject-invitation",
    method: "POST",
    path: "/v1/organizations/reject-invitation",
    summary: "Reject an organization invitation (public, no auth required)",
    description:
      "Declines an invitation using the token from the invitation email. No user token is needed, but the API key is.",
    auth: apiKeyOnly,
    body: {
      contentType: "application/json",
      schema: InvitationTokenRequest,
      examples: [{ name: "reject", value: { token: "invitation-token-from-email" } }],
    },
    responses: [message("Invitation rejected", "Invitation rejected")],
    errors: [
      {
        status: 400,
        detail: "Invalid or expired invitation token",
        when: "The token is unknown, expired, or the invitation is no longer pending.",
        source: "implied",
      },
    ],
    notes: ["'Public' here means no user JWT: the X-API-Key header is still required."],
    keywords: ["decline invitation", "refuse invite", "decline invite", "invitation link", "no login"],
    conflicts: [
      {
        topic: "Authentication",
        text: 'The summary says "public, no auth required", but the auth rule requires an API key (pk_live_* or sk_live_*) and only waives the JWT. The portal documents the auth rule: send X-API-Key.',
      },
      quickReferenceJwt("POST /v1/organizations/reject-invitation - Reject invitation"),
    ],
  }),
  defineEndpoint({
    category,
    slug: "pending-invitations",
    method: "GET",
    path: "/v1/organizations/invitations/pending",
    summary: "Get pending invitations for an email",
    description: "Lists the pending invitations addressed to an email, with the inviting organization's name.",
    auth: apiKeyOnly,
    query: z.object({ email: email().describe("Email address to check for pending invitations") }),
    responses: [
      {
        status: 200,
        description: "Pending invitations for the email (empty when there are none)",
        schema: z.array(InvitationDetails).meta({ title: "PendingInvitationList" }),
        examples: [
          { name: "one", value: [invitationDetailsExample] },
          { name: "none", value: [] },
        ],
      },
    ],
    notes: [
      "No user JWT is required: anyone with the API key can list the invitations of any email address. Show them only to a user who has proven that email (for example right after sign-up).",
    ],
    keywords: ["check invitations", "invites for email", "open invitations", "after sign up", "join organisation"],
    conflicts: [quickReferenceJwt("GET /v1/organizations/invitations/pending?email= - Check pending invitations")],
  }),
  defineEndpoint({
    category,
    slug: "get-invitation",
    method: "GET",
    path: "/v1/organizations/invitations/{invitation_token}",
    summary: "Get invitation details by token (public)",
    description:
      "Returns an invitation by its token, so an invitation page can show the organization and role before the user signs in and accepts or rejects.",
    auth: apiKeyOnly,
    pathParams: z.object({
      invitation_token: z.string().min(1).describe("Invitation token from the invitation email"),
    }),
    responses: [
      {
        status: 200,
        description: "The invitation",
        schema: InvitationDetails,
        examples: [{ name: "ok", value: invitationDetailsExample }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "Invitation not found",
        when: "The token does not match an invitation of this tenant.",
        source: "implied",
      },
    ],
    notes: [
      "'Public' here means no user JWT: the X-API-Key header is still required.",
      "Check status and expires_at before offering Accept: only pending, unexpired invitations can be accepted.",
      "The literal path /v1/organizations/invitations/pending is a different endpoint, not a token.",
    ],
    keywords: ["invitation page", "invite link", "look up invitation", "invite token", "join organisation"],
    conflicts: [quickReferenceJwt("GET /v1/organizations/invitations/{token} - Get invitation details")],
  }),
  defineEndpoint({
    category,
    slug: "set-default",
    method: "POST",
    path: "/v1/organizations/{organization_id}/set-default",
    summary: "Set default organization for the current user",
    description:
      "Makes this organization the signed-in user's default; it is stored as default_organization_id on the user.",
    auth: { ...apiKeyAndJwt, condition: "The signed-in user must be a member of the organization." },
    pathParams: orgPath,
    responses: [
      {
        status: 200,
        description: "Default organization updated",
        schema: MessageResponse.extend({ default_organization_id: uuid() }).meta({
          title: "SetDefaultOrganizationResponse",
        }),
        examples: [
          {
            name: "ok",
            value: { message: "Default organization updated", default_organization_id: EXAMPLE_IDS.organization },
          },
        ],
      },
    ],
    errors: [notMember("The signed-in user does not belong to this organization.", "implied"), orgNotFound],
    keywords: [
      "default organisation",
      "primary organization",
      "switch organization",
      "preferred workspace",
      "default_organization_id",
    ],
  }),
  defineEndpoint({
    category,
    slug: "get-subscription",
    method: "GET",
    path: "/v1/organizations/{organization_id}/subscription",
    summary: "Get organization's current subscription with plan details",
    description:
      "Returns the organization's active subscription with its plan embedded, or null when the organization has no active subscription.",
    auth: { ...apiKeyAndJwt, permission: "BILLING_READ" },
    pathParams: orgPath,
    responses: [
      {
        status: 200,
        description: "The active subscription with its plan, or null",
        schema: SubscriptionWithPlan.nullable().describe("SubscriptionWithPlan or null"),
        examples: [
          { name: "active", summary: "Active subscription", value: subscriptionWithPlanExample },
          { name: "none", summary: "No active subscription", value: null },
        ],
      },
    ],
    errors: [orgNotFound],
    notes: [
      "Requires the BILLING_READ permission.",
      "Returns null (200, not 404) if the organization has no active subscription: treat null as 'free / not subscribed'.",
    ],
    keywords: ["current plan", "billing status", "organisation plan", "subscription status", "is subscribed"],
  }),
  defineEndpoint({
    category,
    slug: "subscribe",
    method: "POST",
    path: "/v1/organizations/{organization_id}/subscription/{plan_id}",
    summary: "Subscribe organization to a plan",
    description:
      "Creates a subscription of the organization to the plan. No payment is collected here; paid plans normally go through a Stripe checkout.",
    auth: { ...apiKeyAndJwt, permission: "BILLING_MANAGE", roles: ["owner", "admin"] },
    pathParams: z.object({ organization_id: organizationId, plan_id: uuid().describe("Plan to subscribe to") }),
    responses: [
      {
        status: 201,
        description: "Subscription created",
        schema: Subscription,
        examples: [{ name: "created", value: subscriptionExample }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "Plan not found",
        when: "The plan does not exist, or is neither the tenant's nor a global plan.",
        source: "implied",
      },
      {
        status: 409,
        detail: "Organization already has an active subscription",
        when: "Change the plan with PUT /v1/organizations/{organization_id}/subscription instead.",
        source: "implied",
      },
      orgNotFound,
    ],
    notes: ["Requires the BILLING_MANAGE permission (owner/admin)."],
    keywords: ["choose plan", "start subscription", "upgrade", "free plan", "sign up for plan"],
  }),
  defineEndpoint({
    category,
    slug: "update-subscription",
    method: "PUT",
    path: "/v1/organizations/{organization_id}/subscription",
    summary: "Update organization subscription",
    description:
      "Changes the plan, billing cycle or metadata of the organization's active subscription. Only fields that are sent change.",
    auth: { ...apiKeyAndJwt, permission: "BILLING_MANAGE" },
    pathParams: orgPath,
    body: {
      contentType: "application/json",
      schema: z.object({
        plan_id: uuid().optional().describe("New plan"),
        billing_cycle: billingCycle().optional().describe("monthly or yearly"),
        subscription_metadata: jsonObject().optional().describe("Custom metadata; replaces the stored object"),
      }),
      examples: [{ name: "yearly", value: { plan_id: EXAMPLE_IDS.plan, billing_cycle: "yearly" } }],
    },
    responses: [
      {
        status: 200,
        description: "The updated subscription",
        schema: Subscription,
        examples: [
          { name: "ok", value: { ...subscriptionExample, billing_cycle: "yearly", updated_at: EXAMPLE_TIME } },
        ],
      },
    ],
    errors: [
      noSubscription,
      {
        status: 404,
        detail: "Plan not found",
        when: "plan_id names no plan available to the tenant.",
        source: "implied",
      },
      orgNotFound,
    ],
    notes: ["Requires the BILLING_MANAGE permission."],
    keywords: ["change plan", "upgrade", "downgrade", "switch to yearly", "annual billing", "billing cycle"],
  }),
  defineEndpoint({
    category,
    slug: "cancel-subscription",
    method: "DELETE",
    path: "/v1/organizations/{organization_id}/subscription",
    summary: "Cancel organization subscription",
    description:
      "Cancels the organization's active subscription, by default at the end of the current period; with cancel_at_period_end=false it ends at once.",
    auth: { ...apiKeyAndJwt, permission: "BILLING_MANAGE" },
    pathParams: orgPath,
    query: z.object({
      cancel_at_period_end: queryBoolean(true).describe(
        "If true (default), access continues until the period ends; if false, the subscription ends now",
      ),
    }),
    responses: [
      {
        status: 200,
        description: "Subscription cancelled (or scheduled to cancel)",
        schema: z
          .object({ message: z.string(), subscription: Subscription })
          .meta({ title: "CancelOrganizationSubscriptionResponse" }),
        examples: [
          {
            name: "at_period_end",
            summary: "cancel_at_period_end=true (default)",
            value: {
              message: "Subscription will be cancelled at the end of the current period",
              subscription: { ...subscriptionExample, cancel_at_period_end: true, updated_at: EXAMPLE_TIME },
            },
          },
          {
            name: "immediately",
            summary: "cancel_at_period_end=false",
            value: {
              message: "Subscription cancelled",
              subscription: {
                ...subscriptionExample,
                status: "cancelled",
                canceled_at: EXAMPLE_TIME,
                updated_at: EXAMPLE_TIME,
              },
            },
          },
        ],
      },
    ],
    errors: [noSubscription, orgNotFound],
    notes: [
      "Requires the BILLING_MANAGE permission.",
      "This answers 200 with a JSON body, not 204.",
      "A server-side variant exists for secret keys: DELETE /v1/subscriptions/organizations/{organization_id}/subscription.",
    ],
    keywords: [
      "from the browser",
      "jwt",
      "organization subscription",
      "cancel at period end",
      "unsubscribe",
      "stop billing",
      "end subscription",
      "cancelled",
      "downgrade to free",
    ],
  }),
  defineEndpoint({
    category,
    slug: "get-usage",
    method: "GET",
    path: "/v1/organizations/{organization_id}/usage",
    summary: "Get organization usage statistics",
    description: "Returns the organization's usage in the current billing period, aggregated over its members.",
    auth: {
      ...apiKeyAndJwt,
      permission: "ORG_READ",
      condition: "The signed-in user must be a member of the organization.",
    },
    pathParams: orgPath,
    responses: [
      {
        status: 200,
        description: "Aggregated usage",
        schema: OrganizationUsageResponse,
        examples: [{ name: "ok", value: { usage_stats: organizationUsageStatsExample } }],
      },
    ],
    errors: [notMember("The signed-in user does not belong to this organization."), orgNotFound],
    notes: ["Requires the ORG_READ permission. Must be a member of the organization."],
    keywords: ["organisation usage", "team consumption", "messages used", "tokens used", "quota", "analytics"],
  }),
  defineEndpoint({
    category,
    slug: "get-user-usage",
    method: "GET",
    path: "/v1/organizations/{organization_id}/usage/user/{target_user_id}",
    summary: "Get usage statistics for a specific user in the organization",
    description: "Returns one member's usage record within this organization for the current period.",
    auth: { ...apiKeyAndJwt, permission: "MEMBERS_READ" },
    pathParams: z.object({
      organization_id: organizationId,
      target_user_id: uuid().describe("User whose usage to read"),
    }),
    responses: [
      {
        status: 200,
        description: "The user's usage in this organization",
        schema: UserOrganizationUsageResponse,
        examples: [{ name: "ok", value: { usage: userOrganizationUsageExample } }],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "User is not a member of this organization",
        when: "target_user_id is not a member.",
        source: "implied",
      },
      orgNotFound,
    ],
    notes: ["Requires the MEMBERS_READ permission."],
    keywords: ["member usage", "per-user usage", "who used the most", "user consumption", "usage by member"],
  }),
  defineEndpoint({
    category,
    slug: "check-usage",
    method: "POST",
    path: "/v1/organizations/{organization_id}/usage/check",
    summary: "Check if organization would exceed usage limits",
    description:
      "Tells whether adding the given messages and tokens to the organization's current usage would exceed its plan limits. Nothing is consumed.",
    auth: { ...apiKeyAndJwt, permission: "ORG_READ" },
    pathParams: orgPath,
    query: z.object({
      additional_messages: z.coerce
        .number()
        .int()
        .min(0)
        .default(0)
        .describe("Additional messages to check (default 0)"),
      additional_tokens: z.coerce.number().int().min(0).default(0).describe("Additional tokens to check (default 0)"),
    }),
    responses: [
      {
        status: 200,
        description: "Whether the limits would be exceeded, with the current limit details",
        schema: UsageCheckResult,
        examples: [
          { name: "within_limits", summary: "?additional_messages=10", value: usageCheckResultExample },
          { name: "would_exceed", summary: "?additional_messages=600", value: usageCheckExceededExample },
        ],
      },
    ],
    errors: [orgNotFound],
    notes: [
      "Pre-validate before making API calls. Requires the ORG_READ permission.",
      "The amounts are query parameters; the POST has no body.",
      "A would_exceed answer is still 200: check the flag, not the status.",
    ],
    keywords: ["quota check", "limit check", "pre-flight", "over quota", "can i send", "remaining quota"],
  }),
];
