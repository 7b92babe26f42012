import { z } from "zod";
import { defineEndpoint } from "../define";
import { queryBoolean, uuid } from "../primitives";
import {
  CreateUserRequest,
  UpdateUserRequest,
  User,
  userExample,
  UserPage,
  UserSettings,
  UserStats,
  UserWithSettings,
  userWithSettingsExample,
} from "../schemas/user";

const category = "users";
const secretOnly = { keys: ["secret"], jwt: "none" } as const;
const selfService = (action: string) =>
  ({
    keys: ["public", "secret"],
    jwt: "required",
    condition: `With sk_live_* the caller may ${action} any user of the tenant; with pk_live_* only the user the JWT belongs to.`,
  }) as const;

const userIdParam = z.object({ user_id: uuid().describe("ID of the user") });
const userNotFound = {
  status: 404,
  detail: "User not found",
  when: "No user with this ID exists in the tenant.",
} as const;
const notYourself = (what: string) =>
  ({
    status: 403,
    detail: "Not enough permissions",
    when: `A pk_live_* caller tried to ${what} another user.`,
    source: "implied",
  }) as const;

const userResponse = (description: string, value: User = userExample) => ({
  status: 200,
  description,
  schema: User,
  examples: [{ name: "ok", value }],
});

export const usersEndpoints = [
  defineEndpoint({
    category,
    slug: "create-user",
    method: "POST",
    path: "/v1/users",
    summary: "Create a new user (admin, JWT required)",
    description:
      "Creates a user record in the tenant from your backend, identified by sub (for example the id from your own identity provider). No password is set: this is an administrative import, not a sign-up.",
    auth: { keys: ["secret"], jwt: "required" },
    body: {
      contentType: "application/json",
      schema: CreateUserRequest,
      examples: [
        {
          name: "create",
          value: {
            sub: "auth0|5f7c8ec7c33c6c004bbafe82",
            email: "user@example.com",
            display_name: "John Doe",
            locale: "en",
            is_email_verified: true,
            status: "active",
          },
        },
      ],
    },
    responses: [
      {
        status: 201,
        description: "The created user",
        schema: User,
        examples: [{ name: "created", value: userExample }],
      },
    ],
    errors: [
      {
        status: 409,
        detail: "User already exists",
        when: "A user with this sub or email already exists in the tenant.",
        source: "implied",
      },
    ],
    notes: [
      "Server-side only: the secret key must never reach a browser. For end-users signing themselves up, use POST /v1/auth/register.",
      "Optional fields take their defaults: locale en, is_email_verified false, status pending, is_active true.",
    ],
    keywords: ["add user", "provision user", "import users", "server-side", "new account", "backend"],
    conflicts: [
      {
        topic: "JWT requirement",
        text: "The seed marks this endpoint sk_live_* ONLY (the category reserves the secret key for admin operations, and the other secret-key-only user endpoints need no JWT), yet it also requires a user JWT (summary 'admin, JWT required'; quick reference 'sk_live_* + JWT') without saying whose token. The portal documents both requirements.",
      },
    ],
  }),
  defineEndpoint({
    category,
    slug: "list-users",
    method: "GET",
    path: "/v1/users",
    summary: "List all users (SECRET KEY ONLY)",
    description:
      "Lists the users of the secret key's tenant, page by page. Deactivated users are left out unless include_inactive is true.",
    auth: secretOnly,
    query: z.object({
      page: z.coerce.number().int().min(1).default(1).describe("Page number, starting at 1"),
      per_page: z.coerce.number().int().min(1).max(100).default(20).describe("Users per page (default 20, max 100)"),
      include_inactive: queryBoolean(false).describe("Also return deactivated users"),
    }),
    responses: [
      {
        status: 200,
        description: "One page of users",
        schema: UserPage,
        examples: [
          {
            name: "ok",
            value: { users: [userExample], total: 1, page: 1, per_page: 20, has_next: false, has_prev: false },
          },
        ],
      },
    ],
    notes: ["Returns only users belonging to the secret key's tenant."],
    keywords: ["user list", "user directory", "pagination", "admin", "deactivated users", "inactive"],
  }),
  defineEndpoint({
    category,
    slug: "user-stats",
    method: "GET",
    path: "/v1/users/stats",
    summary: "Get user statistics (SECRET KEY ONLY)",
    description: "Counts the tenant's users: total, active and inactive (deactivated).",
    auth: secretOnly,
    responses: [
      {
        status: 200,
        description: "User counts",
        schema: UserStats,
        examples: [{ name: "ok", value: { total_users: 150, active_users: 142, inactive_users: 8 } }],
      },
    ],
    keywords: [
      "number of users",
      "total users",
      "user count",
      "how many users",
      "active users",
      "metrics",
      "dashboard",
      "analytics",
    ],
  }),
  defineEndpoint({
    category,
    slug: "get-user",
    method: "GET",
    path: "/v1/users/{user_id}",
    summary: "Get user by ID (sk_live_* or self with pk_live_*)",
    description:
      "Returns one user. With the secret key any user of the tenant can be read; with a public key and the user's JWT only the signed-in user. Settings are included on request.",
    auth: {
      keys: ["public", "secret"],
      jwt: "optional",
      condition: "With pk_live_* the caller may only read the user its JWT belongs to; any other user_id answers 404.",
    },
    pathParams: userIdParam,
    query: z.object({
      include_settings: queryBoolean(false).describe("Include the user's settings object in the answer"),
    }),
    responses: [
      {
        status: 200,
        description: "The user; settings is null unless include_settings=true",
        schema: User,
        examples: [
          { name: "ok", value: userExample },
          { name: "with_settings", summary: "include_settings=true", value: userWithSettingsExample },
        ],
      },
    ],
    errors: [
      {
        status: 404,
        detail: "User not found",
        when: "No user with this ID exists in the tenant, or a pk_live_* caller asked for another user than itself.",
      },
    ],
    notes: [
      "With sk_live_*: can view any user in the tenant. With pk_live_* + JWT: can only view the own profile; other users answer 404 (not 403), so their existence is not revealed.",
    ],
    keywords: ["user profile", "fetch user", "user details", "settings", "own account", "my profile"],
    conflicts: [
      {
        topic: "JWT requirement",
        text: "This endpoint's auth rule marks the JWT optional, yet the users category says self-service uses 'pk_live_* + JWT' and this endpoint's own note describes pk_live_* callers as 'pk_live_* + JWT'; without a JWT a pk_live_* caller cannot be identified as 'self'. The portal documents the JWT as optional.",
      },
    ],
  }),
  defineEndpoint({
    category,
    slug: "update-user",
    method: "PUT",
    path: "/v1/users/{user_id}",
    summary: "Update user profile",
    description: "Changes a user's display name, avatar URL or locale; fields left out keep their value.",
    auth: selfService("update"),
    pathParams: userIdParam,
    body: {
      contentType: "application/json",
      schema: UpdateUserRequest,
      examples: [
        {
          name: "update",
          value: { display_name: "Jane Doe", avatar_url: "https://cdn.example.com/avatars/jane.png", locale: "fr" },
        },
      ],
    },
    responses: [
      userResponse("The updated user", {
        ...userExample,
        display_name: "Jane Doe",
        avatar_url: "https://cdn.example.com/avatars/jane.png",
        locale: "fr",
      }),
    ],
    errors: [userNotFound, notYourself("update")],
    notes: ["With sk_live_*: can update any user. With pk_live_* + JWT: can only update the own profile."],
    keywords: ["edit profile", "change name", "display name", "avatar", "language", "locale"],
  }),
  defineEndpoint({
    category,
    slug: "update-user-settings",
    method: "PUT",
    path: "/v1/users/{user_id}/settings",
    summary: "Update user settings",
    description:
      "Stores the user's settings object and returns the user with the settings. The settings object is extensible: no keys are defined yet.",
    auth: selfService("update the settings of"),
    pathParams: userIdParam,
    body: {
      contentType: "application/json",
      schema: UserSettings,
      examples: [{ name: "empty", summary: "No settings are defined yet", value: {} }],
    },
    responses: [
      {
        status: 200,
        description: "The user with its settings (UserWithSettingsResponse)",
        schema: UserWithSettings,
        examples: [{ name: "ok", value: userWithSettingsExample }],
      },
    ],
    errors: [userNotFound, notYourself("change the settings of")],
    notes: [
      "The body (UserSettingsUpdate) is an extensible object, currently an empty placeholder for future settings.",
      "With sk_live_*: can update any user's settings. With pk_live_* + JWT: can only update the own settings.",
    ],
    keywords: ["preferences", "user preferences", "account settings", "configuration"],
  }),
  defineEndpoint({
    category,
    slug: "deactivate-user",
    method: "POST",
    path: "/v1/users/{user_id}/deactivate",
    summary: "Deactivate a user (soft delete)",
    description:
      "Sets is_active to false; the user is kept and can be reactivated with the secret key. A signed-in user can deactivate their own account.",
    auth: selfService("deactivate"),
    pathParams: userIdParam,
    responses: [userResponse("The deactivated user", { ...userExample, is_active: false })],
    errors: [userNotFound, notYourself("deactivate")],
    notes: [
      "Sets is_active=false. With sk_live_*: can deactivate any user. With pk_live_* + JWT: can deactivate the own account.",
      "After self-deactivation, discard the stored tokens and sign the user out: a deactivated user cannot log in.",
    ],
    keywords: ["close account", "disable user", "suspend", "delete my account", "leave the app", "is_active"],
  }),
  defineEndpoint({
    category,
    slug: "activate-user",
    method: "POST",
    path: "/v1/users/{user_id}/activate",
    summary: "Activate a user (SECRET KEY ONLY)",
    description: "Sets is_active back to true for a deactivated (or soft-deleted) user.",
    auth: secretOnly,
    pathParams: userIdParam,
    responses: [userResponse("The activated user")],
    errors: [userNotFound],
    notes: ["Sets is_active=true. Admin operation only."],
    keywords: ["reactivate", "enable user", "restore account", "undelete", "unsuspend", "admin"],
  }),
  defineEndpoint({
    category,
    slug: "delete-user",
    method: "DELETE",
    path: "/v1/users/{user_id}",
    summary: "Delete a user (SECRET KEY ONLY, soft delete)",
    description: "Soft-deletes a user: the record is deactivated, not erased. Answers 204 No Content.",
    auth: secretOnly,
    pathParams: userIdParam,
    responses: [{ status: 204, description: "Deleted (deactivated); no body", examples: [] }],
    errors: [userNotFound],
    notes: [
      "Performs a soft delete (deactivation). Returns 404 if the user is not found.",
      "The answer has no body: do not parse it as JSON.",
    ],
    keywords: ["remove user", "erase user", "user removal", "deactivate", "admin"],
  }),
];
