import { describe, expect, it } from "vitest";
import { catalogPath, sandboxPath } from "./endpoint-paths";

describe("endpoint paths of the sandbox's pages", () => {
  it("come from the catalog; an unknown id is a type error, and throws", () => {
    expect(catalogPath("authentication.login")).toBe("/v1/auth/login");
    expect(sandboxPath("authentication.verify-email-with-token")).toBe("/sandbox/v1/auth/verify-email-with-token");
    expect(sandboxPath("organizations.get-invitation")).toBe(
      "/sandbox/v1/organizations/invitations/{invitation_token}",
    );
    // @ts-expect-error "nope.nope" is not a catalog endpoint id
    expect(() => catalogPath("nope.nope")).toThrow("No catalog endpoint nope.nope");
    // @ts-expect-error "nope.nope" is not a catalog endpoint id
    expect(() => sandboxPath("nope.nope")).toThrow();
  });
});
