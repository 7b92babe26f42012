import { beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@/lib/catalog";
import type { Department } from "@/lib/catalog/schemas/department";
import type { Invitation, InvitationDetails } from "@/lib/catalog/schemas/invitation";
import type { MyOrganization, Organization, OrganizationMember } from "@/lib/catalog/schemas/organization";
import type { UsageCheckResult } from "@/lib/catalog/schemas/organization-usage";
import type { Subscription } from "@/lib/catalog/schemas/subscription";
import { isoTime, newId } from "../db/sql";
import { listMail } from "../outbox";
import { findUserById } from "../resources/user";
import { getStore } from "../store";
import type { TenantRow } from "../tenants";
import { expectCatalogError, expectMatchesCatalog, type CatalogCheckOptions } from "../testing/catalog";
import { sandboxClient, type SandboxClient } from "../testing/client";
import { setupTempDatabase } from "../testing/database";
import { newTenant, newUser } from "../testing/fixtures";

setupTempDatabase();

type Message = { message: string };
type Actor = { id: string; email: string; token: string };

/** Endpoints that answered a success the catalog accepts: every endpoint of the category must be among them. */
const covered = new Set<string>();
async function check<T = unknown>(endpointId: string, res: Response, options?: CatalogCheckOptions): Promise<T> {
  const body = await expectMatchesCatalog<T>(endpointId, res, options);
  if (res.ok) covered.add(endpointId);
  return body;
}

async function actor(tenant: TenantRow, email: string): Promise<Actor> {
  const { user, tokens } = await newUser(tenant, { email });
  return { id: user.id, email, token: tokens.access_token };
}

const expectError = (endpointId: string, res: Response, status: number, detail: string, anyDetail = false) =>
  expectCatalogError(endpointId, res, status, detail, { anyDetail });

interface World {
  tenant: TenantRow;
  client: SandboxClient;
  owner: Actor;
  admin: Actor;
  member: Actor;
  outsider: Actor;
  org: Organization;
}

let world: World;
const plans = async (tenant: TenantRow) =>
  (await getStore()).all<{ id: string; is_free: number; name: string }>(
    `SELECT id, is_free, name FROM plans WHERE tenant_id = ? ORDER BY sort_order`,
    [tenant.id],
  );
const mails = async (tenant: TenantRow, to: string) =>
  (await listMail(await getStore(), tenant.id)).filter((m) => m.kind === "invitation" && m.to === to);

/** Invites by API and accepts by API: the member ends up in the organization through the real flow. */
async function join(w: World, who: Actor, role: "admin" | "member" | "developer") {
  const invited = await w.client.call("POST", `/v1/organizations/${w.org.id}/invite`, {
    token: w.owner.token,
    body: { email: who.email, role },
  });
  expect(invited.status).toBe(201);
  const token = (await mails(w.tenant, who.email))[0]!.token!;
  const accepted = await w.client.call("POST", "/v1/organizations/accept-invitation", {
    token: who.token,
    body: { token },
  });
  expect(accepted.status).toBe(200);
}

async function setUp(slug: string): Promise<World> {
  const tenant = await newTenant();
  const client = sandboxClient(tenant);
  const owner = await actor(tenant, `owner-${slug}@example.com`);
  const res = await client.call("POST", "/v1/organizations", {
    token: owner.token,
    body: { name: "Acme", slug, description: "Our company" },
  });
  expect(res.status).toBe(201);
  const org = await check<Organization>("organizations.create", res);
  const w: World = {
    tenant,
    client,
    owner,
    admin: await actor(tenant, `admin-${slug}@example.com`),
    member: await actor(tenant, `member-${slug}@example.com`),
    outsider: await actor(tenant, `outsider-${slug}@example.com`),
    org,
  };
  await join(w, w.admin, "admin");
  await join(w, w.member, "member");
  return w;
}

beforeAll(async () => {
  world = await setUp("acme");
});

describe("organizations", () => {
  it("create: the creator is the owner, the slug is unique per tenant, a General department comes with it", async () => {
    const { client, owner, org, tenant } = world;
    expect(org).toMatchObject({ name: "Acme", slug: "acme", description: "Our company", logo_url: null });

    const dup = await client.call("POST", "/v1/organizations", {
      token: owner.token,
      body: { name: "Other", slug: "acme" },
    });
    await expectError("organizations.create", dup, 409, "Organization with this slug already exists");

    // Another tenant may use the same slug.
    const other = await newTenant();
    const stranger = await actor(other, "stranger@example.com");
    const elsewhere = await sandboxClient(other).call("POST", "/v1/organizations", {
      token: stranger.token,
      body: { name: "Acme", slug: "acme" },
    });
    expect(elsewhere.status).toBe(201);

    const bad = await client.call("POST", "/v1/organizations", {
      token: owner.token,
      body: { name: "X", slug: "Not A Slug" },
    });
    expect(bad.status).toBe(422);
    await check("organizations.create", bad);

    // The first organization became the creator's default.
    expect((await findUserById(await getStore(), tenant.id, owner.id))?.default_organization_id).toBe(org.id);
  });

  it("my-organizations lists each organization with the caller's role", async () => {
    const { client, owner, admin, outsider, org } = world;
    const res = await client.call("GET", "/v1/organizations/my-organizations", { token: owner.token });
    const body = await check<{ organizations: MyOrganization[] }>("organizations.my-organizations", res);
    expect(body.organizations).toEqual([
      {
        id: org.id,
        name: "Acme",
        slug: "acme",
        description: "Our company",
        logo_url: null,
        role: "owner",
        created_at: org.created_at,
      },
    ]);

    const asAdmin = await check<{ organizations: MyOrganization[] }>(
      "organizations.my-organizations",
      await client.call("GET", "/v1/organizations/my-organizations", { token: admin.token }),
    );
    expect(asAdmin.organizations.map((o) => o.role)).toEqual(["admin"]);

    const none = await client.call("GET", "/v1/organizations/my-organizations", { token: outsider.token });
    expect(await check("organizations.my-organizations", none)).toEqual({ organizations: [] });

    const anonymous = await client.call("GET", "/v1/organizations/my-organizations");
    await expectError("organizations.my-organizations", anonymous, 401, "Not authenticated");
  });

  it("get: members only", async () => {
    const { client, member, outsider, org } = world;
    const res = await client.call("GET", `/v1/organizations/${org.id}`, { token: member.token });
    expect(await check("organizations.get", res)).toEqual(org);

    await expectError(
      "organizations.get",
      await client.call("GET", `/v1/organizations/${org.id}`, { token: outsider.token }),
      403,
      "Not a member of this organization",
    );
    await expectError(
      "organizations.get",
      await client.call("GET", `/v1/organizations/${newId()}`, { token: member.token }),
      404,
      "Organization not found",
    );
  });

  it("update: owner/admin, only the fields sent change", async () => {
    const { client, admin, member, org } = world;
    const res = await client.call("PUT", `/v1/organizations/${org.id}`, {
      token: admin.token,
      body: { logo_url: "https://acme.example/logo.png" },
    });
    const updated = await check<Organization>("organizations.update", res);
    expect(updated).toMatchObject({
      name: "Acme",
      description: "Our company",
      logo_url: "https://acme.example/logo.png",
      slug: "acme",
    });

    const renamed = await check<Organization>(
      "organizations.update",
      await client.call("PUT", `/v1/organizations/${org.id}`, { token: admin.token, body: { name: "Acme Ltd" } }),
    );
    expect(renamed).toMatchObject({ name: "Acme Ltd", logo_url: "https://acme.example/logo.png" });

    await expectError(
      "organizations.update",
      await client.call("PUT", `/v1/organizations/${org.id}`, { token: member.token, body: { name: "Hijack" } }),
      403,
      "Insufficient permissions",
    );
    await expectError(
      "organizations.update",
      await client.call("PUT", `/v1/organizations/${newId()}`, { token: admin.token, body: { name: "X" } }),
      404,
      "Organization not found",
    );
  });

  it("list-departments: the default General department", async () => {
    const { client, member, outsider, org } = world;
    const res = await client.call("GET", `/v1/organizations/${org.id}/departments`, { token: member.token });
    const departments = await check<Department[]>("organizations.list-departments", res);
    expect(departments).toHaveLength(1);
    expect(departments[0]).toMatchObject({
      organization_id: org.id,
      name: "General",
      is_default: true,
      is_active: true,
      settings: {},
    });

    await expectError(
      "organizations.list-departments",
      await client.call("GET", `/v1/organizations/${org.id}/departments`, { token: outsider.token }),
      403,
      "Not a member of this organization",
    );
  });

  it("set-default stores default_organization_id", async () => {
    const { client, member, outsider, org, tenant } = world;
    await (await getStore()).run(`UPDATE users SET default_organization_id = NULL WHERE id = ?`, [member.id]);
    const res = await client.call("POST", `/v1/organizations/${org.id}/set-default`, { token: member.token });
    expect(await check("organizations.set-default", res)).toEqual({
      message: "Default organization updated",
      default_organization_id: org.id,
    });
    expect((await findUserById(await getStore(), tenant.id, member.id))?.default_organization_id).toBe(org.id);

    await expectError(
      "organizations.set-default",
      await client.call("POST", `/v1/organizations/${org.id}/set-default`, { token: outsider.token }),
      403,
      "Not a member of this organization",
    );
  });
});

describe("members", () => {
  it("list-members: email, display name, role and join date of active members", async () => {
    const { client, member, owner, admin, org } = world;
    const res = await client.call("GET", `/v1/organizations/${org.id}/members`, { token: member.token });
    const members = await check<OrganizationMember[]>("organizations.list-members", res);
    expect(members.map((m) => [m.user_id, m.email, m.role])).toEqual([
      [owner.id, owner.email, "owner"],
      [admin.id, admin.email, "admin"],
      [member.id, member.email, "member"],
    ]);
    await expectError(
      "organizations.list-members",
      await client.call("GET", `/v1/organizations/${org.id}/members`, { token: world.outsider.token }),
      403,
      "Not a member of this organization",
    );
  });

  it("update-member-role: owner/admin; the owner's role is fixed", async () => {
    const w = await setUp("roles");
    const { client, org, owner, admin, member } = w;
    const res = await client.call("PUT", `/v1/organizations/${org.id}/members/${member.id}`, {
      token: admin.token,
      body: { role: "developer" },
    });
    expect(await check<OrganizationMember>("organizations.update-member-role", res)).toMatchObject({
      user_id: member.id,
      role: "developer",
    });

    const path = (id: string) => `/v1/organizations/${org.id}/members/${id}`;
    await expectError(
      "organizations.update-member-role",
      await client.call("PUT", path(owner.id), { token: admin.token, body: { role: "member" } }),
      400,
      "Cannot change the role of the organization owner",
    );
    await expectError(
      "organizations.update-member-role",
      await client.call("PUT", path(w.outsider.id), { token: owner.token, body: { role: "member" } }),
      404,
      "Member not found",
    );
    await expectError(
      "organizations.update-member-role",
      await client.call("PUT", path(admin.id), { token: member.token, body: { role: "member" } }),
      403,
      "Insufficient permissions",
    );
    const ownerRole = await client.call("PUT", path(member.id), { token: owner.token, body: { role: "owner" } });
    expect(ownerRole.status).toBe(422);
    await check("organizations.update-member-role", ownerRole);
  });

  it("deactivate-member: keeps the record, access is gone; the owner cannot be deactivated", async () => {
    const w = await setUp("deactivate");
    const { client, org, owner, admin, member } = w;
    const path = (id: string) => `/v1/organizations/${org.id}/members/${id}/deactivate`;
    await expectError(
      "organizations.deactivate-member",
      await client.call("POST", path(admin.id), { token: member.token }),
      403,
      "Insufficient permissions",
    );
    await expectError(
      "organizations.deactivate-member",
      await client.call("POST", path(owner.id), { token: admin.token }),
      400,
      "Cannot deactivate the organization owner",
    );

    const res = await client.call("POST", path(member.id), { token: admin.token });
    expect(await check<Message>("organizations.deactivate-member", res)).toEqual({
      message: "Member deactivated successfully",
    });
    expect(
      await (
        await getStore()
      ).get(`SELECT is_active FROM memberships WHERE organization_id = ? AND user_id = ?`, [org.id, member.id]),
    ).toEqual({ is_active: 0 });

    await expectError(
      "organizations.get",
      await client.call("GET", `/v1/organizations/${org.id}`, { token: member.token }),
      403,
      "Not a member of this organization",
    );
    await expectError(
      "organizations.deactivate-member",
      await client.call("POST", path(member.id), { token: admin.token }),
      404,
      "Member not found",
    );

    // Re-invited and accepted, the deactivated member is active again with the invited role.
    await join(w, member, "developer");
    const mine = await check<{ organizations: MyOrganization[] }>(
      "organizations.my-organizations",
      await client.call("GET", "/v1/organizations/my-organizations", { token: member.token }),
    );
    expect(mine.organizations.map((o) => o.role)).toEqual(["developer"]);
  });

  it("remove-member: owner/admin; the owner cannot be removed; the user's default is cleared", async () => {
    const w = await setUp("remove");
    const { client, org, owner, admin, member, tenant } = w;
    const path = (id: string) => `/v1/organizations/${org.id}/members/${id}`;
    await expectError(
      "organizations.remove-member",
      await client.call("DELETE", path(admin.id), { token: member.token }),
      403,
      "Insufficient permissions",
    );
    await expectError(
      "organizations.remove-member",
      await client.call("DELETE", path(owner.id), { token: admin.token }),
      400,
      "Cannot remove the organization owner",
    );
    await expectError(
      "organizations.remove-member",
      await client.call("DELETE", path(w.outsider.id), { token: admin.token }),
      404,
      "Member not found",
    );

    expect((await findUserById(await getStore(), tenant.id, member.id))?.default_organization_id).toBe(org.id);
    const res = await client.call("DELETE", path(member.id), { token: admin.token });
    expect(await check<Message>("organizations.remove-member", res)).toEqual({
      message: "Member removed successfully",
    });
    expect((await findUserById(await getStore(), tenant.id, member.id))?.default_organization_id).toBeNull();
    await expectError(
      "organizations.remove-member",
      await client.call("DELETE", path(member.id), { token: admin.token }),
      404,
      "Member not found",
    );
  });
});

describe("invitations", () => {
  it("invite → mail with a link → details by token → pending by email → accept", async () => {
    const { client, org, admin, tenant } = world;
    const jane = await actor(tenant, "jane@example.com");
    const res = await client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: admin.token,
      body: { email: "Jane@Example.com", role: "developer" },
    });
    expect(res.status).toBe(201);
    const invitation = await check<Invitation>("organizations.invite", res);
    expect(invitation).toMatchObject({
      organization_id: org.id,
      email: "jane@example.com",
      role: "developer",
      status: "pending",
      invited_by: admin.id,
    });
    expect(Date.parse(invitation.expires_at) - Date.parse(invitation.created_at)).toBe(7 * 24 * 3600 * 1000);

    const mail = (await mails(tenant, "jane@example.com"))[0]!;
    expect(mail.subject).toContain("Acme");
    expect(mail.link).toBe(`http://sandbox.test/sandbox/accept-invitation?token=${mail.token}`);
    expect(mail.body).toContain(mail.link);

    const details = await check<InvitationDetails>(
      "organizations.get-invitation",
      await client.call("GET", `/v1/organizations/invitations/${mail.token}`),
    );
    expect(details).toEqual({ ...invitation, organization_name: expect.stringMatching(/^Acme/) as unknown });

    const pending = await check<InvitationDetails[]>(
      "organizations.pending-invitations",
      await client.call("GET", "/v1/organizations/invitations/pending", { query: { email: "JANE@example.com" } }),
    );
    expect(pending.map((p) => p.id)).toEqual([invitation.id]);

    const again = await client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: admin.token,
      body: { email: "jane@example.com", role: "member" },
    });
    await expectError("organizations.invite", again, 409, "An invitation is already pending for this email");

    const accepted = await client.call("POST", "/v1/organizations/accept-invitation", {
      token: jane.token,
      body: { token: mail.token },
    });
    const body = await check<{ message: string; organization: MyOrganization }>(
      "organizations.accept-invitation",
      accepted,
    );
    expect(body).toMatchObject({ message: "Invitation accepted", organization: { id: org.id, role: "developer" } });

    const after = await check<InvitationDetails>(
      "organizations.get-invitation",
      await client.call("GET", `/v1/organizations/invitations/${mail.token}`),
    );
    expect(after.status).toBe("accepted");
    const none = await client.call("GET", "/v1/organizations/invitations/pending", {
      query: { email: "jane@example.com" },
    });
    expect(await check("organizations.pending-invitations", none)).toEqual([]);

    const member = await client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: admin.token,
      body: { email: "jane@example.com", role: "member" },
    });
    await expectError("organizations.invite", member, 409, "User is already a member of this organization");
    const twice = await client.call("POST", "/v1/organizations/accept-invitation", {
      token: jane.token,
      body: { token: mail.token },
    });
    await expectError("organizations.accept-invitation", twice, 400, "Invalid or expired invitation token");
  });

  it("invite: owner/admin only", async () => {
    const { client, org, member } = world;
    const res = await client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: member.token,
      body: { email: "x@example.com", role: "member" },
    });
    await expectError("organizations.invite", res, 403, "Insufficient permissions");
    const ghost = await client.call("POST", `/v1/organizations/${newId()}/invite`, {
      token: member.token,
      body: { email: "x@example.com", role: "member" },
    });
    await expectError("organizations.invite", ghost, 404, "Organization not found");
    const owner = await client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: world.owner.token,
      body: { email: "x@example.com", role: "owner" },
    });
    expect(owner.status).toBe(422);
  });

  it("accept: the invited email only; the member already; unknown tokens", async () => {
    const { client, org, owner, tenant } = world;
    const kim = await actor(tenant, "kim@example.com");
    const invited = await client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: owner.token,
      body: { email: "kim@example.com", role: "member" },
    });
    expect(invited.status).toBe(201);
    const token = (await mails(tenant, "kim@example.com"))[0]!.token!;

    const wrong = await client.call("POST", "/v1/organizations/accept-invitation", {
      token: world.outsider.token,
      body: { token },
    });
    await expectError(
      "organizations.accept-invitation",
      wrong,
      403,
      "This invitation was sent to a different email address",
    );
    const unknown = await client.call("POST", "/v1/organizations/accept-invitation", {
      token: kim.token,
      body: { token: "no-such-token" },
    });
    await expectError("organizations.accept-invitation", unknown, 400, "Invalid or expired invitation token");
    const anonymous = await client.call("POST", "/v1/organizations/accept-invitation", { body: { token } });
    await expectError("organizations.accept-invitation", anonymous, 401, "Not authenticated");

    // A pending invitation for someone who joined meanwhile (here: invited, then added directly).
    await (
      await getStore()
    ).run(
      `INSERT INTO memberships (id, tenant_id, organization_id, user_id, role, is_active, joined_at, updated_at) VALUES (?, ?, ?, ?, 'member', 1, ?, ?)`,
      [newId(), tenant.id, org.id, kim.id, isoTime(new Date()), isoTime(new Date())],
    );
    const already = await client.call("POST", "/v1/organizations/accept-invitation", {
      token: kim.token,
      body: { token },
    });
    await expectError("organizations.accept-invitation", already, 409, "User is already a member of this organization");
  });

  it("accept: an expired invitation is shown as expired and cannot be accepted or rejected", async () => {
    const { client, org, owner, tenant } = world;
    const lee = await actor(tenant, "lee@example.com");
    const res = await client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: owner.token,
      body: { email: "lee@example.com", role: "member" },
    });
    const invitation = await check<Invitation>("organizations.invite", res);
    await (
      await getStore()
    ).run(`UPDATE invitations SET expires_at = ? WHERE id = ?`, [isoTime(new Date(Date.now() - 1000)), invitation.id]);
    const token = (await mails(tenant, "lee@example.com"))[0]!.token!;

    const details = await check<InvitationDetails>(
      "organizations.get-invitation",
      await client.call("GET", `/v1/organizations/invitations/${token}`),
    );
    expect(details.status).toBe("expired");
    const pending = await client.call("GET", "/v1/organizations/invitations/pending", {
      query: { email: "lee@example.com" },
    });
    expect(await check("organizations.pending-invitations", pending)).toEqual([]);
    await expectError(
      "organizations.accept-invitation",
      await client.call("POST", "/v1/organizations/accept-invitation", { token: lee.token, body: { token } }),
      400,
      "Invalid or expired invitation token",
    );
    await expectError(
      "organizations.reject-invitation",
      await client.call("POST", "/v1/organizations/reject-invitation", { body: { token } }),
      400,
      "Invalid or expired invitation token",
    );

    // An expired invitation no longer blocks a new one; resend revives the old one with a new token.
    const resent = await client.call("POST", `/v1/organizations/${org.id}/invitations/${invitation.id}/resend`, {
      token: owner.token,
    });
    expect(await check<Message>("organizations.resend-invitation", resent)).toEqual({
      message: "Invitation resent successfully",
    });
    const [newest, oldest] = await mails(tenant, "lee@example.com");
    expect(newest!.token).not.toBe(oldest!.token);
    await expectError(
      "organizations.get-invitation",
      await client.call("GET", `/v1/organizations/invitations/${oldest!.token}`),
      404,
      "Invitation not found",
    );
    const accepted = await client.call("POST", "/v1/organizations/accept-invitation", {
      token: lee.token,
      body: { token: newest!.token },
    });
    expect(accepted.status).toBe(200);
  });

  it("reject needs no user token; the invitation is then rejected", async () => {
    const { client, org, owner, tenant } = world;
    await client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: owner.token,
      body: { email: "ray@example.com", role: "member" },
    });
    const token = (await mails(tenant, "ray@example.com"))[0]!.token!;
    const res = await client.call("POST", "/v1/organizations/reject-invitation", { body: { token } });
    expect(await check<Message>("organizations.reject-invitation", res)).toEqual({ message: "Invitation rejected" });
    const details = await check<InvitationDetails>(
      "organizations.get-invitation",
      await client.call("GET", `/v1/organizations/invitations/${token}`),
    );
    expect(details.status).toBe("rejected");
    await expectError(
      "organizations.reject-invitation",
      await client.call("POST", "/v1/organizations/reject-invitation", { body: { token } }),
      400,
      "Invalid or expired invitation token",
    );
    const noKey = await client.call("POST", "/v1/organizations/reject-invitation", { body: { token }, key: null });
    await expectError("organizations.reject-invitation", noKey, 401, "API key required");
  });

  it("resend and cancel: owner/admin; a cancelled invitation cannot be resent or accepted", async () => {
    const { client, org, owner, admin, member, tenant } = world;
    const sam = await actor(tenant, "sam@example.com");
    const res = await client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: owner.token,
      body: { email: "sam@example.com", role: "member" },
    });
    const invitation = await check<Invitation>("organizations.invite", res);
    const base = `/v1/organizations/${org.id}/invitations/${invitation.id}`;

    await expectError(
      "organizations.resend-invitation",
      await client.call("POST", `${base}/resend`, { token: member.token }),
      403,
      "Insufficient permissions",
    );
    await expectError(
      "organizations.cancel-invitation",
      await client.call("DELETE", base, { token: member.token }),
      403,
      "Insufficient permissions",
    );
    await expectError(
      "organizations.resend-invitation",
      await client.call("POST", `/v1/organizations/${org.id}/invitations/${newId()}/resend`, { token: admin.token }),
      404,
      "Invitation not found",
    );
    await expectError(
      "organizations.cancel-invitation",
      await client.call("DELETE", `/v1/organizations/${org.id}/invitations/${newId()}`, { token: admin.token }),
      404,
      "Invitation not found",
    );

    const resent = await client.call("POST", `${base}/resend`, { token: admin.token });
    expect(await check<Message>("organizations.resend-invitation", resent)).toEqual({
      message: "Invitation resent successfully",
    });
    expect(await mails(tenant, "sam@example.com")).toHaveLength(2);

    const cancelled = await client.call("DELETE", base, { token: admin.token });
    expect(await check<Message>("organizations.cancel-invitation", cancelled)).toEqual({
      message: "Invitation cancelled successfully",
    });
    await expectError(
      "organizations.resend-invitation",
      await client.call("POST", `${base}/resend`, { token: admin.token }),
      400,
      "Invitation is no longer pending",
    );
    const token = (await mails(tenant, "sam@example.com"))[0]!.token!;
    await expectError(
      "organizations.accept-invitation",
      await client.call("POST", "/v1/organizations/accept-invitation", { token: sam.token, body: { token } }),
      400,
      "Invalid or expired invitation token",
    );
    const details = await check<InvitationDetails>(
      "organizations.get-invitation",
      await client.call("GET", `/v1/organizations/invitations/${token}`),
    );
    expect(details.status).toBe("cancelled");
  });

  it("get-invitation: 404 for an unknown token", async () => {
    await expectError(
      "organizations.get-invitation",
      await world.client.call("GET", "/v1/organizations/invitations/nope"),
      404,
      "Invitation not found",
    );
  });
});

