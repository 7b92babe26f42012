import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "../validation";
import {
  compileFilters,
  compileOrder,
  foldAscii,
  likePrefix,
  likeToGlob,
  prefixEnd,
  searchableFields,
  type FilterValue,
} from "./record-filter";

const fields = searchableFields([
  {
    name: { type: "string", required: true },
    price: { type: "float", required: false },
    ok: { type: "boolean", required: false },
  },
]);

function compile(dialect: "sqlite" | "postgres", query: Record<string, FilterValue>) {
  const issues: ValidationIssue[] = [];
  const out = compileFilters(dialect, query, fields, issues);
  expect(issues).toEqual([]);
  return out;
}

describe("likeToGlob", () => {
  it.each([
    ["Blue%", "Blue*"],
    ["a_c", "a?c"],
    ["100\\%", "100%"],
    ["a\\_b", "a_b"],
    ["*?[x]", "[*][?][[]x]"],
    ["end\\", "end\\"],
  ])("%s → %s", (like, glob) => expect(likeToGlob(like)).toBe(glob));
});

describe("likePrefix", () => {
  it.each([
    ["Blue%", "Blue"],
    ["Product 12_4%", "Product 12"],
    ["abc", "abc"],
    ["%abc", ""],
    ["_bc", ""],
    ["", ""],
    ["100\\% Cotton\\_%", "100% Cotton_"],
    ["a\\\\b%", "a\\b"],
    ["end\\", "end\\"],
    ["*?[x]%", "*?[x]"],
    ["😀 smile%", "😀 smile"],
    ["\\😀x", "😀x"],
    ["ab\0cd%", "ab"],
    ["ab\ud800cd", "ab"],
  ])("%j starts every match with %j", (pattern, prefix) => expect(likePrefix(pattern)).toBe(prefix));
});

describe("prefixEnd", () => {
  it.each([
    ["abc", "abd"],
    ["a ", "a!"],
    ["é", "ê"],
    ["a😀", "a😁"],
    ["a\ud7ff", "a\ue000"],
    ["a\u{10ffff}", "b"],
    ["\u{10ffff}\u{10ffff}", undefined],
  ])("%j → %j", (prefix, end) => expect(prefixEnd(prefix)).toBe(end));

  it("lies above every string with the prefix and below every greater one, in UTF-8 byte order", () => {
    const utf8 = (s: string) => Buffer.from(s, "utf8");
    for (const prefix of ["a", "Item 1", "日本", "a\u{10ffff}", "é\ud7ff"]) {
      const end = utf8(prefixEnd(prefix)!);
      for (const tail of ["", "\0", "z", "\u{10ffff}\u{10ffff}", "😀"])
        expect(Buffer.compare(utf8(prefix + tail), end)).toBe(-1);
    }
  });
});

it("foldAscii lowercases A–Z only, like SQLite's lower()", () =>
  expect(foldAscii("ÉLAN Straße ΩMEGA Item")).toBe("Élan straße Ωmega item"));

