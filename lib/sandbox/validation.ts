import type { z } from "zod";
import { toValidationIssues, type Location } from "@/lib/catalog/validation-issues";
import { ApiError } from "./errors";

export { toValidationIssues, type Location, type ValidationIssue } from "@/lib/catalog/validation-issues";

/** Parses `input` with `schema`, or throws the 422 answer. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: Location): z.output<S> {
  // reportInput: zod 4 leaves `input` off issues otherwise, and a missing field is told apart by it.
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new ApiError(422, toValidationIssues(result.error, where));
  return result.data;
}

/** Query string → object; a repeated key becomes an array. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Multipart form → object (File or string values); a repeated field becomes an array. */
export function formDataToObject(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [k, v] of form.entries()) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
