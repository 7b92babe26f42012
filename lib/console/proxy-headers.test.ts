import { describe, expect, it } from "vitest";
import { forwardRequestHeaders, forwardResponseHeaders } from "./proxy-headers";

describe("forwardRequestHeaders", () => {
  it("keeps the allow-list only: no cookies, origin, referer, forwarding or hop-by-hop headers", () => {
    const out = forwardRequestHeaders(
      new Headers({
        Accept: "application/json",
        "Content-Type": "multipart/form-data; boundary=xyz",
        Authorization: "Bearer t",
        "X-API-Key": "pk_live_1",
        "X-Organization-Id": "org",
        "Last-Event-ID": "7",
        "Idempotency-Key": "k",
        Cookie: "session=1",
        Origin: "http://portal.test",
        Referer: "http://portal.test/console",
        "X-Forwarded-For": "10.0.0.1",
        Host: "portal.test",
        "Transfer-Encoding": "chunked",
        "User-Agent": "browser",
      }),
    );
    expect(Object.fromEntries(out)).toEqual({
      accept: "application/json",
      "content-type": "multipart/form-data; boundary=xyz",
      authorization: "Bearer t",
      "x-api-key": "pk_live_1",
      "x-organization-id": "org",
      "last-event-id": "7",
      "idempotency-key": "k",
    });
  });

  it("drops an allowed header the Connection header names as hop-by-hop", () => {
    const out = forwardRequestHeaders(
      new Headers({ Connection: "keep-alive, X-API-Key", "X-API-Key": "pk_live_1", Accept: "*/*" }),
    );
    expect(out.has("x-api-key")).toBe(false);
    expect(out.get("accept")).toBe("*/*");
  });
});

describe("forwardResponseHeaders", () => {
  it("passes the API's headers except cookies, CORS, origin-wide policies, hop-by-hop and undone framing, and marks the answer", () => {
    const upstream = new Headers({
      "Content-Type": "text/event-stream",
      "Content-Disposition": 'attachment; filename="a.pdf"',
      "Retry-After": "30",
      "X-RateLimit-Remaining": "0",
      Location: "/v1/next",
      "Cache-Control": "max-age=600",
      Connection: "close, X-Secret-Hop",
      "X-Secret-Hop": "1",
      "Keep-Alive": "timeout=5",
      "Transfer-Encoding": "chunked",
      "Content-Encoding": "gzip",
      "Content-Length": "12",
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Expose-Headers": "X-RateLimit-Remaining",
      "Strict-Transport-Security": "max-age=63072000",
      "Alt-Svc": 'h3=":443"',
      "Clear-Site-Data": '"*"',
    });
    upstream.append("Set-Cookie", "a=1");
    upstream.append("Set-Cookie", "b=2");
    expect(Object.fromEntries(forwardResponseHeaders(upstream))).toEqual({
      "content-type": "text/event-stream",
      "content-disposition": 'attachment; filename="a.pdf"',
      "retry-after": "30",
      "x-ratelimit-remaining": "0",
      location: "/v1/next",
      "cache-control": "no-store",
      "x-console-proxy": "1",
    });
  });
});