describe("compileFilters", () => {
  it("binds every value; the field's JSON path is an escaped literal (index expressions match only literal text)", () => {
    const evil = "x'); DROP TABLE entity_records; --";
    const [eq, gt, inList] = compile("sqlite", {
      name: evil,
      price: { operator: "gt", value: 5 },
      ok: { operator: "in", value: [true, false] },
    });
    expect(eq).toMatchObject({
      text: `json_extract(data, '$."name"') = ?`,
      params: [evil],
      field: "name",
      access: "eq",
    });
    expect(gt).toMatchObject({
      text: `CAST(json_extract(data, '$."price"') AS REAL) > ?`,
      params: [5],
      field: "price",
      access: "range",
    });
    expect(inList).toMatchObject({ text: `json_extract(data, '$."ok"') IN (?, ?)`, params: [1, 0], access: "eq" });
  });

  it("doubles a quote in a field name, so the name cannot end the literal", () => {
    const issues: ValidationIssue[] = [];
    const quoted = searchableFields([{ "it's": { type: "string", required: false } }]);
    const [c] = compileFilters("sqlite", { "it's": { operator: "ilike", value: "%a" } }, quoted, issues);
    expect(issues).toEqual([]);
    expect(c).toMatchObject({
      text: `json_extract(data, '$."it''s"') LIKE ? ESCAPE '\\'`,
      params: ["%a"],
      access: "scan",
      index: "value",
    });
  });

  it("seeks a like / ilike prefix in the folded index: the lowercased prefix's range, and the match itself", () => {
    const [ilike, like] = compile("sqlite", {
      name: { operator: "ilike", value: "Product 12_4%" },
      price: { operator: "gt", value: 1 },
    });
    const f = `lower(json_extract(data, '$."name"'))`;
    expect(ilike).toMatchObject({
      text: `${f} >= ? AND ${f} < ? AND json_extract(data, '$."name"') LIKE ? ESCAPE '\\'`,
      params: ["product 12", "product 13", "Product 12_4%"],
      access: "range",
      index: "folded",
    });
    expect(like).toMatchObject({ access: "range", index: "value" });
    const [glob] = compile("sqlite", { name: { operator: "like", value: "A\\%*%" } });
    expect(glob).toMatchObject({
      text: `${f} >= ? AND ${f} < ? AND json_extract(data, '$."name"') GLOB ?`,
      params: ["a%*", "a%+", "A%[*]*"],
      index: "folded",
    });
  });

  it("keeps a like on a number field, and a pattern longer than SQLite allows, a plain match", () => {
    const [price] = compile("sqlite", { price: { operator: "like", value: "10%" } });
    expect(price).toMatchObject({
      text: `json_extract(data, '$."price"') GLOB ?`,
      params: ["10*"],
      access: "scan",
      index: "value",
    });
    const long = `${"a".repeat(50_001)}%`;
    const [name] = compile("sqlite", { name: { operator: "ilike", value: long } });
    expect(name).toMatchObject({ text: `json_extract(data, '$."name"') LIKE ? ESCAPE '\\'`, access: "scan" });
  });

  it.each<[FilterValue, string]>([
    ["x", "eq"],
    [null, "scan"],
    [{ operator: "eq", value: null }, "scan"],
    [{ operator: "ne", value: "x" }, "scan"],
    [{ operator: "in", value: ["a", "b"] }, "eq"],
    [{ operator: "in", value: ["a", null] }, "scan"],
    [{ operator: "not_in", value: ["a"] }, "scan"],
    [{ operator: "lte", value: "m" }, "range"],
    [{ operator: "like", value: "a%" }, "range"],
    [{ operator: "ilike", value: "abc" }, "range"],
    [{ operator: "like", value: "%a" }, "scan"],
    [{ operator: "ilike", value: "_a%" }, "scan"],
    [{ operator: "ilike", value: "\\%a" }, "range"],
  ])("%o uses an index as %s", (filter, access) => {
    const [c] = compile("sqlite", { name: filter });
    expect(c?.access).toBe(access);
  });

  it("writes the PostgreSQL forms: ->> with casts, LIKE with an escape, ILIKE as LIKE on lower()", () => {
    const [gt, like, ok] = compile("postgres", {
      price: { operator: "gt", value: 5 },
      name: { operator: "ilike", value: "a%" },
      ok: true,
    });
    expect(gt).toMatchObject({ text: "CAST((data::jsonb ->> 'price') AS DOUBLE PRECISION) > ?", params: [5] });
    expect(like).toMatchObject({
      text: "lower((data::jsonb ->> 'name')) LIKE lower(?) ESCAPE '\\'",
      params: ["a%"],
      access: "scan",
      index: "value",
    });
    expect(ok).toMatchObject({ text: "CAST(CAST((data::jsonb ->> 'ok') AS BOOLEAN) AS INTEGER) = ?", params: [1] });
  });

  it("orders by a data field with missing values last", () => {
    const issues: ValidationIssue[] = [];
    expect(compileOrder("sqlite", "price", "asc", fields, issues)).toEqual({
      text: `CAST(json_extract(data, '$."price"') AS REAL) ASC NULLS LAST, created_at ASC, id ASC`,
      params: [],
    });
    expect(compileOrder("sqlite", "updated_at", "desc", fields, issues).text).toBe("updated_at DESC, id DESC");
    expect(issues).toEqual([]);
  });
});
