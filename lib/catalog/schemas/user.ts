import { z } from "zod";
import { datetime, email, EXAMPLE_IDS, EXAMPLE_TIME, httpUrl, jsonObject, uuid } from "../primitives";

/** The user as the auth endpoints return it (register, login, me). */
export const AuthUser = z
  .object({
    id: uuid(),
    email: z.email(),
    display_name: z.string().nullable(),
    avatar_url: z.string().nullable(),
    is_active: z.boolean(),
    created_at: datetime(),
  })
  .meta({ title: "AuthUser" });
export type AuthUser = z.infer<typeof AuthUser>;

export const authUserExample: AuthUser = {
  id: EXAMPLE_IDS.user,
  email: "user@example.com",
  display_name: "John Doe",
  avatar_url: null,
  is_active: true,
  created_at: EXAMPLE_TIME,
};

/** Per-user settings: an extensible object, currently without defined keys. */
export const UserSettings = jsonObject().meta({ title: "UserSettings" });

/** The full user record of the /v1/users endpoints. */
export const User = z
  .object({
    id: uuid(),
    email: z.email().nullable(),
    display_name: z.string().max(100).nullable(),
    avatar_url: z.string().nullable(),
    locale: z.string(),
    is_active: z.boolean(),
    tenant_id: uuid(),
    sub: z.string().describe("Unique user identifier (subject)"),
    is_email_verified: z.boolean(),
    status: z.string().describe("Account status, e.g. pending or active"),
    current_plan_id: uuid().nullable(),
    default_organization_id: uuid().nullable(),
    created_at: datetime(),
    updated_at: datetime(),
    settings: UserSettings.nullable().describe(
      "Present when requested (include_settings=true) or after a settings update",
    ),
  })
  .meta({ title: "User" });
export type User = z.infer<typeof User>;

export const userExample: User = {
  id: EXAMPLE_IDS.user,
  email: "user@example.com",
  display_name: "John Doe",
  avatar_url: null,
  locale: "en",
  is_active: true,
  tenant_id: EXAMPLE_IDS.tenant,
  sub: "auth0|5f7c8ec7c33c6c004bbafe82",
  is_email_verified: true,
  status: "active",
  current_plan_id: EXAMPLE_IDS.freePlan,
  default_organization_id: EXAMPLE_IDS.organization,
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
  settings: null,
};

/** Body of POST /v1/users (secret key): creates a user record directly, without a password. */
export const CreateUserRequest = z.object({
  sub: z.string().min(1).describe("Unique user identifier (subject), e.g. the id from your identity provider"),
  email: email().optional().describe("The user's email address"),
  display_name: z.string().max(100).optional().describe("Name shown in the app"),
  avatar_url: httpUrl().optional().describe("URL of the avatar image"),
  locale: z.string().min(2).max(10).default("en").describe("Preferred locale"),
  tenant_id: uuid().optional().describe("Tenant of the user; the API key's tenant when omitted"),
  is_email_verified: z.boolean().default(false).describe("Mark the email as already verified"),
  status: z.string().default("pending").describe("Account status, e.g. pending or active"),
  is_active: z.boolean().default(true).describe("Create the user active (true) or deactivated (false)"),
});

/** Body of PUT /v1/users/{user_id}: only the fields sent are changed. */
export const UpdateUserRequest = z.object({
  display_name: z.string().max(100).optional().describe("Name shown in the app"),
  avatar_url: httpUrl().optional().describe("URL of the avatar image"),
  locale: z.string().min(2).max(10).optional().describe("Preferred locale, e.g. en or fr"),
});

/** The user with its settings object always present (UserWithSettingsResponse). */
export const UserWithSettings = User.extend({ settings: UserSettings }).meta({ title: "UserWithSettings" });
export type UserWithSettings = z.infer<typeof UserWithSettings>;
export const userWithSettingsExample: UserWithSettings = { ...userExample, settings: {} };

/** Paginated user list of GET /v1/users. */
export const UserPage = z
  .object({
    users: z.array(User),
    total: z.number().int().min(0).describe("Users matching the filter in the tenant"),
    page: z.number().int().min(1),
    per_page: z.number().int().min(1),
    has_next: z.boolean(),
    has_prev: z.boolean(),
  })
  .meta({ title: "UserPage" });
export type UserPage = z.infer<typeof UserPage>;

/** Counts of GET /v1/users/stats. */
export const UserStats = z
  .object({
    total_users: z.number().int().min(0),
    active_users: z.number().int().min(0),
    inactive_users: z.number().int().min(0),
  })
  .meta({ title: "UserStats" });
export type UserStats = z.infer<typeof UserStats>;
