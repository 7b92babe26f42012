import { describe, expect, it } from "vitest";
import { getEndpoint } from "@/lib/catalog";
import { bodyWithToken, mailTokenTarget, nextStep } from "./next-step";

describe("mailTokenTarget", () => {
  it("names a catalog endpoint with a token field for every mail kind", () => {
    for (const kind of ["verification", "password_reset", "invitation"]) {
      const id = mailTokenTarget(kind);
      const e = id ? getEndpoint(id) : undefined;
      expect(e, kind).toBeDefined();
      const example = e?.body?.examples[0]?.value as Record<string, unknown> | undefined;
      expect(example && "token" in example, kind).toBe(true);
    }
    expect(mailTokenTarget("verification")).toBe("authentication.verify-email");
  });
  it("is null for unknown kinds, including inherited property names", () => {
    expect(mailTokenTarget("toString")).toBeNull();
    expect(mailTokenTarget("newsletter")).toBeNull();
  });
});

describe("bodyWithToken", () => {
  it("replaces the example's token and keeps its other fields", () => {
    expect(bodyWithToken({ token: "reset-token-from-email", new_password: "NewSecurePass123" }, "abc")).toEqual({
      token: "abc",
      new_password: "NewSecurePass123",
    });
    expect(bodyWithToken(undefined, "abc")).toEqual({ token: "abc" });
  });
});

describe("nextStep", () => {
  const tokens = { access_token: "a.b.c", refresh_token: "r", token_type: "bearer" };
  it("offers the tokens of a successful register, login or refresh", () => {
    expect(nextStep("authentication.login", 200, tokens)).toEqual({
      kind: "tokens",
      accessToken: "a.b.c",
      refreshToken: "r",
    });
    expect(nextStep("authentication.register", 201, tokens)).toEqual({
      kind: "tokens",
      accessToken: "a.b.c",
      refreshToken: "r",
    });
    expect(
      nextStep("authentication.register", 201, { message: "check your mail", verification_required: true }),
    ).toBeNull();
    expect(nextStep("authentication.login", 401, tokens)).toBeNull();
    expect(nextStep("users.me", 200, tokens)).toBeNull();
  });
  it("makes a new organization's id the next X-Organization-Id", () => {
    expect(nextStep("organizations.create", 201, { id: "org-1", name: "My Company" })).toEqual({
      kind: "organization",
      id: "org-1",
      name: "My Company",
    });
    expect(nextStep("organizations.create", 409, { id: "org-1" })).toBeNull();
  });
});
