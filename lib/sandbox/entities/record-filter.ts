import type { FilterOperator } from "@/lib/catalog/schemas/entity-record";
import type { FieldType } from "@/lib/catalog/schemas/entity-schema";
import type { RecordIndex } from "../db/record-indexes";
import {
  bool,
  json,
  jsonFolded,
  jsonValue,
  type Dialect,
  type SqlFragment,
  type SqlValue,
  type ValueKind,
} from "../db/sql";
import type { ValidationIssue } from "../validation";
import type { FieldsDefinition } from "./record-validator";

/**
 * Record search → SQL: every filter and data-field ordering becomes a condition on the `data` JSON
 * column through the dialect's json() helper, with the field name a literal of the SQL text (so the schema's
 * expression indexes apply) and every value bound as a parameter. Field names are checked against the schemas' fields first.
 */

/** How a field's values compare: numbers numerically, booleans as 1/0, everything else as text. */
export type FieldKind = ValueKind;
/** Field name → kind; "mixed" when the organization's schemas give one field different kinds. */
export type SearchableFields = ReadonlyMap<string, FieldKind | "mixed">;

type Scalar = string | number | boolean | null;
export type FilterValue = Scalar | { operator: FilterOperator; value: Scalar | Scalar[] };
export type OrderDir = "asc" | "desc";

export const fieldKind = (type: FieldType): FieldKind =>
  type === "integer" || type === "float" ? "number" : type === "boolean" ? "boolean" : "text";

/** A schema's fields as its record indexes (db/record-indexes.ts) take them. */
export const indexedFieldsOf = (fields: FieldsDefinition): { name: string; kind: FieldKind; fewValues: boolean }[] =>
  Object.entries(fields).map(([name, def]) => ({
    name,
    kind: fieldKind(def.type),
    fewValues: def.type === "enum" || def.type === "boolean",
  }));

/** The fields a search may use: those of one schema, or of all the organization's schemas. */
export function searchableFields(definitions: readonly FieldsDefinition[]): SearchableFields {
  const out = new Map<string, FieldKind | "mixed">();
  for (const fields of definitions) {
    for (const [name, def] of Object.entries(fields)) {
      const kind = fieldKind(def.type);
      const seen = out.get(name);
      out.set(name, seen === undefined || seen === kind ? kind : "mixed");
    }
  }
  return out;
}

const issue = (loc: (string | number)[], msg: string, type = "value_error"): ValidationIssue => ({ loc, msg, type });

const frag = (text: string, ...parts: (SqlFragment | SqlValue)[]): SqlFragment => ({
  text,
  params: parts.flatMap((p) => (p !== null && typeof p === "object" && "text" in p ? p.params : [p])),
});

/** The field's value as SQL compares it (the very expression the schema's record indexes hold). */
const valueExpr = (dialect: Dialect, field: string, kind: FieldKind): SqlFragment =>
  jsonValue(dialect, "data", field, kind);

/** A LIKE pattern (% and _ wildcards, \ escapes) as the case-sensitive GLOB pattern SQLite needs (its LIKE ignores ASCII case). */
export function likeToGlob(pattern: string): string {
  const literal = (c: string) => (c === "*" || c === "?" || c === "[" ? `[${c}]` : c);
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) out += literal(pattern[++i]!);
    else out += c === "%" ? "*" : c === "_" ? "?" : literal(c);
  }
  return out;
}

/**
 * The text every match of a LIKE pattern starts with: its characters up to the first unescaped % or _ (`\x` stands for
 * x, a trailing `\` for itself, as likeToGlob reads them). It ends before a NUL (where SQLite's LIKE and GLOB end the
 * pattern) and before a lone surrogate (bound as U+FFFD, so a range computed from it would miss the pattern's matches).
 */
export function likePrefix(pattern: string): string {
  const chars = [...pattern];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i]!;
    if (c === "%" || c === "_") break;
    if (c === "\\" && i + 1 < chars.length) c = chars[++i]!;
    if (c === "\0" || /^[\ud800-\udfff]$/.test(c)) break;
    out += c;
  }
  return out;
}

/** Lowercases A–Z only, as SQLite's lower() and its LIKE do. */
export const foldAscii = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * A string above every string that starts with `prefix` in SQLite's BINARY order (UTF-8 bytes, i.e. code points):
 * the prefix with its last code point incremented (a last U+10FFFF dropped first); undefined when there is none.
 */
export function prefixEnd(prefix: string): string | undefined {
  const chars = [...prefix];
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    // After U+D7FF comes U+E000: surrogates are no characters of their own.
    if (last < 0x10ffff) return chars.join("") + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
  }
  return undefined;
}

/**
 * SQLite's limit on a LIKE / GLOB pattern (SQLITE_MAX_LIKE_PATTERN_LENGTH, in bytes): a longer one is an error for every
 * row it is tried on, so a range must not spare it the rows.
 */
const LIKE_PATTERN_BYTES = 50_000;