describe("organization subscription", () => {
  it("get (null) → subscribe free → 409 → update → cancel at period end → cancel now", async () => {
    const w = await setUp("billing");
    const { client, org, owner, admin, member, tenant } = w;
    const [free, pro] = await plans(tenant);
    const path = `/v1/organizations/${org.id}/subscription`;

    expect(
      await check("organizations.get-subscription", await client.call("GET", path, { token: member.token })),
    ).toBeNull();

    await expectError(
      "organizations.subscribe",
      await client.call("POST", `${path}/${free!.id}`, { token: member.token }),
      403,
      "Insufficient permissions",
    );
    await expectError(
      "organizations.subscribe",
      await client.call("POST", `${path}/${newId()}`, { token: owner.token }),
      404,
      "Plan not found",
    );

    const res = await client.call("POST", `${path}/${free!.id}`, { token: owner.token });
    expect(res.status).toBe(201);
    const sub = await check<Subscription>("organizations.subscribe", res);
    expect(sub).toMatchObject({
      plan_id: free!.id,
      organization_id: org.id,
      tenant_id: tenant.id,
      status: "active",
      billing_cycle: "monthly",
      cancel_at_period_end: false,
    });

    await expectError(
      "organizations.subscribe",
      await client.call("POST", `${path}/${pro!.id}`, { token: admin.token }),
      409,
      "Organization already has an active subscription",
    );

    const current = await check<Subscription & { plan: { id: string; name: string } }>(
      "organizations.get-subscription",
      await client.call("GET", path, { token: member.token }),
    );
    expect(current).toMatchObject({ id: sub.id, plan: { id: free!.id, name: "Free" } });

    await expectError(
      "organizations.update-subscription",
      await client.call("PUT", path, { token: member.token, body: { billing_cycle: "yearly" } }),
      403,
      "Insufficient permissions",
    );
    await expectError(
      "organizations.update-subscription",
      await client.call("PUT", path, { token: admin.token, body: { plan_id: newId() } }),
      404,
      "Plan not found",
    );
    const updated = await check<Subscription>(
      "organizations.update-subscription",
      await client.call("PUT", path, {
        token: admin.token,
        body: { plan_id: pro!.id, billing_cycle: "yearly", subscription_metadata: { seats: 5 } },
      }),
    );
    expect(updated).toMatchObject({
      id: sub.id,
      plan_id: pro!.id,
      billing_cycle: "yearly",
      subscription_metadata: { seats: 5 },
    });

    const later = await client.call("DELETE", path, { token: admin.token });
    const scheduled = await check<{ message: string; subscription: Subscription }>(
      "organizations.cancel-subscription",
      later,
    );
    expect(scheduled).toMatchObject({
      message: "Subscription will be cancelled at the end of the current period",
      subscription: { status: "active", cancel_at_period_end: true, canceled_at: null },
    });
    const stillThere = await check<Subscription | null>(
      "organizations.get-subscription",
      await client.call("GET", path, { token: member.token }),
    );
    expect(stillThere?.cancel_at_period_end).toBe(true);

    const now = await client.call("DELETE", path, { token: owner.token, query: { cancel_at_period_end: "false" } });
    const ended = await check<{ message: string; subscription: Subscription }>(
      "organizations.cancel-subscription",
      now,
    );
    expect(ended.message).toBe("Subscription cancelled");
    expect(ended.subscription).toMatchObject({ status: "cancelled", cancel_at_period_end: false });
    expect(ended.subscription.canceled_at).not.toBeNull();

    expect(
      await check("organizations.get-subscription", await client.call("GET", path, { token: member.token })),
    ).toBeNull();
    await expectError(
      "organizations.cancel-subscription",
      await client.call("DELETE", path, { token: owner.token }),
      404,
      "No active subscription found for this organization",
    );
    await expectError(
      "organizations.update-subscription",
      await client.call("PUT", path, { token: owner.token, body: { billing_cycle: "monthly" } }),
      404,
      "No active subscription found for this organization",
    );

    // A paid plan is subscribed at once too: this path collects no payment.
    const paid = await check<Subscription>(
      "organizations.subscribe",
      await client.call("POST", `${path}/${pro!.id}`, { token: owner.token }),
    );
    expect(paid).toMatchObject({ plan_id: pro!.id, status: "active" });
  });

  it("a subscription scheduled to cancel is over once its period has ended", async () => {
    const w = await setUp("lapsed");
    const { client, org, owner, tenant } = w;
    const [free] = await plans(tenant);
    const path = `/v1/organizations/${org.id}/subscription`;
    const sub = await check<Subscription>(
      "organizations.subscribe",
      await client.call("POST", `${path}/${free!.id}`, { token: owner.token }),
    );
    await client.call("DELETE", path, { token: owner.token });
    await (
      await getStore()
    ).run(`UPDATE subscriptions SET current_period_end = ? WHERE id = ?`, [
      isoTime(new Date(Date.now() - 1000)),
      sub.id,
    ]);
    expect(
      await check("organizations.get-subscription", await client.call("GET", path, { token: owner.token })),
    ).toBeNull();
  });
});

