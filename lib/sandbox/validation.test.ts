import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./errors";
import { parseOrThrow, searchParamsToObject } from "./validation";

function issues(schema: z.ZodType, input: unknown, where: "body" | "query" = "body") {
  try {
    parseOrThrow(schema, input, where);
  } catch (e) {
    if (e instanceof ApiError) return e.detail;
  }
  return [];
}

describe("zod issues → FastAPI 422 items", () => {
  const schema = z.object({
    name: z.string().min(2).max(4),
    age: z.number().int().min(0),
    role: z.enum(["admin", "member"]),
    tags: z.array(z.string()).optional(),
  });

  it("missing vs wrong type, lengths, bounds, enums and nested list positions", () => {
    expect(issues(schema, { age: "x", role: "owner", tags: ["a", 1] })).toEqual([
      { loc: ["body", "name"], msg: "Field required", type: "missing" },
      { loc: ["body", "age"], msg: "Input should be a valid number", type: "float_type" },
      { loc: ["body", "role"], msg: "Input should be 'admin' or 'member'", type: "enum" },
      { loc: ["body", "tags", 1], msg: "Input should be a valid string", type: "string_type" },
    ]);
    expect(issues(schema, { name: "a", age: -1, role: "admin" })).toEqual([
      { loc: ["body", "name"], msg: "String should have at least 2 characters", type: "string_too_short" },
      { loc: ["body", "age"], msg: "Input should be greater than or equal to 0", type: "greater_than_equal" },
    ]);
  });

  it("query strings keep repeated keys as lists", () => {
    expect(searchParamsToObject(new URLSearchParams("a=1&b=2&a=3"))).toEqual({ a: ["1", "3"], b: "2" });
    expect(issues(z.object({ limit: z.coerce.number().int().max(100) }), { limit: "500" }, "query")).toEqual([
      { loc: ["query", "limit"], msg: "Input should be less than or equal to 100", type: "less_than_equal" },
    ]);
  });
});
