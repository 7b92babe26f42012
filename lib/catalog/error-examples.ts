import { VALIDATION_EXAMPLE } from "./errors";
import type { Endpoint } from "./types";

export interface ErrorExample {
  status: number;
  /** What the example shows, e.g. "Invalid email or password", plus how many other reasons answer the same status. */
  title: string;
  /** The answer's body: `{"detail": "..."}`, or FastAPI's list of field errors for 422. */
  body: unknown;
}

/**
 * One example answer per error status the endpoint documents or implies, in the order of its error table.
 * The example is the documented reason when there is one (the one the reader is likeliest to meet).
 */
export function errorExamples(e: Endpoint): ErrorExample[] {
  const statuses = [...new Set(e.errors.map((x) => x.status))];
  return statuses.map((status) => {
    const all = e.errors.filter((x) => x.status === status);
    const first = all.find((x) => x.source === "documented") ?? all[0]!;
    const others = all.length - 1;
    const body = status === 422 ? VALIDATION_EXAMPLE : { detail: first.detail };
    const reason = status === 422 ? "A field is missing or invalid" : first.detail;
    return {
      status,
      title: others > 0 ? `${reason} (or ${others} other ${others === 1 ? "reason" : "reasons"}, see Errors)` : reason,
      body,
    };
  });
}
