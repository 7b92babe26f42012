import type { z } from "zod";

/**
 * zod issues as the API reports them (FastAPI's 422 list): shared by the console, which checks a request before
 * sending it, and the sandbox, which answers with it.
 */

/** One entry of FastAPI's 422 list. */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export type Location = "body" | "query" | "path" | "header";

const TYPE_NAMES: Record<string, string> = {
  string: "string",
  number: "float",
  int: "int",
  boolean: "bool",
  object: "dict",
  record: "dict",
  array: "list",
  file: "file",
};

const INVALID_TYPE_MSG: Record<string, string> = {
  string: "Input should be a valid string",
  number: "Input should be a valid number",
  int: "Input should be a valid integer",
  boolean: "Input should be a valid boolean",
  object: "Input should be a valid dictionary",
  record: "Input should be a valid dictionary",
  array: "Input should be a valid list",
};

/** Pydantic-style `type` and `msg` for a zod issue, so answers look like the real API's. */
function describe(issue: z.core.$ZodIssue): { type: string; msg: string } {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return { type: "missing", msg: "Field required" };
      return {
        type: `${TYPE_NAMES[issue.expected] ?? issue.expected}_type`,
        msg: INVALID_TYPE_MSG[issue.expected] ?? issue.message,
      };
    case "too_small":
      if (issue.origin === "string")
        return { type: "string_too_short", msg: `String should have at least ${issue.minimum} characters` };
      if (issue.origin === "array" || issue.origin === "set")
        return { type: "too_short", msg: `List should have at least ${issue.minimum} items` };
      return issue.inclusive
        ? { type: "greater_than_equal", msg: `Input should be greater than or equal to ${issue.minimum}` }
        : { type: "greater_than", msg: `Input should be greater than ${issue.minimum}` };
    case "too_big":
      if (issue.origin === "string")
        return { type: "string_too_long", msg: `String should have at most ${issue.maximum} characters` };
      if (issue.origin === "array" || issue.origin === "set")
        return { type: "too_long", msg: `List should have at most ${issue.maximum} items` };
      if (issue.origin === "file") return { type: "value_error", msg: issue.message };
      return issue.inclusive
        ? { type: "less_than_equal", msg: `Input should be less than or equal to ${issue.maximum}` }
        : { type: "less_than", msg: `Input should be less than ${issue.maximum}` };
    case "invalid_format":
      if (issue.format === "email") return { type: "value_error", msg: "value is not a valid email address" };
      if (issue.format === "uuid") return { type: "uuid_parsing", msg: "Input should be a valid UUID" };
      if (issue.format === "url") return { type: "url_parsing", msg: "Input should be a valid URL" };
      if (issue.format === "datetime") return { type: "datetime_parsing", msg: "Input should be a valid datetime" };
      if (issue.format === "regex") return { type: "string_pattern_mismatch", msg: issue.message };
      return { type: "value_error", msg: issue.message };
    case "invalid_value":
      return {
        type: issue.values.length === 1 ? "literal_error" : "enum",
        msg: `Input should be ${issue.values
          .map((v) => `'${String(v)}'`)
          .join(", ")
          .replace(/, ([^,]*)$/, " or $1")}`,
      };
    case "unrecognized_keys":
      return { type: "extra_forbidden", msg: "Extra inputs are not permitted" };
    case "custom":
      // A refinement may name its pydantic type (httpUrl: url_scheme).
      return { type: typeof issue.params?.type === "string" ? issue.params.type : "value_error", msg: issue.message };
    default:
      return { type: "value_error", msg: issue.message };
  }
}

/** The issue says the value is of a type the schema (or every branch of a union) does not take at all. */
const refusesType = (i: z.core.$ZodIssue): boolean =>
  i.path.length === 0 &&
  (i.code === "invalid_type" || (i.code === "invalid_union" && i.errors.every((b) => b.every(refusesType))));

/**
 * A union that failed in one branch only for what is inside the value (the others refused its very type) is told by
 * that branch's issues, so "List should have at most 1000 items" reaches the client rather than "Invalid input".
 */
function flatten(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  const inner = issue.errors.filter((branch) => !branch.every(refusesType));
  if (inner.length !== 1) return [issue];
  return inner[0]!.flatMap((i) => flatten({ ...i, path: [...issue.path, ...i.path] }));
}

/** zod issues → FastAPI's 422 list, each `loc` prefixed with where the value came from. */
export function toValidationIssues(error: z.ZodError, where: Location): ValidationIssue[] {
  return error.issues.flatMap(flatten).map((issue) => {
    const { type, msg } = describe(issue);
    return { loc: [where, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))], msg, type };
  });
}
