import type { JsonSchema, SchemaIo } from "@/lib/catalog/json-schema";

export const SCHEMA_REF_PREFIX = "#/components/schemas/";

/** JSON Schema keywords whose values are schemas, by shape; everything else is data and copied as is. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "dependentSchemas"]);
const SCHEMA_LISTS = new Set(["anyOf", "oneOf", "allOf", "prefixItems"]);
const SCHEMA_VALUES = new Set([
  "items",
  "additionalProperties",
  "not",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
  "unevaluatedProperties",
  "unevaluatedItems",
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON with sorted keys, so equal schemas compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Component names may only use `A-Z a-z 0-9 . - _`. */
const componentName = (title: string) => title.replace(/[^A-Za-z0-9._-]+/g, "_");

/**
 * Turns every sub-schema with a `title` (zod `.meta({ title })`) into a `$ref` to
 * `components/schemas/<title>`. The same title with different content (e.g. the input and output
 * shapes of FieldDefinition) gets `<title>Input` / `<title>Output`, then a number, so a `$ref`
 * never points at a schema other than the one it replaced. Input schemas are never mutated.
 */
export class SchemaRegistry {
  private readonly schemas = new Map<string, JsonSchema>();
  private readonly nameByContent = new Map<string, string>();
  private readonly ioByName = new Map<string, SchemaIo>();

  /** A copy of `schema` with titled sub-schemas replaced by `$ref`s (and `$schema` keys dropped). */
  hoist(schema: JsonSchema, io: SchemaIo): JsonSchema {
    const copy = this.copyChildren(schema, io);
    return typeof copy.title === "string" ? this.refTo(this.register(copy.title, copy, io)) : copy;
  }

  /** Registers `schema` under a fixed name (for schemas without a title) and answers a `$ref` to it. */
  define(name: string, schema: JsonSchema, io: SchemaIo): JsonSchema {
    const copy = this.copyChildren(schema, io);
    const existing = this.schemas.get(name);
    if (existing && canonicalJson(existing) !== canonicalJson(copy))
      throw new Error(`Component ${name} defined twice with different content`);
    this.schemas.set(name, copy);
    this.ioByName.set(name, io);
    return this.refTo(name);
  }

  /** The components `root` refers to, directly or through other components, sorted by name. */
  referencedFrom(root: unknown): Record<string, JsonSchema> {
    const names = new Set<string>();
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (isObject(v)) {
        const ref = v.$ref;
        if (typeof ref === "string" && ref.startsWith(SCHEMA_REF_PREFIX)) {
          const name = ref.slice(SCHEMA_REF_PREFIX.length);
          if (!names.has(name)) {
            names.add(name);
            visit(this.schemas.get(name));
          }
        }
        Object.values(v).forEach(visit);
      }
    };
    visit(root);
    const out: Record<string, JsonSchema> = {};
    for (const name of [...names].sort()) {
      const schema = this.schemas.get(name);
      if (schema) out[name] = schema;
    }
    return out;
  }

  private refTo(name: string): JsonSchema {
    return { $ref: `${SCHEMA_REF_PREFIX}${name}` };
  }

  private copyChildren(schema: JsonSchema, io: SchemaIo): JsonSchema {
    const copy: JsonSchema = {};
    for (const [key, value] of Object.entries(schema)) {
      if (key === "$schema") continue;
      if (SCHEMA_MAPS.has(key) && isObject(value)) {
        copy[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isObject(v) ? this.hoist(v, io) : v]));
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
        copy[key] = value.map((v: unknown) => (isObject(v) ? this.hoist(v, io) : v));
      } else if (SCHEMA_VALUES.has(key) && isObject(value)) {
        copy[key] = this.hoist(value, io);
      } else {
        copy[key] = value;
      }
    }
    return copy;
  }

  private register(title: string, schema: JsonSchema, io: SchemaIo): string {
    const content = `${title}\u0000${canonicalJson(schema)}`;
    const known = this.nameByContent.get(content);
    if (known) return known;
    const base = componentName(title);
    // The input and output shapes of one schema differ (defaults, additionalProperties): suffix by io.
    // Two different schemas sharing a title: number them.
    const ioVariant = this.ioByName.get(base) !== io ? `${base}${io === "input" ? "Input" : "Output"}` : undefined;
    let name = [base, ioVariant].find((c) => c !== undefined && !this.schemas.has(c));
    for (let n = 2; name === undefined; n++) if (!this.schemas.has(`${base}${n}`)) name = `${base}${n}`;
    this.schemas.set(name, schema);
    this.ioByName.set(name, io);
    this.nameByContent.set(content, name);
    return name;
  }
}
