import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "../validation";
import { compileFilters, compileOrder, likeToGlob, searchableFields, type FilterValue } from "./record-filter";

const fields = searchableFields([
  { name: { type: "string", required: true }, price: { type: "float", required: false }, ok: { type: "boolean", required: false } },
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

describe("compileFilters", () => {
  it("binds every value; the field's JSON path is an escaped literal (index expressions match only literal text)", () => {
    const evil = "x'); DROP TABLE entity_records; --";
    const [eq, gt, inList] = compile("sqlite", {
      name: evil,
      price: { operator: "gt", value: 5 },
      ok: { operator: "in", value: [true, false] },
    });
    expect(eq).toMatchObject({ text: `json_extract(data, '$."name"') = ?`, params: [evil], field: "name", access: "eq" });
    expect(gt).toMatchObject({ text: `CAST(json_extract(data, '$."price"') AS REAL) > ?`, params: [5], field: "price", access: "range" });
    expect(inList).toMatchObject({ text: `json_extract(data, '$."ok"') IN (?, ?)`, params: [1, 0], access: "eq" });
  });

  it("doubles a quote in a field name, so the name cannot end the literal", () => {
    const issues: ValidationIssue[] = [];
    const quoted = searchableFields([{ "it's": { type: "string", required: false } }]);
    const [c] = compileFilters("sqlite", { "it's": { operator: "ilike", value: "a%" } }, quoted, issues);
    expect(issues).toEqual([]);
    expect(c).toMatchObject({ text: `json_extract(data, '$."it''s"') LIKE ? ESCAPE '\\'`, params: ["a%"], access: "scan" });
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
    [{ operator: "like", value: "a%" }, "scan"],
  ])("%o uses an index as %s", (filter, access) => {
    const [c] = compile("sqlite", { name: filter });
    expect(c?.access).toBe(access);
  });

  it("writes the PostgreSQL forms: ->> with casts, LIKE/ILIKE with an escape", () => {
    const [gt, like, ok] = compile("postgres", { price: { operator: "gt", value: 5 }, name: { operator: "ilike", value: "a%" }, ok: true });
    expect(gt).toMatchObject({ text: "CAST((data::jsonb ->> 'price') AS DOUBLE PRECISION) > ?", params: [5] });
    expect(like).toMatchObject({ text: "(data::jsonb ->> 'name') ILIKE ? ESCAPE '\\'", params: ["a%"] });
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
