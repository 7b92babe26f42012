import { SHARED_DETAIL } from "../errors";
import { z } from "zod";
import { defineEndpoint } from "../define";
import { pageSize, uuid } from "../primitives";
import {
  CreateEntityRecordRequest,
  EntityRecord,
  entityRecordExample,
  EntityRecordPage,
  RECORD_SEARCH_LIMITS,
  RecordSearchRequest,
  UpdateEntityRecordRequest,
} from "../schemas/entity-record";
import {
  CreateEntitySchemaRequest,
  EntitySchema,
  entitySchemaExample,
  EntitySchemaPage,
  UpdateEntitySchemaRequest,
} from "../schemas/entity-schema";

const category = "entities";
const secretOrg = { keys: ["secret"], jwt: "required", organizationHeader: true } as const;
const anyKeyOrg = { keys: ["public", "secret"], jwt: "required", organizationHeader: true } as const;

const schemaIdParam = z.object({ schema_id: uuid().describe("ID of the entity schema") });
const recordIdParam = z.object({ record_id: uuid().describe("ID of the entity record") });

const schemaNotFound = {
  status: 404,
  detail: "Entity schema not found",
  when: "No schema with this ID exists in the organization named by X-Organization-Id.",
  source: "implied",
} as const;
const recordNotFound = {
  status: 404,
  detail: "Entity record not found",
  when: "No record with this ID exists in the organization named by X-Organization-Id.",
  source: "implied",
} as const;
const dataInvalid = {
  status: 422,
  detail: "Record data does not match the schema's fields_definition",
  when: "A required field is missing, a value has the wrong type, or a value breaks a constraint (min_length/max_length, minimum/maximum, enum values, email/url/phone format).",
  source: "implied",
} as const;

const SCHEMA_KEY_CONFLICT = {
  topic: "Accepted keys",
  text: "This endpoint accepts only sk_live_*, yet the entities category describes its End-User API context as 'API Key + JWT + X-Organization-Id' and the quick reference lists it under 'Custom Entities (API Key + JWT + X-Organization-Id)' without any key restriction (the request-headers guide also pairs pk_live_* with X-Organization-Id 'for entities'). The portal documents sk_live_* only.",
};

const orgNote = "Scoped to the organization named by X-Organization-Id; the signed-in user must be a member of it.";

