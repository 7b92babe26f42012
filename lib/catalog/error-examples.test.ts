import { describe, expect, it } from "vitest";
import { ErrorResponse, ValidationErrorResponse } from "./errors";
import { errorExamples } from "./error-examples";
import { endpoints, getEndpoint } from "./index";

describe("errorExamples", () => {
  it("gives one example per error status, in the error table's order, with a valid error body", () => {
    for (const e of endpoints) {
      const examples = errorExamples(e);
      expect(
        examples.map((x) => x.status),
        e.id,
      ).toEqual([...new Set(e.errors.map((x) => x.status))]);
      for (const x of examples) {
        const schema = x.status === 422 ? ValidationErrorResponse : ErrorResponse;
        expect(schema.safeParse(x.body).success, `${e.id} ${x.status}`).toBe(true);
      }
    }
  });

  it("shows the documented reason first and counts the others", () => {
    const login = getEndpoint("authentication.login")!;
    const unauthorized = errorExamples(login).find((x) => x.status === 401)!;
    const documented = login.errors.find((x) => x.status === 401 && x.source === "documented")!;
    expect(unauthorized.body).toEqual({ detail: documented.detail });
    const others = login.errors.filter((x) => x.status === 401).length - 1;
    expect(unauthorized.title).toBe(`${documented.detail} (or ${others} other reasons, see Errors)`);
  });
});
