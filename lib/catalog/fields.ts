import type { z } from "zod";
import { type JsonSchema, type SchemaIo, toJsonSchema } from "./json-schema";

/** One row of a parameter or field table. */
export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  nullable: boolean;
  description?: string;
  constraints: string[];
  children: FieldRow[];
}

const isNull = (s: JsonSchema) => s.type === "null";

/** Splits `anyOf [X, null]` into X + nullable. */
function unwrapNullable(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const variants = s.anyOf ?? s.oneOf;
  if (variants && variants.some(isNull)) {
    const rest = variants.filter((v) => !isNull(v));
    const inner: JsonSchema =
      rest.length === 1
        ? { ...rest[0]!, description: s.description ?? rest[0]!.description }
        : { ...s, anyOf: rest, oneOf: undefined };
    if (s.default !== undefined && inner.default === undefined) inner.default = s.default;
    return { schema: inner, nullable: true };
  }
  if (Array.isArray(s.type) && s.type.includes("null")) {
    const types = s.type.filter((t) => t !== "null");
    return { schema: { ...s, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema: s, nullable: false };
}

export function typeLabel(s: JsonSchema): string {
  if (s.title && (s.type === "object" || s.properties)) return s.title;
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return "enum";
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return variants.map((v) => typeLabel(unwrapNullable(v).schema)).join(" | ");
  if (s.type === "array") return `${s.items ? typeLabel(unwrapNullable(s.items).schema) : "any"}[]`;
  if (s.type === "string" && s.format === "binary") return "file";
  if (s.type === "string" && s.format) return `string (${s.format})`;
  if (s.type === "object" && !s.properties && s.additionalProperties) return "object (map)";
  if (Array.isArray(s.type)) return s.type.join(" | ");
  return s.type ?? "any";
}

export function constraintsOf(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.enum) out.push(`one of: ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (s.minLength !== undefined && s.maxLength !== undefined) out.push(`${s.minLength}–${s.maxLength} characters`);
  else if (s.minLength !== undefined && s.minLength > 0) out.push(`min ${s.minLength} characters`);
  else if (s.maxLength !== undefined) out.push(`max ${s.maxLength} characters`);
  if (s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER) out.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) out.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`< ${s.exclusiveMaximum}`);
  if (s.minItems !== undefined && s.minItems > 0) out.push(`at least ${s.minItems} item${s.minItems === 1 ? "" : "s"}`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} items`);
  // Formats say it better than their generated regexes.
  if (s.pattern && !s.format) out.push(`pattern: ${s.pattern}`);
  if (s.default !== undefined) out.push(`default: ${JSON.stringify(s.default)}`);
  return out;
}

function childrenOf(s: JsonSchema, io: SchemaIo): FieldRow[] {
  if (s.properties) return rowsOfObject(s, io);
  if (s.type === "array" && s.items) return childrenOf(unwrapNullable(s.items).schema, io);
  if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") {
    const value = unwrapNullable(s.additionalProperties).schema;
    if (value.properties) return [row("{key}", value, false, false, io)];
  }
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    // A union of objects (e.g. two answer shapes): show each variant's fields under its label.
    return variants
      .map((v) => unwrapNullable(v).schema)
      .filter((v) => v.properties)
      .map((v, i) => ({ ...row(v.title ?? `variant ${i + 1}`, v, false, false, io), type: v.title ?? "object" }));
  }
  return [];
}

function row(name: string, raw: JsonSchema, required: boolean, parentNullable: boolean, io: SchemaIo): FieldRow {
  const { schema, nullable } = unwrapNullable(raw);
  // Output fields with defaults are always present; input fields with defaults are optional.
  const hasDefault = schema.default !== undefined;
  return {
    name,
    type: typeLabel(schema),
    required: io === "input" ? required && !hasDefault : required,
    nullable: nullable || parentNullable,
    description: schema.description ?? raw.description,
    constraints: constraintsOf(schema),
    children: childrenOf(schema, io),
  };
}

function rowsOfObject(s: JsonSchema, io: SchemaIo): FieldRow[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, prop]) => row(name, prop, required.has(name), false, io));
}

/**
 * Field table rows for a catalog schema: object properties, with nested objects and arrays of
 * objects as children. A non-object schema yields a single row named by its type.
 */
export function fieldRows(schema: z.ZodType, io: SchemaIo): FieldRow[] {
  const json = toJsonSchema(schema, io);
  const top = unwrapNullable(json).schema;
  if (top.properties) return rowsOfObject(top, io);
  if (top.type === "array" && top.items) {
    const item = unwrapNullable(top.items).schema;
    return [{ ...row("[ ]", item, true, false, io), type: typeLabel(top) }];
  }
  const variants = top.anyOf ?? top.oneOf;
  if (variants) return childrenOf(top, io);
  return [row("(body)", json, true, false, io)];
}

/** Query and path parameters: output types (coerced numbers, booleans), required unless defaulted or optional. */
export function parameterRows(schema: z.ZodObject): FieldRow[] {
  const input = toJsonSchema(schema, "input");
  const output = toJsonSchema(schema, "output");
  const required = new Set(input.required ?? []);
  return Object.entries(output.properties ?? {}).map(([name, prop]) => {
    const r = row(name, prop, required.has(name), false, "output");
    const inputDescription = input.properties?.[name]?.description;
    return {
      ...r,
      required: required.has(name) && prop.default === undefined,
      description: r.description ?? inputDescription,
    };
  });
}