export const entitiesEndpoints = [
  // ── Schemas ──
  defineEndpoint({
    category,
    slug: "list-schemas",
    method: "GET",
    path: "/v1/entity/schemas",
    summary: "List all entity schemas in the organization",
    description: "Lists the organization's entity schemas (custom data types), page by page.",
    auth: secretOrg,
    query: z.object(pageSize(20, 100)),
    responses: [
      {
        status: 200,
        description: "One page of schemas",
        schema: EntitySchemaPage,
        examples: [{ name: "ok", value: { items: [entitySchemaExample], total: 1, page: 1, size: 20, pages: 1 } }],
      },
    ],
    notes: [orgNote],
    keywords: ["custom data types", "data model", "custom entities", "collections", "pagination", "organisation"],
    conflicts: [SCHEMA_KEY_CONFLICT],
  }),
  defineEndpoint({
    category,
    slug: "create-schema",
    method: "POST",
    path: "/v1/entity/schemas",
    summary: "Create a new entity schema",
    description:
      "Defines a custom data type for the organization: a name, a slug and the fields its records hold, each with a type, a required flag and constraints. The schema starts at version 1.",
    auth: secretOrg,
    body: {
      contentType: "application/json",
      schema: CreateEntitySchemaRequest,
      examples: [
        {
          name: "products",
          value: {
            name: "Products",
            slug: "products",
            description: "Product catalog",
            fields_definition: {
              name: { type: "string", required: true, max_length: 200, description: "Product name" },
              price: { type: "float", required: true, minimum: 0 },
              category: { type: "enum", required: true, values: ["electronics", "books", "clothing"] },
              status: { type: "enum", values: ["active", "pending", "archived"], default: "active" },
              in_stock: { type: "boolean", default: true },
            },
          },
        },
      ],
    },
    responses: [
      {
        status: 201,
        description: "The created schema",
        schema: EntitySchema,
        examples: [{ name: "created", value: entitySchemaExample }],
      },
    ],
    errors: [
      {
        status: 409,
        detail: SHARED_DETAIL.schemaNameTaken,
        when: "Another schema of the organization already has this name.",
      },
      {
        status: 409,
        detail: SHARED_DETAIL.schemaSlugTaken,
        when: "Another schema of the organization already has this slug.",
      },
    ],
    notes: [
      "Supported field types: string, integer, float, boolean, datetime, text, enum, email, url, phone.",
      "Constraints by type: min_length/max_length for string and text, minimum/maximum for integer and float, values (a non-empty list) for enum; every field may have required (default false), description and default.",
      "Name and slug are each unique per organization: returns 409 if either already exists.",
      orgNote,
    ],
    keywords: ["define fields", "custom fields", "data model", "field types", "custom entity", "table definition"],
    conflicts: [SCHEMA_KEY_CONFLICT],
  }),
  defineEndpoint({
    category,
    slug: "get-schema",
    method: "GET",
    path: "/v1/entity/schemas/{schema_id}",
    summary: "Get a specific schema by ID",
    description: "Returns one entity schema with its field definitions and current version.",
    auth: secretOrg,
    pathParams: schemaIdParam,
    responses: [
      {
        status: 200,
        description: "The schema",
        schema: EntitySchema,
        examples: [{ name: "ok", value: entitySchemaExample }],
      },
    ],
    errors: [schemaNotFound],
    notes: [orgNote],
    keywords: ["fields_definition", "field definitions", "schema details", "data model"],
    conflicts: [SCHEMA_KEY_CONFLICT],
  }),
  defineEndpoint({
    category,
    slug: "update-schema",
    method: "PUT",
    path: "/v1/entity/schemas/{schema_id}",
    summary: "Update an existing schema",
    description:
      "Changes a schema's name, slug, description, fields or active flag; fields left out keep their value. When fields_definition changes, version is incremented.",
    auth: secretOrg,
    pathParams: schemaIdParam,
    body: {
      contentType: "application/json",
      schema: UpdateEntitySchemaRequest,
      examples: [
        {
          name: "add_field",
          summary: "Add a field (version goes from 1 to 2)",
          value: {
            fields_definition: {
              ...entitySchemaExample.fields_definition,
              sku: { type: "string", required: false, min_length: 3, max_length: 32 },
            },
          },
        },
        { name: "deactivate", value: { is_active: false } },
      ],
    },
    responses: [
      {
        status: 200,
        description: "The updated schema",
        schema: EntitySchema,
        examples: [
          {
            name: "ok",
            value: {
              ...entitySchemaExample,
              fields_definition: {
                ...entitySchemaExample.fields_definition,
                sku: { type: "string", required: false, min_length: 3, max_length: 32 },
              },
              version: 2,
              updated_at: "2024-01-16T09:00:00Z",
            },
          },
        ],
      },
    ],
    errors: [
      schemaNotFound,
      {
        status: 409,
        detail: SHARED_DETAIL.schemaNameTaken,
        when: "Another schema of the organization already has the new name.",
        source: "implied",
      },
      {
        status: 409,
        detail: SHARED_DETAIL.schemaSlugTaken,
        when: "Another schema of the organization already has the new slug.",
        source: "implied",
      },
    ],
    notes: [
      "Send the complete fields_definition (every field, not only the changed ones): the seed describes it as one object. The version auto-increments when it changes.",
      orgNote,
    ],
    keywords: ["edit schema", "add field", "rename field", "schema version", "migration", "deactivate schema"],
    conflicts: [
      SCHEMA_KEY_CONFLICT,
      {
        topic: "Request body",
        text: "The endpoint's body lists slug as updatable, but the seed's SDK template (entitySchemas.update) only accepts name, description, fields_definition and is_active. The portal documents slug as updatable.",
      },
    ],
  }),
  defineEndpoint({
    category,
    slug: "delete-schema",
    method: "DELETE",
    path: "/v1/entity/schemas/{schema_id}",
    summary: "Delete a schema (may fail if records exist)",
    description:
      "Deletes an entity schema. It fails while records of the schema exist: delete them first, or deactivate the schema instead (is_active false).",
    auth: secretOrg,
    pathParams: schemaIdParam,
    responses: [{ status: 204, description: "Deleted; no body", examples: [] }],
    errors: [
      schemaNotFound,
      {
        status: 409,
        detail: SHARED_DETAIL.schemaHasRecords,
        when: "Records of this schema still exist.",
      },
    ],
    notes: ["May fail if records exist.", "The answer has no body: do not parse it as JSON.", orgNote],
    keywords: ["remove schema", "drop schema", "delete data type", "existing records"],
    conflicts: [SCHEMA_KEY_CONFLICT],
  }),
  // ── Records ──
  defineEndpoint({
    category,
    slug: "create-record",
    method: "POST",
    path: "/v1/entity/records",
    summary: "Create a new entity record",
    description:
      "Stores a record of a schema. Its data is validated against the schema's fields_definition; the signed-in end-user becomes created_by_id.",
    auth: anyKeyOrg,
    body: {
      contentType: "application/json",
      schema: CreateEntityRecordRequest,
      examples: [
        { name: "product", value: { schema_id: entityRecordExample.schema_id, data: entityRecordExample.data } },
      ],
    },
    responses: [
      {
        status: 201,
        description: "The created record",
        schema: EntityRecord,
        examples: [{ name: "created", value: entityRecordExample }],
      },
    ],
    errors: [
      { ...schemaNotFound, when: "schema_id names no schema of the organization named by X-Organization-Id." },
      dataInvalid,
    ],
    notes: ["Sets created_by_id to the authenticated end-user.", orgNote],
    keywords: ["insert", "add record", "save data", "custom data", "store item", "new row"],
  }),
  defineEndpoint({
    category,
    slug: "get-record",
    method: "GET",
    path: "/v1/entity/records/{record_id}",
    summary: "Get a specific record by ID",
    description: "Returns one entity record with its data and audit fields.",
    auth: anyKeyOrg,
    pathParams: recordIdParam,
    responses: [
      {
        status: 200,
        description: "The record",
        schema: EntityRecord,
        examples: [{ name: "ok", value: entityRecordExample }],
      },
    ],
    errors: [recordNotFound],
    notes: [orgNote],
    keywords: ["read record", "fetch item", "custom data", "row"],
  }),
  defineEndpoint({
    category,
    slug: "update-record",
    method: "PUT",
    path: "/v1/entity/records/{record_id}",
    summary: "Update a record",
    description:
      "Replaces a record's data, validated against its schema's fields_definition; the signed-in end-user becomes updated_by_id.",
    auth: anyKeyOrg,
    pathParams: recordIdParam,
    body: {
      contentType: "application/json",
      schema: UpdateEntityRecordRequest,
      examples: [{ name: "price_change", value: { data: { ...entityRecordExample.data, price: 129.99 } } }],
    },
    responses: [
      {
        status: 200,
        description: "The updated record",
        schema: EntityRecord,
        examples: [
          {
            name: "ok",
            value: {
              ...entityRecordExample,
              data: { ...entityRecordExample.data, price: 129.99 },
              updated_by_id: entityRecordExample.created_by_id,
              updated_at: "2024-01-16T09:00:00Z",
            },
          },
        ],
      },
    ],
    errors: [recordNotFound, dataInvalid],
    notes: [
      "Sets updated_by_id to the authenticated end-user.",
      "The seed does not say whether data is merged or replaced: send the complete data object, which is validated like on creation.",
      orgNote,
    ],
    keywords: ["edit record", "modify item", "save changes", "custom data", "row"],
  }),
  defineEndpoint({
    category,
    slug: "delete-record",
    method: "DELETE",
    path: "/v1/entity/records/{record_id}",
    summary: "Delete a record",
    description: "Deletes one entity record. Answers 204 No Content.",
    auth: anyKeyOrg,
    pathParams: recordIdParam,
    responses: [{ status: 204, description: "Deleted; no body", examples: [] }],
    errors: [recordNotFound],
    notes: ["The answer has no body: do not parse it as JSON.", orgNote],
    keywords: ["remove record", "delete item", "custom data", "row"],
  }),
  defineEndpoint({
    category,
    slug: "search-records",
    method: "POST",
    path: "/v1/entity/records/search",
    summary: "Advanced search for entity records with filters and ordering",
    description:
      "Finds records with filters on their data fields, optionally within one schema, and returns them page by page in the requested order. Paging and ordering go in the query string, filters in the body.",
    auth: secretOrg,
    query: z.object({
      ...pageSize(20, 100),
      order_by: z.string().min(1).default("created_at").describe("Field to order by (default created_at)"),
      order_dir: z.enum(["asc", "desc"]).default("desc").describe("Sort direction (default desc)"),
    }),
    body: {
      contentType: "application/json",
      schema: RecordSearchRequest,
      examples: [
        {
          name: "filters",
          summary: "The seed's example: operators and equality",
          value: {
            schema_id: "550e8400-e29b-41d4-a716-446655440000",
            query: {
              price: { operator: "gt", value: 100 },
              category: "electronics",
              status: { operator: "in", value: ["active", "pending"] },
            },
          },
        },
        {
          name: "all_of_schema",
          summary: "Every record of one schema",
          value: { schema_id: entityRecordExample.schema_id },
        },
      ],
    },
    responses: [
      {
        status: 200,
        description: "One page of matching records",
        schema: EntityRecordPage,
        examples: [{ name: "ok", value: { items: [entityRecordExample], total: 1, page: 1, size: 20, pages: 1 } }],
      },
    ],
    notes: [
      "Supported operators: eq, ne, gt, gte, lt, lte, like, ilike, in, not_in. A plain value means equality; in and not_in take a list.",
      `Limits (422 beyond them): at most ${RECORD_SEARCH_LIMITS.filters} filtered fields, ${RECORD_SEARCH_LIMITS.listValues} values in an in / not_in list and ${RECORD_SEARCH_LIMITS.patternLength} characters in a like / ilike pattern; filters do not nest.`,
      "There is no separate list-records endpoint: listing a schema's records is a search with only schema_id.",
      orgNote,
    ],
    keywords: [
      "records",
      "all records",
      "find records",
      "list records",
      "filter records",
      "query records",
      "list records",
      "sort",
      "order by",
      "where clause",
    ],
    conflicts: [
      {
        topic: "Accepted keys",
        text: "Search accepts only sk_live_*, while every other record endpoint accepts pk_live_* too, and the quick reference lists it under 'Custom Entities (API Key + JWT + X-Organization-Id)' without a key restriction. Since there is no other way to list records, a frontend using a public key cannot list records at all. The portal documents sk_live_* only.",
      },
    ],
  }),
];
