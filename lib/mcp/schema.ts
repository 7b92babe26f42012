import type { StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import type { z } from "zod";

/** One view per schema, shared by every pooled server. */
const views = new WeakMap<z.ZodType, StandardSchemaWithJSON>();

type JsonSchemaOptions = Parameters<StandardSchemaWithJSON["~standard"]["jsonSchema"]["input"]>[0];

/**
 * A zod schema as the MCP SDK takes it (Standard Schema with JSON Schema), validating with zod as
 * before but converting to JSON Schema once per direction and target: the SDK converts every tool's
 * schemas again on every tools/list, which was the larger part of answering it. The JSON Schema is
 * frozen, so anything that tried to change the shared copy would fail loudly.
 */
export function sdkSchema<S extends z.ZodType>(schema: S): StandardSchemaWithJSON<z.input<S>, z.output<S>> {
  const known = views.get(schema);
  if (known) return known as StandardSchemaWithJSON<z.input<S>, z.output<S>>;
  const std = schema["~standard"];
  const converted = new Map<string, Record<string, unknown>>();
  const convert = (io: "input" | "output") => (options: JsonSchemaOptions) => {
    const key = `${io}\u0000${JSON.stringify(options)}`;
    let json = converted.get(key);
    if (!json) {
      json = deepFreeze(std.jsonSchema[io](options));
      converted.set(key, json);
    }
    return json;
  };
  const view: StandardSchemaWithJSON<z.input<S>, z.output<S>> = {
    "~standard": {
      version: 1,
      vendor: std.vendor,
      validate: std.validate,
      jsonSchema: { input: convert("input"), output: convert("output") },
    },
  };
  views.set(schema, view);
  return view;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
