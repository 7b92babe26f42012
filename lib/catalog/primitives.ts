import { z } from "zod";

/** Building blocks shared by every schema file, so a constraint is written once. */

export const uuid = () => z.uuid();
export const datetime = () => z.iso.datetime({ offset: true });

export const email = () => z.email().max(320);

/** Why an http(s) URL field refused a URL of another scheme (pydantic's words for its HttpUrl). */
export const HTTP_URL_MESSAGE = "URL scheme should be 'http' or 'https'";
/**
 * Every URL taken from input (redirect targets, links in mail, images): absolute http(s) only, so that none can become a
 * `javascript:` or `data:` link or redirect. The pattern repeats the scheme rule for OpenAPI readers (format uri allows any).
 */
export const httpUrl = () =>
  z
    .url()
    .max(2048)
    .refine((v) => /^https?:\/\//i.test(v), { message: HTTP_URL_MESSAGE, params: { type: "url_scheme" } })
    .meta({ pattern: "^[Hh][Tt][Tt][Pp][Ss]?://" });

/** The API's password rule: at least 8 characters with an upper-case letter, a lower-case letter and a digit. */
export const PASSWORD_PATTERN = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,}$/;
export const password = () =>
  z
    .string()
    .min(8)
    .max(128)
    .regex(
      PASSWORD_PATTERN,
      "Password must have at least 8 characters, an upper-case letter, a lower-case letter and a digit",
    );

/** Lowercase letters, digits and single hyphens: `my-company`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slug = () => z.string().min(1).max(100).regex(SLUG_PATTERN, "Use lowercase letters, digits and hyphens");

export const ORG_ROLES = ["owner", "admin", "member", "developer"] as const;
export const orgRole = () => z.enum(ORG_ROLES);
/** Roles that can be granted by invitation or role change (ownership is not transferable this way). */
export const ASSIGNABLE_ROLES = ["admin", "member", "developer"] as const;
export const assignableRole = () => z.enum(ASSIGNABLE_ROLES);

export const BILLING_CYCLES = ["monthly", "yearly"] as const;
export const billingCycle = () => z.enum(BILLING_CYCLES);

/** Free-form JSON object (metadata, settings). */
export const jsonObject = () => z.record(z.string(), z.unknown());

/** `?skip=&limit=` paging with the endpoint's own default and maximum. */
export const skipLimit = (defaultLimit: number, maxLimit: number) => ({
  skip: z.coerce.number().int().min(0).default(0).describe("Number of items to skip"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxLimit)
    .default(defaultLimit)
    .describe(`Items per page (default ${defaultLimit}, max ${maxLimit})`),
});

/** `?page=&size=` paging (entities). */
export const pageSize = (defaultSize: number, maxSize: number) => ({
  page: z.coerce.number().int().min(1).default(1).describe("Page number, starting at 1"),
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxSize)
    .default(defaultSize)
    .describe(`Items per page (default ${defaultSize}, max ${maxSize})`),
});

/** Query-string boolean: accepts true/false/1/0 as the API does. */
export const queryBoolean = (defaultValue: boolean) =>
  z
    .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
    .transform((v) => v === true || v === "true" || v === "1")
    .default(defaultValue);

/** `{ message }` answers. */
export const MessageResponse = z.object({ message: z.string() });

/** Fixed ids used across examples, so examples that reference each other agree. */
export const EXAMPLE_IDS = {
  tenant: "880e8400-e29b-41d4-a716-446655440003",
  user: "550e8400-e29b-41d4-a716-446655440000",
  otherUser: "550e8400-e29b-41d4-a716-446655440009",
  organization: "770e8400-e29b-41d4-a716-446655440002",
  plan: "660e8400-e29b-41d4-a716-446655440001",
  freePlan: "660e8400-e29b-41d4-a716-446655440000",
  subscription: "990e8400-e29b-41d4-a716-446655440004",
  invitation: "aa0e8400-e29b-41d4-a716-446655440005",
  department: "bb0e8400-e29b-41d4-a716-446655440006",
  agent: "cc0e8400-e29b-41d4-a716-446655440007",
  conversation: "dd0e8400-e29b-41d4-a716-446655440008",
  execution: "ee0e8400-e29b-41d4-a716-446655440010",
  schema: "ff0e8400-e29b-41d4-a716-446655440011",
  record: "1a0e8400-e29b-41d4-a716-446655440012",
  file: "2b0e8400-e29b-41d4-a716-446655440013",
  folder: "3c0e8400-e29b-41d4-a716-446655440014",
  externalAgent: "4d0e8400-e29b-41d4-a716-446655440015",
  call: "5e0e8400-e29b-41d4-a716-446655440016",
} as const;
export const EXAMPLE_TIME = "2024-01-15T10:30:00Z";
