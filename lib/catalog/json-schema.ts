import { z } from "zod";

/** A JSON Schema node as zod 4 emits it (the subset the portal reads). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  contentMediaType?: string;
  contentEncoding?: string;
  [key: string]: unknown;
}

const FORMATS_WITHOUT_PATTERN = new Set(["uuid", "date-time", "email", "uri", "date", "time"]);

export type SchemaIo = "input" | "output";

const cache: Record<SchemaIo, WeakMap<z.ZodType, JsonSchema>> = { input: new WeakMap(), output: new WeakMap() };

/**
 * JSON Schema of a catalog schema. `input` for what clients send (defaults make fields optional),
 * `output` for what the API answers.
 */
export function toJsonSchema(schema: z.ZodType, io: SchemaIo): JsonSchema {
  const hit = cache[io].get(schema);
  if (hit) return hit;
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
    // zod adds its validation regex beside well-known formats; the format says it, the regex only adds bulk.
    override: ({ jsonSchema }) => {
      if (typeof jsonSchema.format === "string" && FORMATS_WITHOUT_PATTERN.has(jsonSchema.format))
        delete jsonSchema.pattern;
    },
  }) as JsonSchema;
  delete json.$schema;
  cache[io].set(schema, json);
  return json;
}
