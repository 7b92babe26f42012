import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, slug, uuid } from "../primitives";

/** The field types an entity schema can declare. */
export const FIELD_TYPES = [
  "string",
  "integer",
  "float",
  "boolean",
  "datetime",
  "text",
  "enum",
  "email",
  "url",
  "phone",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const common = {
  required: z.boolean().default(false).describe("Records must contain this field"),
  description: z.string().optional().describe("What the field holds"),
};

const lengthRule = (v: { min_length?: number; max_length?: number }) =>
  v.min_length === undefined || v.max_length === undefined || v.min_length <= v.max_length;
const rangeRule = (v: { minimum?: number; maximum?: number }) =>
  v.minimum === undefined || v.maximum === undefined || v.minimum <= v.maximum;

const StringField = z
  .object({
    type: z.enum(["string", "text"]).describe("string: short text; text: long text"),
    ...common,
    min_length: z.number().int().min(0).optional().describe("Minimum number of characters"),
    max_length: z.number().int().min(1).optional().describe("Maximum number of characters"),
    default: z.string().optional().describe("Value used when the field is omitted"),
  })
  .refine(lengthRule, { message: "min_length must not exceed max_length", path: ["min_length"] });

const IntegerField = z
  .object({
    type: z.literal("integer"),
    ...common,
    minimum: z.number().int().optional().describe("Smallest allowed value"),
    maximum: z.number().int().optional().describe("Largest allowed value"),
    default: z.number().int().optional().describe("Value used when the field is omitted"),
  })
  .refine(rangeRule, { message: "minimum must not exceed maximum", path: ["minimum"] });

const FloatField = z
  .object({
    type: z.literal("float"),
    ...common,
    minimum: z.number().optional().describe("Smallest allowed value"),
    maximum: z.number().optional().describe("Largest allowed value"),
    default: z.number().optional().describe("Value used when the field is omitted"),
  })
  .refine(rangeRule, { message: "minimum must not exceed maximum", path: ["minimum"] });

const BooleanField = z.object({
  type: z.literal("boolean"),
  ...common,
  default: z.boolean().optional().describe("Value used when the field is omitted"),
});

const DatetimeField = z.object({
  type: z.literal("datetime"),
  ...common,
  default: datetime().optional().describe("Value used when the field is omitted (ISO 8601)"),
});

const EnumField = z
  .object({
    type: z.literal("enum"),
    ...common,
    values: z.array(z.string().min(1)).min(1).describe("The allowed values (at least one)"),
    default: z.string().optional().describe("Value used when the field is omitted; must be one of values"),
  })
  .refine((v) => v.default === undefined || v.values.includes(v.default), {
    message: "default must be one of values",
    path: ["default"],
  });

const FormattedStringField = z.object({
  type: z.enum(["email", "url", "phone"]).describe("A string checked against the format"),
  ...common,
  default: z.string().optional().describe("Value used when the field is omitted"),
});

/** One field of an entity schema: its type, whether it is required, and the constraints of that type. */
export const FieldDefinition = z
  .discriminatedUnion("type", [
    StringField,
    IntegerField,
    FloatField,
    BooleanField,
    DatetimeField,
    EnumField,
    FormattedStringField,
  ])
  .meta({ title: "FieldDefinition" });
export type FieldDefinition = z.infer<typeof FieldDefinition>;

/** Field name → definition. Records' `data` is validated against it. */
export const FieldsDefinition = z
  .record(z.string().min(1).describe("Field name, the key used in records' data"), FieldDefinition)
  .refine((fields) => Object.keys(fields).length > 0, { message: "Define at least one field" })
  .describe("Field name → field definition");

/** A custom data type of an organization (EntitySchemaResponse). */
export const EntitySchema = z
  .object({
    id: uuid(),
    tenant_id: uuid(),
    organization_id: uuid(),
    name: z.string().min(1).max(255).describe("Unique per organization"),
    slug: slug().describe("Unique per organization; lowercase letters, digits and hyphens"),
    description: z.string().nullable(),
    fields_definition: FieldsDefinition,
    version: z.number().int().min(1).describe("Starts at 1; incremented each time fields_definition changes"),
    is_active: z.boolean(),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "EntitySchema" });
export type EntitySchema = z.infer<typeof EntitySchema>;

export const entitySchemaExample: EntitySchema = {
  id: EXAMPLE_IDS.schema,
  tenant_id: EXAMPLE_IDS.tenant,
  organization_id: EXAMPLE_IDS.organization,
  name: "Products",
  slug: "products",
  description: "Product catalog",
  fields_definition: {
    name: { type: "string", required: true, max_length: 200, description: "Product name" },
    price: { type: "float", required: true, minimum: 0 },
    category: { type: "enum", required: true, values: ["electronics", "books", "clothing"] },
    status: { type: "enum", required: false, values: ["active", "pending", "archived"], default: "active" },
    in_stock: { type: "boolean", required: false, default: true },
  },
  version: 1,
  is_active: true,
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};

export const CreateEntitySchemaRequest = z.object({
  name: z.string().min(1).max(255).describe("Display name, unique per organization"),
  slug: slug().describe("Unique per organization; lowercase letters, digits and hyphens only"),
  description: z.string().optional().describe("What the schema is for"),
  fields_definition: FieldsDefinition.describe("Field name → definition with type, required flag and constraints"),
});

export const UpdateEntitySchemaRequest = z.object({
  name: z.string().min(1).max(255).optional().describe("New name, unique per organization"),
  slug: slug().optional().describe("New slug, unique per organization"),
  description: z.string().optional().describe("New description"),
  fields_definition: FieldsDefinition.optional().describe(
    "Replaces the field definitions; the version is incremented when it changes",
  ),
  is_active: z.boolean().optional().describe("Activate or deactivate the schema"),
});

/** `{ items, total, page, size, pages }`: the paging envelope of the entity endpoints. */
export const entityPage = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int().min(0).describe("Items matching, over all pages"),
      page: z.number().int().min(1),
      size: z.number().int().min(1),
      pages: z.number().int().min(0).describe("Number of pages"),
    })
    .meta({ title: name });

export const EntitySchemaPage = entityPage(EntitySchema, "EntitySchemaPage");
