import { z } from "zod";
import { BoundedMap } from "@/lib/cache/bounded-map";
import type { FieldDefinition } from "@/lib/catalog/schemas/entity-schema";
import { ApiError } from "../errors";
import { toValidationIssues, type ValidationIssue } from "../validation";

/**
 * Records' `data` checked against their schema's fields_definition at request time: a zod object
 * built from the definitions, cached per schema id and version (a version names one fields_definition).
 */

export type FieldsDefinition = Record<string, FieldDefinition>;

/** The schema a record's data is validated against: `fields` is its fields_definition at `version`. */
export interface RecordSchemaRef {
  id: string;
  version: number;
  fields: FieldsDefinition;
}

/** Digits with an optional leading +, spaces, dots, hyphens and parentheses; 7 to 15 digits (E.164's limit). */
const PHONE = /^(?=(?:\D*\d){7,15}\D*$)\+?[0-9 ().-]+$/;

function fieldSchema(def: FieldDefinition): z.ZodType {
  switch (def.type) {
    case "string":
    case "text": {
      let s = z.string();
      if (def.min_length !== undefined) s = s.min(def.min_length);
      if (def.max_length !== undefined) s = s.max(def.max_length);
      return s;
    }
    case "integer":
    case "float": {
      let n = def.type === "integer" ? z.number().int() : z.number();
      if (def.minimum !== undefined) n = n.min(def.minimum);
      if (def.maximum !== undefined) n = n.max(def.maximum);
      return n;
    }
    case "boolean":
      return z.boolean();
    case "datetime":
      return z.iso.datetime({ offset: true, local: true });
    case "enum":
      return z.enum(def.values as [string, ...string[]]);
    case "email":
      return z.email();
    case "url":
      return z.url({ protocol: /^https?$/ });
    case "phone":
      return z.string().regex(PHONE, "value is not a valid phone number");
  }
}

/** Required fields must be present (a default fills them in); optional ones may be left out or null. */
function withPresence(def: FieldDefinition): z.ZodType {
  const base = fieldSchema(def);
  if (def.default !== undefined) return (def.required ? base : base.nullable()).default(def.default);
  return def.required ? base : base.nullable().optional();
}

export function buildRecordSchema(fields: FieldsDefinition): z.ZodObject {
  return z.object(Object.fromEntries(Object.entries(fields).map(([name, def]) => [name, withPresence(def)])));
}

const cache = new BoundedMap<string, z.ZodObject>(256);

/** The data validator of a schema version, built once while it stays among the 256 most recently used. */
export function recordSchemaFor(ref: RecordSchemaRef): z.ZodObject {
  return cache.getOrSet(`${ref.id}:${ref.version}`, () => buildRecordSchema(ref.fields));
}

/**
 * The record's data as stored (defaults applied), or 422 in FastAPI's list shape with
 * loc ["body", "data", field]: missing required fields, wrong types, broken constraints, unknown fields.
 */
export function validateRecordData(ref: RecordSchemaRef, data: Record<string, unknown>): Record<string, unknown> {
  const issues: ValidationIssue[] = Object.keys(data)
    .filter((name) => !Object.hasOwn(ref.fields, name))
    .map((name) => ({ loc: ["body", "data", name], msg: "Extra inputs are not permitted", type: "extra_forbidden" }));
  const result = recordSchemaFor(ref).safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const i of toValidationIssues(result.error, "body")) {
      const field = String(i.loc[1]);
      // zod reports a non-number for an integer field as "expected number"; Pydantic says int_type.
      const integer = i.type === "float_type" && ref.fields[field]?.type === "integer";
      issues.push({
        ...i,
        loc: ["body", "data", ...i.loc.slice(1)],
        ...(integer ? { type: "int_type", msg: "Input should be a valid integer" } : {}),
      });
    }
  }
  if (issues.length > 0 || !result.success) throw new ApiError(422, issues);
  return result.data;
}
