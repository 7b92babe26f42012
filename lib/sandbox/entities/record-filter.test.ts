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
  it("binds every value and the field's JSON path; nothing user-given reaches the SQL text", () => {
    const evil = "x'); DROP TABLE entity_records; --";
    const [eq, gt, inList] = compile("sqlite", {
      name: evil,
      price: { operator: "gt", value: 5 },
      ok: { operator: "in", value: [true, false] },
    });
    expect(eq).toEqual({ text: "json_extract(data, ?) = ?", params: ['$."name"', evil] });
    expect(gt).toEqual({ text: "CAST(json_extract(data, ?) AS REAL) > ?", params: ['$."price"', 5] });
    expect(inList).toEqual({ text: "json_extract(data, ?) IN (?, ?)", params: ['$."ok"', 1, 0] });
  });

  it("writes the PostgreSQL forms: ->> with casts, LIKE/ILIKE with an escape", () => {
    const [gt, like, ok] = compile("postgres", { price: { operator: "gt", value: 5 }, name: { operator: "ilike", value: "a%" }, ok: true });
    expect(gt).toEqual({ text: "CAST((data::jsonb ->> ?) AS DOUBLE PRECISION) > ?", params: ["price", 5] });
    expect(like).toEqual({ text: "(data::jsonb ->> ?) ILIKE ? ESCAPE '\\'", params: ["name", "a%"] });
    expect(ok).toEqual({ text: "CAST(CAST((data::jsonb ->> ?) AS BOOLEAN) AS INTEGER) = ?", params: ["ok", 1] });
  });

  it("orders by a data field with missing values last", () => {
    const issues: ValidationIssue[] = [];
    expect(compileOrder("sqlite", "price", "asc", fields, issues)).toEqual({
      text: "CAST(json_extract(data, ?) AS REAL) ASC NULLS LAST, created_at ASC, id ASC",
      params: ['$."price"'],
    });
    expect(compileOrder("sqlite", "updated_at", "desc", fields, issues).text).toBe("updated_at DESC, id DESC");
    expect(issues).toEqual([]);
  });
});
