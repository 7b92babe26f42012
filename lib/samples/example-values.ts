import type { z } from "zod";
import type { Endpoint } from "@/lib/catalog";
import { type JsonSchema, toJsonSchema } from "@/lib/catalog/json-schema";
import { EXAMPLE_IDS } from "@/lib/catalog/primitives";
import { camelCase } from "@/lib/sdk/names";
import type { Scalar } from "./types";

/** Parameters whose example id is not named by their stem (`organization_id` → `organization`). */
const ID_ALIASES: Readonly<Record<string, keyof typeof EXAMPLE_IDS>> = { target_user_id: "otherUser" };

const isScalar = (v: unknown): v is Scalar => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** Values of properties named `name` anywhere in `roots`, breadth first. */
function valuesNamed(roots: unknown[], name: string): Scalar[] {
  const found: Scalar[] = [];
  const queue = [...roots];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (Array.isArray(node)) queue.push(...node);
    else if (node !== null && typeof node === "object" && !(node instanceof Blob)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === name && isScalar(v)) found.push(v);
        queue.push(v);
      }
    }
  }
  return found;
}

/** The endpoint's own examples: its first request body, then its success answers. */
function exampleRoots(e: Endpoint): unknown[] {
  const body = e.body?.examples[0]?.value;
  const answers = e.responses
    .filter((r) => r.status >= 200 && r.status < 300)
    .flatMap((r) => r.examples.map((x) => x.value));
  return body === undefined ? answers : [body, ...answers];
}

function idFor(name: string): string | undefined {
  const key = ID_ALIASES[name] ?? camelCase(name.replace(/_id$/, ""));
  return key in EXAMPLE_IDS ? EXAMPLE_IDS[key as keyof typeof EXAMPLE_IDS] : undefined;
}

/** A value that fits the schema's type when nothing in the catalog offers one. */
function placeholder(name: string, s: JsonSchema): Scalar {
  const variants = s.anyOf ?? s.oneOf ?? [s];
  if (variants.some((v) => v.type === "boolean")) return true;
  if (s.enum && isScalar(s.enum[0])) return s.enum[0];
  if (s.type === "integer" || s.type === "number") return s.minimum ?? 1;
  if (s.format === "email") return "user@example.com";
  if (s.format === "uri") return "https://myapp.com/callback";
  return `your_${name}`;
}

/**
 * Example values for the fields of a parameter object (path or query), each the first that the
 * field's own schema accepts of: its declared example, its default, a same-named property in the
 * endpoint's examples, the shared example id for `*_id` fields, a placeholder of the right type.
 */
export function exampleParameters(e: Endpoint, params: z.ZodObject): Record<string, Scalar> {
  const json = toJsonSchema(params, "input");
  const shape: Record<string, z.ZodType> = params.shape;
  const roots = exampleRoots(e);
  const out: Record<string, Scalar> = {};
  for (const [name, s] of Object.entries(json.properties ?? {})) {
    const field = shape[name];
    const declared = Array.isArray(s.examples) ? s.examples : [];
    const candidates: unknown[] = [
      ...declared,
      s.default,
      ...valuesNamed(roots, name),
      s.format === "uuid" ? idFor(name) : undefined,
    ];
    const value = candidates.find((c): c is Scalar => isScalar(c) && field?.safeParse(c).success === true);
    out[name] = value ?? placeholder(name, s);
  }
  return out;
}
