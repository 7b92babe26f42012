import { describe, expect, it } from "vitest";
import { detailOf, explain, retryAfterSeconds, statusText, type Outcome } from "./explain";

const b64url = (s: string) => Buffer.from(s).toString("base64url");
const token = (exp: number) => `${b64url("{}")}.${b64url(JSON.stringify({ exp }))}.sig`;
const http = (over: Partial<Extract<Outcome, { kind: "http" }>>): Outcome => ({
  kind: "http",
  status: 200,
  body: null,
  retryAfter: null,
  sentToken: null,
  fromProxy: false,
  now: 1_000_000,
  ...over,
});

describe("explain", () => {
  it("tells a network or CORS failure apart from an API error", () => {
    const e = explain({ kind: "network", message: "Failed to fetch", viaProxy: false, environmentLabel: "Sandbox" });
    expect(e.title).toBe("The request did not get an answer");
    expect(e.text).toMatch(/CORS/);
    expect(e.text).toMatch(/not an API error/);
    expect(explain({ kind: "network", message: "x", viaProxy: true, environmentLabel: "Live API" }).text).toMatch(
      /console proxy for Live API/,
    );
  });

  it("explains a 401 with an expired token and offers to refresh it", () => {
    const e = explain(http({ status: 401, body: { detail: "Could not validate credentials" }, sentToken: token(900) }));
    expect(e.text).toMatch(/access token has expired/);
    expect(e.action).toBe("refresh-token");
    const fresh = explain(
      http({ status: 401, body: { detail: "Could not validate credentials" }, sentToken: token(5000) }),
    );
    expect(fresh.action).toBeUndefined();
    expect(fresh.text).toMatch(/access token was not accepted/);
    expect(explain(http({ status: 401, body: { detail: "Invalid email or password" } })).text).toBe(
      "Authentication failed: the API key or the credentials in the body were refused. The API says: “Invalid email or password”.",
    );
    expect(explain(http({ status: 401, body: { detail: "Not authenticated" } })).text).toMatch(
      /No access token was sent/,
    );
  });

  it("says when to retry after a 429", () => {
    const e = explain(http({ status: 429, body: { detail: "Too many requests" }, retryAfter: "42" }));
    expect(e.tone).toBe("warning");
    expect(e.text).toMatch(/Retry in 42 s/);
    expect(retryAfterSeconds(new Date(1_000_000 + 10_500).toUTCString(), 1_000_000)).toBe(10);
    expect(retryAfterSeconds("soon", 0)).toBeNull();
  });

  it("lists FastAPI's 422 field errors", () => {
    const e = explain(
      http({
        status: 422,
        body: { detail: [{ loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error" }] },
      }),
    );
    expect(e.fieldErrors).toEqual([{ loc: "body.email", message: "value is not a valid email address" }]);
    expect(e.text).toMatch(/1 field error/);
    expect(explain(http({ status: 422, body: { detail: "X-Organization-Id header is required" } })).text).toMatch(
      /X-Organization-Id header is required/,
    );
  });

  it("quotes the API's detail and names the proxy when it answered itself", () => {
    expect(explain(http({ status: 404, body: { detail: "Organization not found" } })).text).toMatch(
      /“Organization not found”/,
    );
    expect(explain(http({ status: 502, body: { detail: "Upstream unreachable" }, fromProxy: true })).text).toMatch(
      /console proxy answered/,
    );
    expect(explain(http({ status: 201 })).tone).toBe("success");
  });

  it("names statuses", () => {
    expect(statusText(429)).toBe("Too Many Requests");
    expect(statusText(418)).toBe("Client error");
    expect(detailOf({ nope: 1 })).toEqual({ text: null, fieldErrors: [] });
  });
});
