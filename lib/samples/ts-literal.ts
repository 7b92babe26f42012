import { propertyKey } from "@/lib/sdk/names";

/** Source text to print as is inside a literal (a variable name). */
export class Code {
  constructor(readonly text: string) {}
}

/** Prettier's default line width. */
export const WIDTH = 80;

/** `key: value`, or the shorthand `key` when the value is a variable of the same name. */
const property = (k: string, v: unknown, text: string) =>
  v instanceof Code && v.text === k ? k : `${propertyKey(k)}: ${text}`;

function inline(value: unknown): string {
  if (value instanceof Code) return value.text;
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => property(k, v, inline(v))).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/**
 * A JSON-like value as a TypeScript expression, prettier-style: on one line when it fits in
 * 80 columns after `indent`, otherwise one property or item per line.
 */
export function tsLiteral(value: unknown, indent = ""): string {
  const flat = inline(value);
  if (indent.length + flat.length <= WIDTH || value === null || typeof value !== "object" || value instanceof Code)
    return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${tsLiteral(v, inner)},`).join("\n")}\n${indent}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${property(k, v, tsLiteral(v, inner))},`).join("\n")}\n${indent}}`;
}

/**
 * `prefix(args)`: on one line when it fits, else hugging a single object argument, else one
 * argument per line with a trailing comma.
 */
export function tsCall(prefix: string, args: unknown[], indent = ""): string {
  const flat = `${prefix}(${args.map((a) => inline(a)).join(", ")})`;
  if (indent.length + flat.length <= WIDTH) return flat;
  if (args.length === 1) return `${prefix}(${tsLiteral(args[0], indent)})`;
  const inner = `${indent}  `;
  return `${prefix}(\n${args.map((a) => `${inner}${tsLiteral(a, inner)},`).join("\n")}\n${indent})`;
}