/**
 * A like / ilike with a literal prefix on a text field (SQLite): the range of that prefix, lowercased, in the field's
 * folded index (db/record-indexes.ts), ANDed with the match itself. Every match's lowercased text starts with the
 * lowercased prefix, so the range holds them all, numbers included (lower() gives their text); the match, checked on
 * the range's entries only, keeps the answer what it was (case, `_`, the rest of the pattern).
 */
function prefixSeek(
  field: string,
  kind: FieldKind,
  pattern: string,
  match: SqlFragment,
  bound: string,
): Seekable | undefined {
  if (kind !== "text" || Buffer.byteLength(bound) > LIKE_PATTERN_BYTES) return undefined;
  const from = foldAscii(likePrefix(pattern));
  const to = prefixEnd(from);
  if (from === "" || to === undefined) return undefined;
  const folded = jsonFolded("sqlite", "data", field);
  return {
    ...frag(`${folded.text} >= ? AND ${folded.text} < ? AND ${match.text}`, folded, from, folded, to, match),
    access: "range",
    index: "folded",
  };
}

const TYPE_ERRORS: Record<FieldKind, { msg: string; type: string }> = {
  number: { msg: "Input should be a valid number", type: "float_type" },
  boolean: { msg: "Input should be a valid boolean", type: "bool_type" },
  text: { msg: "Input should be a valid string", type: "string_type" },
};

/** A non-null filter value as the kind binds it, or an issue. */
function bindValue(
  kind: FieldKind,
  value: Scalar,
  loc: (string | number)[],
  issues: ValidationIssue[],
): SqlValue | undefined {
  if (kind === "number" && typeof value === "number") return value;
  if (kind === "boolean" && typeof value === "boolean") return bool(value);
  if (kind === "text" && typeof value === "string") return value;
  issues.push(issue(loc, TYPE_ERRORS[kind].msg, TYPE_ERRORS[kind].type));
  return undefined;
}

const COMPARISON: Partial<Record<FilterOperator, string>> = { eq: "=", gt: ">", gte: ">=", lt: "<", lte: "<=" };

/** A condition that says which index serves it (otherwise accessOf and the field's value index tell). */
type Seekable = SqlFragment & Pick<FilterCondition, "access" | "index">;

function condition(
  dialect: Dialect,
  field: string,
  kind: FieldKind,
  operator: FilterOperator,
  value: Scalar | Scalar[],
  loc: (string | number)[],
  issues: ValidationIssue[],
): SqlFragment | Seekable | undefined {
  const e = valueExpr(dialect, field, kind);
  if (operator === "in" || operator === "not_in") {
    const list = Array.isArray(value) ? value : [value];
    const bound = list.flatMap((v, i) => (v === null ? [] : [bindValue(kind, v, [...loc, i], issues)]));
    if (bound.some((v) => v === undefined)) return undefined;
    const withNull = list.includes(null);
    if (bound.length === 0) {
      if (operator === "in") return withNull ? frag(`${e.text} IS NULL`, e) : frag("1 = 0");
      return withNull ? frag(`${e.text} IS NOT NULL`, e) : frag("1 = 1");
    }
    const placeholders = bound.map(() => "?").join(", ");
    const values = bound as SqlValue[];
    if (operator === "in") {
      return withNull
        ? frag(`(${e.text} IN (${placeholders}) OR ${e.text} IS NULL)`, e, ...values, e)
        : frag(`${e.text} IN (${placeholders})`, e, ...values);
    }
    // not_in, like ne, also matches records where the field is missing or null (unless null is in the list).
    return withNull
      ? frag(`(${e.text} IS NOT NULL AND ${e.text} NOT IN (${placeholders}))`, e, e, ...values)
      : frag(`(${e.text} IS NULL OR ${e.text} NOT IN (${placeholders}))`, e, e, ...values);
  }
  if (Array.isArray(value)) return undefined; // the catalog's schema already refused a list here
  if (operator === "like" || operator === "ilike") {
    if (kind === "boolean") {
      issues.push(issue([...loc.slice(0, -1), "operator"], `${operator} does not apply to boolean fields`));
      return undefined;
    }
    if (typeof value !== "string") {
      issues.push(issue(loc, "Input should be a valid string (a pattern with % and _)", "string_type"));
      return undefined;
    }
    // The pattern is matched against the value's text, numbers included.
    const raw = json(dialect, "data", field);
    if (dialect === "postgres") {
      if (operator === "like") return frag(`${raw.text} LIKE ? ESCAPE '\\'`, raw, value);
      // ILIKE in a UTF-8 database is LIKE on lower() of both sides: written so, a literal prefix seeks the field's
      // folded index (lower(...) text_pattern_ops, db/record-indexes.ts), as the planner turns LIKE 'abc%' into a range.
      const folded = jsonFolded(dialect, "data", field);
      return frag(`${folded.text} LIKE lower(?) ESCAPE '\\'`, folded, value);
    }
    const bound = operator === "like" ? likeToGlob(value) : value;
    const match =
      operator === "like" ? frag(`${raw.text} GLOB ?`, raw, bound) : frag(`${raw.text} LIKE ? ESCAPE '\\'`, raw, bound);
    return prefixSeek(field, kind, value, match, bound) ?? match;
  }
  if (value === null) {
    if (operator === "eq") return frag(`${e.text} IS NULL`, e);
    if (operator === "ne") return frag(`${e.text} IS NOT NULL`, e);
    issues.push(issue(loc, `${operator} needs a value, not null`));
    return undefined;
  }
  if (kind === "boolean" && operator !== "eq" && operator !== "ne") {
    issues.push(issue([...loc.slice(0, -1), "operator"], `${operator} does not apply to boolean fields`));
    return undefined;
  }
  const bound = bindValue(kind, value, loc, issues);
  if (bound === undefined) return undefined;
  // ne also matches records where the field is missing or null: they are not equal to the value.
  if (operator === "ne") return frag(`(${e.text} IS NULL OR ${e.text} <> ?)`, e, e, bound);
  return frag(`${e.text} ${COMPARISON[operator]} ?`, e, bound);
}

