import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toJsonSchema } from "@/lib/catalog/json-schema";
import { jsDoc, printDeclaration, printType } from "./json-schema-to-ts";
import { NamedTypes } from "./named-types";

const print = (schema: z.ZodType, io: "input" | "output" = "output") => printType(toJsonSchema(schema, io));

describe("printType", () => {
  it("prints scalars, literals and enums", () => {
    expect(print(z.string())).toBe("string");
    expect(print(z.number().int())).toBe("number");
    expect(print(z.boolean())).toBe("boolean");
    expect(print(z.literal("Bearer"))).toBe('"Bearer"');
    expect(print(z.enum(["a", "b"]))).toBe('"a" | "b"');
    expect(print(z.string().nullable())).toBe("string | null");
    expect(print(z.file())).toBe("Blob");
    expect(print(z.unknown())).toBe("unknown");
    expect(print(z.date())).toBe("unknown"); // unrepresentable in JSON Schema
  });

  it("prints arrays, records and unions", () => {
    expect(print(z.array(z.string()))).toBe("string[]");
    expect(print(z.array(z.union([z.string(), z.number()])))).toBe("Array<string | number>");
    expect(print(z.record(z.string(), z.unknown()))).toBe("Record<string, unknown>");
    expect(print(z.record(z.string(), z.number()))).toBe("Record<string, number>");
    expect(print(z.union([z.literal(1), z.literal(2), z.null()]))).toBe("1 | 2 | null");
    expect(print(z.union([z.string(), z.unknown()]))).toBe("unknown");
  });

  it("prints objects with optional fields, quoted keys and JSDoc", () => {
    const schema = z.object({
      id: z.string().describe("The id"),
      "x-rate": z.number().optional(),
      locale: z.string().default("en"),
      old: z.number().nullable().describe("Deprecated: use id"),
    });
    expect(print(schema, "input")).toBe(
      [
        "{",
        "  /** The id */",
        "  id: string;",
        '  "x-rate"?: number;',
        '  /** @default "en" */',
        "  locale?: string;",
        "  /** @deprecated use id */",
        "  old: number | null;",
        "}",
      ].join("\n"),
    );
    // Answers always carry defaulted fields.
    expect(print(schema, "output")).toContain("  locale: string;");
  });

  it("declares interfaces for objects and aliases for everything else", () => {
    expect(printDeclaration("A", toJsonSchema(z.object({ a: z.string() }), "output"), {}, ["An A."])).toBe(
      "/** An A. */\nexport interface A {\n  a: string;\n}\n",
    );
    expect(printDeclaration("B", toJsonSchema(z.array(z.string()), "output"))).toBe("export type B = string[];\n");
  });

  it("escapes comment ends in JSDoc", () => {
    expect(jsDoc(["a */ b"])).toBe("/** a *\\/ b */\n");
    expect(jsDoc(["one", "", "two"], "  ")).toBe("  /**\n   * one\n   *\n   * two\n   */\n");
  });
});

describe("NamedTypes", () => {
  const Item = z.object({ id: z.string(), tags: z.array(z.string()).default([]) }).meta({ title: "Item" });

  it("shares identical titled schemas and splits input from output shapes", () => {
    const named = new NamedTypes(new Set());
    const listOut = toJsonSchema(z.object({ items: z.array(Item) }), "output");
    const oneOut = toJsonSchema(Item, "output");
    const createIn = toJsonSchema(z.object({ item: Item }), "input");
    named.collect(listOut, "output");
    named.collect(oneOut, "output");
    named.collect(createIn, "input");
    named.seal();
    expect(named.declaredNames).toEqual(["Item", "ItemInput"]);
    expect(printType(listOut, { nameOf: named.nameOf })).toBe("{\n  items: Item[];\n}");
    expect(printType(createIn, { nameOf: named.nameOf })).toBe("{\n  item: ItemInput;\n}");
    expect(named.declarations().join("\n")).toContain(
      "export interface ItemInput {\n  id: string;\n  /** @default [] */\n  tags?: string[];\n}",
    );
  });

  it("inlines titles that clash with reserved names or disagree", () => {
    const named = new NamedTypes(new Set(["Item"]));
    named.collect(toJsonSchema(Item, "output"), "output");
    const Other = z.object({ other: z.number() }).meta({ title: "Thing" });
    const Another = z.object({ another: z.number() }).meta({ title: "Thing" });
    named.collect(toJsonSchema(Other, "output"), "output");
    named.collect(toJsonSchema(Another, "output"), "output");
    named.seal();
    expect(named.declaredNames).toEqual([]);
  });
});
