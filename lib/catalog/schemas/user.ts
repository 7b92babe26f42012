import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, jsonObject, uuid } from "../primitives";

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
  .describe("AuthUser");
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
export const UserSettings = jsonObject().describe("UserSettings");

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
    settings: UserSettings.nullable().describe("Present when requested (include_settings=true) or after a settings update"),
  })
  .describe("User");
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
