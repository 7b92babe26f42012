import { describe, expect, it } from "vitest";
import { z } from "zod";
import { endpoints } from "./index";
import { HTTP_URL_MESSAGE } from "./primitives";

/**
 * Every URL a request carries (return_to, success_url, cancel_url, redirect_uri, avatar_url, logo_url, ...) is http(s)
 * only in the catalog itself, so the OpenAPI document, the console's checks and the sandbox refuse a `javascript:` or
 * `data:` URL alike.
 */
const URL_FIELD = /(^|_)(url|uri|return_to|redirect|callback|webhook|link)$/;

const urlFields = endpoints.flatMap((e) =>
  [
    ["query", e.query],
    ["body", e.body?.schema],
  ].flatMap(([where, schema]) =>
    schema instanceof z.ZodObject
      ? Object.entries(schema.shape as Record<string, z.ZodType>)
          .filter(([name]) => URL_FIELD.test(name))
          .map(([name, field]) => [`${e.id} ${String(where)}.${name}`, field] as const)
      : [],
  ),
);

describe("URL fields of requests", () => {
  it("are found (the list below is not empty by accident)", () => {
    expect(urlFields.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "authentication.register body.return_to",
        "authentication.google-url query.redirect_uri",
        "subscriptions.create-checkout body.success_url",
        "users.update-user body.avatar_url",
        "organizations.update body.logo_url",
      ]),
    );
  });

  it.each(urlFields)("%s takes http(s) only", (_name, field) => {
    for (const bad of [
      "javascript:alert(document.domain)//",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "not a url",
    ]) {
      expect(field.safeParse(bad).success, bad).toBe(false);
    }
    const scheme = field.safeParse("javascript:alert(1)");
    expect(scheme.error?.issues.map((i) => i.message)).toEqual([HTTP_URL_MESSAGE]);
    expect(field.safeParse("https://app.example.com/back?x=1").success).toBe(true);
    expect(field.safeParse("http://localhost:5173/").success).toBe(true);
    // OpenAPI readers see the rule too.
    expect(z.toJSONSchema(field, { io: "input" })).toMatchObject({
      format: "uri",
      pattern: "^[Hh][Tt][Tt][Pp][Ss]?://",
    });
  });
});
