import type { JsonSchema, SchemaIo } from "@/lib/catalog/json-schema";
import { printDeclaration, printType } from "./json-schema-to-ts";

interface Variant {
  node: JsonSchema;
  /** The node printed with everything inlined: two variants are the same type when this matches. */
  text: string;
  ios: Set<SchemaIo>;
  order: number;
}

function* walk(node: JsonSchema): Generator<JsonSchema> {
  yield node;
  for (const child of Object.values(node.properties ?? {})) yield* walk(child);
  if (node.items) yield* walk(node.items);
  if (typeof node.additionalProperties === "object") yield* walk(node.additionalProperties);
  for (const list of [node.anyOf, node.oneOf, node.allOf]) for (const child of list ?? []) yield* walk(child);
}

/**
 * Shared declarations for the schemas that carry a `title` (`.meta({ title })` in the catalog).
 *
 * A title becomes one declaration when every use prints the same TypeScript. When requests and
 * answers see different shapes (defaults make input fields optional), the answer keeps the title
 * and the request shape is `<Title>Input`. Any other disagreement, or a title that clashes with a
 * reserved name, is printed inline: a wrong shared type is worse than a repeated one.
 */
export class NamedTypes {
  private readonly byTitle = new Map<string, Map<string, Variant>>();
  private readonly names = new Map<JsonSchema, string>();
  private readonly inline = new Map<JsonSchema, string>();
  private count = 0;
  private sealed = false;

  constructor(private readonly reserved: ReadonlySet<string>) {}

  private inlineText(node: JsonSchema): string {
    let text = this.inline.get(node);
    if (text === undefined) {
      text = printType(node);
      this.inline.set(node, text);
    }
    return text;
  }

  /** Records every titled node of a root schema; call for all roots before `seal`. */
  collect(root: JsonSchema, io: SchemaIo): void {
    if (this.sealed) throw new Error("NamedTypes: collect after seal");
    for (const node of walk(root)) {
      if (!node.title) continue;
      const text = this.inlineText(node);
      const variants = this.byTitle.get(node.title) ?? new Map<string, Variant>();
      this.byTitle.set(node.title, variants);
      const v = variants.get(text) ?? { node, text, ios: new Set<SchemaIo>(), order: this.count++ };
      v.ios.add(io);
      variants.set(text, v);
    }
  }

  private readonly chosen: Array<{ name: string; variant: Variant }> = [];
  private readonly nameByKey = new Map<string, string>();

  /** Decides the names; after this, `nameOf` answers. */
  seal(): void {
    this.sealed = true;
    for (const [title, variantMap] of this.byTitle) {
      const variants = [...variantMap.values()];
      const assign = (variant: Variant, name: string) => {
        if (this.reserved.has(name) || this.chosen.some((c) => c.name === name)) return;
        this.chosen.push({ name, variant });
        this.nameByKey.set(`${title}\u0000${variant.text}`, name);
      };
      if (variants.length === 1) assign(variants[0]!, title);
      else if (variants.length === 2) {
        const input = variants.find((v) => v.ios.size === 1 && v.ios.has("input"));
        const output = variants.find((v) => v.ios.size === 1 && v.ios.has("output"));
        if (input && output) {
          assign(output, title);
          assign(input, `${title}Input`);
        }
      }
    }
    this.chosen.sort((a, b) => a.variant.order - b.variant.order);
  }

  /** The shared name of a node, or undefined to print it inline. */
  readonly nameOf = (node: JsonSchema): string | undefined => {
    if (!node.title || !this.sealed) return undefined;
    let name = this.names.get(node);
    if (name === undefined) {
      name = this.nameByKey.get(`${node.title}\u0000${this.inlineText(node)}`) ?? "";
      this.names.set(node, name);
    }
    return name === "" ? undefined : name;
  };

  /** Every shared declaration, in order of first use. */
  declarations(): string[] {
    return this.chosen.map(({ name, variant }) =>
      printDeclaration(
        name,
        variant.node,
        { nameOf: this.nameOf },
        variant.node.description ? [variant.node.description] : [],
      ),
    );
  }

  /** Names in use, so callers can check for clashes. */
  get declaredNames(): string[] {
    return this.chosen.map((c) => c.name);
  }
}