describe("organization usage", () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp("usage");
    const [, pro] = await plans(w.tenant);
    const res = await w.client.call("POST", `/v1/organizations/${w.org.id}/subscription/${pro!.id}`, {
      token: w.owner.token,
    });
    expect(res.status).toBe(201);
    const now = new Date();
    const start = isoTime(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)));
    const end = isoTime(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
    const lastMonth = isoTime(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
    const counter = async (
      userId: string,
      periodStart: string,
      periodEnd: string,
      messages: number,
      tokensIn: number,
      tokensOut: number,
      cost: number,
    ) =>
      (await getStore()).run(
        `INSERT INTO usage_counters (id, tenant_id, organization_id, user_id, plan_id, period_start, period_end,
           messages, tokens_in, tokens_out, cost_usd, metadata, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)`,
        [
          newId(),
          w.tenant.id,
          w.org.id,
          userId,
          pro!.id,
          periodStart,
          periodEnd,
          messages,
          tokensIn,
          tokensOut,
          cost,
          isoTime(now),
          isoTime(now),
        ],
      );
    await counter(w.admin.id, start, end, 400, 60000, 40000, 1.0);
    await counter(w.member.id, start, end, 500, 20000, 5000, 0.25);
    await counter(w.member.id, lastMonth, start, 999, 99999, 0, 9.99); // another period: not counted
  });

  it("get-usage sums the current period over the members", async () => {
    const res = await w.client.call("GET", `/v1/organizations/${w.org.id}/usage`, { token: w.member.token });
    const body = await check<{ usage_stats: Record<string, unknown> }>("organizations.get-usage", res);
    const [, pro] = await plans(w.tenant);
    expect(body.usage_stats).toMatchObject({
      organization_id: w.org.id,
      plan_id: pro!.id,
      messages_count: 900,
      tokens_count: 125000,
      cost_usd: 1.25,
      active_users: 2,
    });
    await expectError(
      "organizations.get-usage",
      await w.client.call("GET", `/v1/organizations/${w.org.id}/usage`, { token: w.outsider.token }),
      403,
      "Not a member of this organization",
    );
  });

  it("get-user-usage: one member's record; zeros for a member without usage; 404 for a non-member", async () => {
    const path = (id: string) => `/v1/organizations/${w.org.id}/usage/user/${id}`;
    const res = await w.client.call("GET", path(w.member.id), { token: w.admin.token });
    const body = await check<{ usage: Record<string, unknown> }>("organizations.get-user-usage", res);
    expect(body.usage).toMatchObject({
      user_id: w.member.id,
      organization_id: w.org.id,
      messages_count: 500,
      tokens_count: 25000,
    });

    const owner = await check<{ usage: { id: string; messages_count: number } }>(
      "organizations.get-user-usage",
      await w.client.call("GET", path(w.owner.id), { token: w.member.token }),
    );
    expect(owner.usage.messages_count).toBe(0);
    const again = await check<{ usage: { id: string } }>(
      "organizations.get-user-usage",
      await w.client.call("GET", path(w.owner.id), { token: w.member.token }),
    );
    expect(again.usage.id).toBe(owner.usage.id);

    await expectError(
      "organizations.get-user-usage",
      await w.client.call("GET", path(w.outsider.id), { token: w.admin.token }),
      404,
      "User is not a member of this organization",
    );
  });

  it("check-usage: would_exceed from the plan's limits against the counters", async () => {
    const path = `/v1/organizations/${w.org.id}/usage/check`;
    const within = await check<UsageCheckResult>(
      "organizations.check-usage",
      await w.client.call("POST", path, { token: w.member.token, query: { additional_messages: "100" } }),
    );
    expect(within.would_exceed).toBe(false);
    expect(within.limits).toMatchObject({
      max_messages_per_month: 1000,
      current_messages: 900,
      projected_messages: 1000,
      current_tokens: 125000,
      projected_tokens: 125000,
    });

    const over = await check<UsageCheckResult>(
      "organizations.check-usage",
      await w.client.call("POST", path, { token: w.member.token, query: { additional_messages: "101" } }),
    );
    expect(over.would_exceed).toBe(true);

    const maxTokens = within.limits.max_tokens_per_month!;
    expect(maxTokens).toBeGreaterThan(125000);
    const tooManyTokens = await check<UsageCheckResult>(
      "organizations.check-usage",
      await w.client.call("POST", path, {
        token: w.member.token,
        query: { additional_tokens: String(maxTokens - 125000 + 1) },
      }),
    );
    expect(tooManyTokens.would_exceed).toBe(true);

    const bad = await w.client.call("POST", path, { token: w.member.token, query: { additional_messages: "-1" } });
    expect(bad.status).toBe(422);
  });

  it("check-usage without a subscription uses the free plan's limits", async () => {
    const res = await world.client.call("POST", `/v1/organizations/${world.org.id}/usage/check`, {
      token: world.member.token,
    });
    const body = await check<UsageCheckResult>("organizations.check-usage", res);
    const [free] = await plans(world.tenant);
    expect(body).toMatchObject({
      would_exceed: false,
      limits: { plan_id: free!.id, max_messages_per_month: 100, current_messages: 0 },
    });
  });
});

