import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, jsonObject, uuid } from "../primitives";
import { entityPage } from "./entity-schema";

/** One stored item of an entity schema (EntityRecordResponse). */
export const EntityRecord = z
  .object({
    id: uuid(),
    schema_id: uuid().describe("The entity schema the data is validated against"),
    organization_id: uuid(),
    data: jsonObject().describe("Field name → value, as declared by the schema's fields_definition"),
    created_by_id: uuid().describe("The end-user who created the record"),
    updated_by_id: uuid().nullable().describe("The end-user who last updated the record; null until the first update"),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "EntityRecord" });
export type EntityRecord = z.infer<typeof EntityRecord>;

export const entityRecordExample: EntityRecord = {
  id: EXAMPLE_IDS.record,
  schema_id: EXAMPLE_IDS.schema,
  organization_id: EXAMPLE_IDS.organization,
  data: { name: "Wireless Headphones", price: 149.99, category: "electronics", status: "active", in_stock: true },
  created_by_id: EXAMPLE_IDS.user,
  updated_by_id: null,
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};

export const CreateEntityRecordRequest = z.object({
  schema_id: uuid().describe("The entity schema of the record"),
  data: jsonObject().describe("Field name → value; validated against the schema's fields_definition"),
});

export const UpdateEntityRecordRequest = z.object({
  data: jsonObject().describe("Field name → value; validated against the schema's fields_definition"),
});

export const FILTER_OPERATORS = ["eq", "ne", "gt", "gte", "lt", "lte", "like", "ilike", "in", "not_in"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * Limits of one search, so that it stays a bounded query (SQLite refuses LIKE patterns over 50,000 bytes and more
 * than 32,766 bound values; far smaller figures are plenty for a search form). Filters do not nest: a field's filter is
 * a value or one { operator, value }.
 */
export const RECORD_SEARCH_LIMITS = {
  /** Fields filtered in one search. */
  filters: 20,
  /** Values in one in / not_in list. */
  listValues: 1000,
  /** Characters of one like / ilike pattern. */
  patternLength: 1000,
} as const;
const LIMITS = RECORD_SEARCH_LIMITS;

/** `{ operator, value }`: in/not_in take a list, every other operator a single value. */
export const FilterCondition = z
  .object({
    operator: z
      .enum(FILTER_OPERATORS)
      .describe("eq, ne, gt, gte, lt, lte, like, ilike (case-insensitive like), in, not_in"),
    value: z
      .union([Scalar, z.array(Scalar).max(LIMITS.listValues)])
      .describe(
        `A list for in/not_in (at most ${LIMITS.listValues} values); a single value otherwise (like/ilike patterns use %, at most ${LIMITS.patternLength} characters)`,
      ),
  })
  .refine((c) => (c.operator === "in" || c.operator === "not_in") === Array.isArray(c.value), {
    message: "in and not_in take a list of values; the other operators take a single value",
    path: ["value"],
  })
  .refine(
    (c) =>
      !(c.operator === "like" || c.operator === "ilike") ||
      typeof c.value !== "string" ||
      c.value.length <= LIMITS.patternLength,
    {
      message: `A like/ilike pattern has at most ${LIMITS.patternLength} characters`,
      path: ["value"],
    },
  )
  .meta({ title: "FilterCondition" });

export const RecordSearchRequest = z.object({
  schema_id: uuid().optional().describe("Only records of this schema"),
  query: z
    .record(z.string().min(1).describe("Field name in data"), z.union([Scalar, FilterCondition]))
    .refine((q) => Object.keys(q).length <= LIMITS.filters, {
      message: `At most ${LIMITS.filters} fields can be filtered in one search`,
    })
    .optional()
    .describe(
      `Filters on data fields (at most ${LIMITS.filters}): field → value for equality, or field → { operator, value }; filters do not nest`,
    ),
});

export const EntityRecordPage = entityPage(EntityRecord, "EntityRecordPage");
