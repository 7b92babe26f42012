import type { JsonSchema } from "@/lib/catalog/json-schema";
import { propertyKey } from "./names";

/** Options of the JSON Schema → TypeScript printer. */
export interface PrintOptions {
  /** Name of a shared declaration standing for this node, if any; the node is then printed as that name. */
  nameOf?: (node: JsonSchema) => string | undefined;
}

/** A JSDoc block from text lines, indented; empty when there is nothing to say. */
export function jsDoc(lines: readonly string[], indent = ""): string {
  const text = lines.flatMap((l) => l.split("\n")).map((l) => l.replaceAll("*/", "*\\/").trimEnd());
  while (text.length > 0 && text[text.length - 1] === "") text.pop();
  if (text.length === 0) return "";
  if (text.length === 1) return `${indent}/** ${text[0]} */\n`;
  return `${indent}/**\n${text.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)).join("\n")}\n${indent} */\n`;
}

const literal = (value: unknown): string => (value === undefined ? "undefined" : JSON.stringify(value));

const isNullNode = (n: JsonSchema) => n.type === "null";

/** Union text without duplicates; `unknown` absorbs everything. */
function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  if (unique.includes("unknown")) return "unknown";
  if (unique.length === 0) return "never";
  return unique.join(" | ");
}

const isSimple = (type: string) => /^[\w$]+$/.test(type);
const inParens = (type: string) => (isSimple(type) || type.startsWith("{") ? type : `(${type})`);

/** The documentation lines of a property: description, deprecation and default. */
function propertyDoc(node: JsonSchema): string[] {
  const inner = (node.anyOf ?? node.oneOf)?.find((v) => !isNullNode(v));
  const description = node.description ?? inner?.description;
  const fallback = node.default ?? inner?.default;
  const lines: string[] = [];
  if (description)
    lines.push(
      /^deprecated\b/i.test(description) ? `@deprecated ${description.replace(/^deprecated:?\s*/i, "")}` : description,
    );
  if (fallback !== undefined) lines.push(`@default ${JSON.stringify(fallback)}`);
  return lines;
}

function objectType(node: JsonSchema, opts: PrintOptions, indent: string): string {
  const props = Object.entries(node.properties ?? {});
  const extra = node.additionalProperties;
  if (props.length === 0) {
    if (extra === false) return "Record<string, never>";
    return `Record<string, ${typeof extra === "object" ? printType(extra, opts, indent) : "unknown"}>`;
  }
  const required = new Set(node.required ?? []);
  const inner = `${indent}  `;
  const lines = props.map(
    ([name, prop]) =>
      `${jsDoc(propertyDoc(prop), inner)}${inner}${propertyKey(name)}${required.has(name) ? "" : "?"}: ${printType(prop, opts, inner)};\n`,
  );
  // Declared properties plus extra ones: the index signature must admit both, so it is unknown.
  if (extra === true || typeof extra === "object") lines.push(`${inner}[key: string]: unknown;\n`);
  return `{\n${lines.join("")}${indent}}`;
}

function arrayType(node: JsonSchema, opts: PrintOptions, indent: string): string {
  if (!node.items) return "unknown[]";
  const item = printType(node.items, opts, indent);
  return isSimple(item) ? `${item}[]` : `Array<${item}>`;
}

function singleType(type: string, node: JsonSchema, opts: PrintOptions, indent: string): string {
  switch (type) {
    case "string":
      return node.format === "binary" || node.contentEncoding === "binary" ? "Blob" : "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      return arrayType(node, opts, indent);
    case "object":
      return objectType(node, opts, indent);
    default:
      return "unknown";
  }
}

/**
 * TypeScript type text for a JSON Schema node as zod 4 emits it. Nested object literals are
 * indented from `indent`; anything the printer does not know becomes `unknown`.
 */
export function printType(node: JsonSchema, opts: PrintOptions = {}, indent = ""): string {
  const named = opts.nameOf?.(node);
  if (named) return named;
  if (node.const !== undefined) return literal(node.const);
  if (node.enum) return union(node.enum.map(literal));
  const variants = node.anyOf ?? node.oneOf;
  if (variants) return union(variants.map((v) => printType(v, opts, indent)));
  if (node.allOf) return node.allOf.map((v) => inParens(printType(v, opts, indent))).join(" & ");
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0) return node.properties ? objectType(node, opts, indent) : "unknown";
  return union(types.map((t) => singleType(t, node, opts, indent)));
}

/**
 * A top-level declaration: an interface for an object with properties, a type alias otherwise.
 * The node's own shared name (if any) is ignored, so a shared type does not point at itself.
 */
export function printDeclaration(
  name: string,
  node: JsonSchema,
  opts: PrintOptions = {},
  doc: readonly string[] = [],
): string {
  const own: PrintOptions = { nameOf: (n) => (n === node ? undefined : opts.nameOf?.(n)) };
  const isInterface =
    node.properties !== undefined && node.type === "object" && !node.anyOf && !node.oneOf && !node.allOf;
  const body = printType(node, own);
  return `${jsDoc(doc)}${isInterface ? `export interface ${name} ${body}` : `export type ${name} = ${body};`}\n`;
}