describe("tenant isolation", () => {
  it("another tenant's user reaches nothing of this tenant's organizations", async () => {
    const { org, tenant } = world;
    const other = await newTenant();
    const client = sandboxClient(other);
    const mallory = await actor(other, "mallory@example.com");
    const token = mallory.token;
    const orgNotFound = async (id: string, method: string, path: string, body?: unknown) =>
      expectError(id, await client.call(method, path, { token, body }), 404, "Organization not found", true);

    await orgNotFound("organizations.get", "GET", `/v1/organizations/${org.id}`);
    await orgNotFound("organizations.update", "PUT", `/v1/organizations/${org.id}`, { name: "pwned" });
    await orgNotFound("organizations.list-departments", "GET", `/v1/organizations/${org.id}/departments`);
    await orgNotFound("organizations.list-members", "GET", `/v1/organizations/${org.id}/members`);
    await orgNotFound(
      "organizations.update-member-role",
      "PUT",
      `/v1/organizations/${org.id}/members/${world.member.id}`,
      { role: "admin" },
    );
    await orgNotFound(
      "organizations.remove-member",
      "DELETE",
      `/v1/organizations/${org.id}/members/${world.member.id}`,
    );
    await orgNotFound(
      "organizations.deactivate-member",
      "POST",
      `/v1/organizations/${org.id}/members/${world.member.id}/deactivate`,
    );
    await orgNotFound("organizations.invite", "POST", `/v1/organizations/${org.id}/invite`, {
      email: "m@example.com",
      role: "admin",
    });
    await orgNotFound(
      "organizations.resend-invitation",
      "POST",
      `/v1/organizations/${org.id}/invitations/${newId()}/resend`,
    );
    await orgNotFound(
      "organizations.cancel-invitation",
      "DELETE",
      `/v1/organizations/${org.id}/invitations/${newId()}`,
    );
    await orgNotFound("organizations.set-default", "POST", `/v1/organizations/${org.id}/set-default`);
    await orgNotFound("organizations.get-subscription", "GET", `/v1/organizations/${org.id}/subscription`);
    await orgNotFound(
      "organizations.subscribe",
      "POST",
      `/v1/organizations/${org.id}/subscription/${(await plans(tenant))[0]!.id}`,
    );
    await orgNotFound("organizations.update-subscription", "PUT", `/v1/organizations/${org.id}/subscription`, {
      billing_cycle: "yearly",
    });
    await orgNotFound("organizations.cancel-subscription", "DELETE", `/v1/organizations/${org.id}/subscription`);
    await orgNotFound("organizations.get-usage", "GET", `/v1/organizations/${org.id}/usage`);
    await orgNotFound(
      "organizations.get-user-usage",
      "GET",
      `/v1/organizations/${org.id}/usage/user/${world.member.id}`,
    );
    await orgNotFound("organizations.check-usage", "POST", `/v1/organizations/${org.id}/usage/check`);

    // Tokens and emails of this tenant's invitations mean nothing in the other tenant.
    const res = await world.client.call("POST", `/v1/organizations/${org.id}/invite`, {
      token: world.owner.token,
      body: { email: "mallory@example.com", role: "member" },
    });
    expect(res.status).toBe(201);
    const invitationToken = (await mails(tenant, "mallory@example.com"))[0]!.token!;
    await expectError(
      "organizations.get-invitation",
      await client.call("GET", `/v1/organizations/invitations/${invitationToken}`),
      404,
      "Invitation not found",
    );
    expect(
      await check(
        "organizations.pending-invitations",
        await client.call("GET", "/v1/organizations/invitations/pending", { query: { email: "mallory@example.com" } }),
      ),
    ).toEqual([]);
    await expectError(
      "organizations.accept-invitation",
      await client.call("POST", "/v1/organizations/accept-invitation", { token, body: { token: invitationToken } }),
      400,
      "Invalid or expired invitation token",
    );
    await expectError(
      "organizations.reject-invitation",
      await client.call("POST", "/v1/organizations/reject-invitation", { body: { token: invitationToken } }),
      400,
      "Invalid or expired invitation token",
    );
    expect(
      await check(
        "organizations.my-organizations",
        await client.call("GET", "/v1/organizations/my-organizations", { token }),
      ),
    ).toEqual({ organizations: [] });

    // A token of this tenant is no credential in the other one.
    const foreign = await client.call("GET", "/v1/organizations/my-organizations", { token: world.owner.token });
    await expectError("organizations.my-organizations", foreign, 401, "Could not validate credentials");
  });
});

describe("contract coverage", () => {
  it("every organizations endpoint answered a success that matches the catalog", () => {
    const all = endpoints.filter((e) => e.category === "organizations").map((e) => e.id);
    expect(all).toHaveLength(24);
    expect(all.filter((id) => !covered.has(id))).toEqual([]);
  });
});
