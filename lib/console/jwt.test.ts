import { describe, expect, it } from "vitest";
import { decodeToken, describeExpiry, isExpired, tokensIn } from "./jwt";

const b64url = (s: string) => Buffer.from(s).toString("base64url");
const jwt = (payload: object) => `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.sig`;

describe("jwt", () => {
  it("reads exp (seconds) as epoch milliseconds and the subject", () => {
    expect(decodeToken(jwt({ sub: "u-1", exp: 1_700_000_000 }))).toEqual({
      expiresAt: 1_700_000_000_000,
      subject: "u-1",
    });
  });

  it("decodes UTF-8 payloads with base64url characters", () => {
    expect(decodeToken(jwt({ sub: "ünïcødé?>>", exp: 1 }))?.subject).toBe("ünïcødé?>>");
  });

  it("returns null for things that are not JWTs and unknown expiry when exp is missing", () => {
    expect(decodeToken("pk_live_abc")).toBeNull();
    expect(decodeToken("a.!!!.c")).toBeNull();
    expect(decodeToken(jwt({ sub: "x" }))).toEqual({ expiresAt: null, subject: "x" });
  });

  it("tells expired from valid tokens", () => {
    const t = jwt({ exp: 1000 });
    expect(isExpired(t, 999_999)).toBe(false);
    expect(isExpired(t, 1_000_000)).toBe(true);
    expect(isExpired("not-a-jwt", Date.now())).toBe(false);
  });

  it("describes the time left or since expiry", () => {
    expect(describeExpiry(3_600_000, 2_000)).toBe("expires in 59 min 58 s");
    expect(describeExpiry(10_000, 190_000)).toBe("expired 3 min 0 s ago");
    expect(describeExpiry(7_500_000, 0)).toBe("expires in 2 h 5 min");
    expect(describeExpiry(null, 0)).toBe("no expiry in the token");
  });

  it("finds tokens in login, register and refresh answers only", () => {
    expect(tokensIn({ access_token: "a", refresh_token: "r", token_type: "Bearer" })).toEqual({
      accessToken: "a",
      refreshToken: "r",
    });
    expect(tokensIn({ access_token: "a" })).toEqual({ accessToken: "a", refreshToken: null });
    expect(tokensIn({ message: "check your email", verification_required: true })).toBeNull();
    expect(tokensIn("text")).toBeNull();
  });
});