/** Why a field cannot be used, or null when it can. */
function fieldProblem(dialect: Dialect, field: string, kind: FieldKind | "mixed" | undefined): string | null {
  if (kind === undefined) return "Unknown field: it is not in the schema's fields_definition";
  if (kind === "mixed") return "The organization's schemas give this field different types: search with schema_id";
  if (dialect === "sqlite" && field.includes('"'))
    return 'Fields whose name contains " cannot be searched in the sandbox';
  return null;
}

/**
 * How an index on the field can serve a condition: `eq` seeks one value (or a list), `range` seeks an interval (a like /
 * ilike prefix: in the folded index), `scan` reads every entry (ne, not_in, like / ilike without a literal prefix, null
 * tests): from an index that holds the value, never the JSON.
 */
export type IndexAccess = "eq" | "range" | "scan";

/** A condition on one data field. */
export interface FilterCondition extends SqlFragment {
  field: string;
  kind: FieldKind;
  access: IndexAccess;
  /** Which of the field's record indexes serves `access`: the one led by its value, or by its folded text. */
  index: Exclude<RecordIndex["key"], "pair">;
}

function accessOf(filter: FilterValue): IndexAccess {
  if (filter === null || typeof filter !== "object") return filter === null ? "scan" : "eq";
  const { operator, value } = filter;
  if (operator === "eq") return value === null ? "scan" : "eq";
  if (operator === "in") return Array.isArray(value) && value.length > 0 && !value.includes(null) ? "eq" : "scan";
  return operator === "gt" || operator === "gte" || operator === "lt" || operator === "lte" ? "range" : "scan";
}

/**
 * The search's `query` as SQL conditions (to AND together). `{field: value}` is equality;
 * `{field: {operator, value}}` any of the catalog's operators. Problems are pushed to `issues`
 * with loc ["body", "query", field, ...].
 */
export function compileFilters(
  dialect: Dialect,
  query: Record<string, FilterValue>,
  fields: SearchableFields,
  issues: ValidationIssue[],
): FilterCondition[] {
  const out: FilterCondition[] = [];
  for (const [field, filter] of Object.entries(query)) {
    const loc = ["body", "query", field];
    const kind = fields.get(field);
    const problem = fieldProblem(dialect, field, kind);
    if (problem || kind === undefined || kind === "mixed") {
      issues.push(issue(loc, problem ?? ""));
      continue;
    }
    const c =
      filter !== null && typeof filter === "object"
        ? condition(dialect, field, kind, filter.operator, filter.value, [...loc, "value"], issues)
        : condition(dialect, field, kind, "eq", filter, loc, issues);
    if (c) out.push({ access: accessOf(filter), index: "value", ...c, field, kind });
  }
  return out;
}

/** ORDER BY created_at / updated_at, or a data field (missing values last); ties broken by creation, then id. */
export function compileOrder(
  dialect: Dialect,
  orderBy: string,
  dir: OrderDir,
  fields: SearchableFields,
  issues: ValidationIssue[],
): SqlFragment {
  const d = dir === "asc" ? "ASC" : "DESC";
  if (orderBy === "created_at" || orderBy === "updated_at") return frag(`${orderBy} ${d}, id ${d}`);
  const kind = fields.get(orderBy);
  const problem = fieldProblem(dialect, orderBy, kind);
  if (problem || kind === undefined || kind === "mixed") {
    issues.push(
      issue(
        ["query", "order_by"],
        kind === undefined
          ? "Order by created_at, updated_at or a field of the schema's fields_definition"
          : (problem ?? ""),
      ),
    );
    return frag(`created_at ${d}, id ${d}`);
  }
  const e = valueExpr(dialect, orderBy, kind);
  return frag(`${e.text} ${d} NULLS LAST, created_at ${d}, id ${d}`, e);
}
