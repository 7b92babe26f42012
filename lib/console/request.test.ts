import { describe, expect, it } from "vitest";
import { getEndpoint, type Endpoint } from "@/lib/catalog";
import { buildRequest, defaultKey, EMPTY_CREDENTIALS, fetchInit, headerPreview, type RequestDraft } from "./request";

const endpoint = (id: string): Endpoint => {
  const e = getEndpoint(id);
  if (!e) throw new Error(id);
  return e;
};
const draft = (over: Partial<RequestDraft> = {}): RequestDraft => ({
  pathParams: {},
  query: {},
  bodyText: "",
  formFields: {},
  files: {},
  key: "public",
  sendToken: true,
  ...over,
});
const creds = {
  ...EMPTY_CREDENTIALS,
  publicKey: "pk_live_abc",
  secretKey: "sk_live_xyz",
  accessToken: "tok.en.x",
  organizationId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
};
const ORG = "3f2b8c1e-1111-4a4a-8b8b-123456789abc";

describe("buildRequest", () => {
  it("substitutes path parameters percent-encoded and validates them with the catalog schema", () => {
    const e = endpoint("organizations.get");
    const bad = buildRequest(e, draft({ pathParams: { organization_id: "not a uuid/x" } }), creds);
    expect(bad.ok).toBe(false);
    expect(bad.errors).toContainEqual({ loc: "path.organization_id", message: "Input should be a valid UUID" });
    const forced = buildRequest(e, draft({ pathParams: { organization_id: "not a uuid/x" } }), creds, { force: true });
    expect(forced.ok && forced.request.path).toBe("/v1/organizations/not%20a%20uuid%2Fx");
    const good = buildRequest(e, draft({ pathParams: { organization_id: ORG } }), creds);
    expect(good.ok && good.request.pathAndQuery).toBe(`/v1/organizations/${ORG}`);
  });

  it("reports a missing path parameter as required", () => {
    const r = buildRequest(endpoint("organizations.get"), draft(), creds);
    expect(r.errors).toContainEqual({ loc: "path.organization_id", message: "Field required" });
  });

  it("puts entered query values in the catalog's order, encoded, and keeps typed values for the SDK", () => {
    const e = endpoint("users.list-users");
    const r = buildRequest(
      e,
      draft({ key: "secret", query: { per_page: "5", page: "2", include_inactive: "" } }),
      creds,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.pathAndQuery).toBe("/v1/users?page=2&per_page=5");
    expect(r.request.typedQuery).toEqual({ page: 2, per_page: 5 });
    const file = new File(["x"], "a.txt");
    const u = buildRequest(
      endpoint("files.upload-file"),
      draft({ files: { file }, query: { description: "a&b c/é" } }),
      creds,
    );
    expect(u.ok && u.request.pathAndQuery).toBe("/v1/user/files?description=a%26b%20c%2F%C3%A9");
  });

  it("rejects a query value the schema refuses", () => {
    const r = buildRequest(endpoint("users.list-users"), draft({ key: "secret", query: { per_page: "500" } }), creds);
    expect(r.errors).toContainEqual({ loc: "query.per_page", message: "Input should be less than or equal to 100" });
  });

  it("sends the chosen key, the token and X-Organization-Id, then Content-Type for JSON", () => {
    const e = endpoint("entities.create-schema");
    const body = JSON.stringify({
      name: "Products",
      slug: "products",
      fields_definition: { name: { type: "string", required: true } },
    });
    const r = buildRequest(e, draft({ key: "secret", bodyText: body }), creds);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.headers).toEqual([
      { name: "X-API-Key", value: "sk_live_xyz" },
      { name: "Authorization", value: "Bearer tok.en.x" },
      { name: "X-Organization-Id", value: creds.organizationId },
      { name: "Content-Type", value: "application/json" },
    ]);
    expect(r.request.keyKind).toBe("secret");
    expect(r.request.usedToken).toBe(true);
  });

  it("maps body schema errors to field paths and does not build the request", () => {
    const r = buildRequest(
      endpoint("authentication.register"),
      draft({ bodyText: JSON.stringify({ email: "nope", password: "short" }) }),
      creds,
    );
    expect(r.ok).toBe(false);
    expect(r.errors).toContainEqual({ loc: "body.email", message: "value is not a valid email address" });
    expect(r.errors.some((x) => x.loc === "body.password")).toBe(true);
  });

  it("says when the body is not JSON", () => {
    const r = buildRequest(endpoint("authentication.login"), draft({ bodyText: "{email:" }), creds);
    expect(r.errors[0]?.loc).toBe("body");
    expect(r.errors[0]?.message).toMatch(/^Not valid JSON/);
  });

  it("asks for missing credentials before sending", () => {
    const r = buildRequest(endpoint("authentication.me"), draft(), EMPTY_CREDENTIALS);
    expect(r.errors.map((x) => x.loc)).toEqual(["header.X-API-Key", "header.Authorization"]);
    const org = buildRequest(endpoint("entities.list-schemas"), draft({ key: "secret" }), {
      ...creds,
      organizationId: "",
    });
    expect(org.errors.map((x) => x.loc)).toEqual(["header.X-Organization-Id"]);
  });

  it("sends no key to endpoints that take none, and leaves the optional token off when asked", () => {
    const r = buildRequest(
      endpoint("authentication.verify-email-with-token"),
      draft({ key: "public", bodyText: '{"token":"t"}' }),
      creds,
    );
    expect(r.ok && r.request.headers.map((h) => h.name)).toEqual(["Content-Type"]);
    const u = buildRequest(
      endpoint("users.get-user"),
      draft({ pathParams: { user_id: ORG }, sendToken: false }),
      creds,
    );
    expect(u.ok && u.request.usedToken).toBe(false);
  });

  it("builds multipart bodies from the picked file and validates that one was picked", () => {
    const e = endpoint("files.upload-file");
    const none = buildRequest(e, draft(), creds);
    expect(none.errors).toContainEqual({ loc: "body.file", message: "Field required" });
    const file = new File(["hello"], "notes.txt", { type: "text/plain" });
    const r = buildRequest(e, draft({ files: { file }, query: { description: "My notes" } }), creds);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.headers.map((h) => h.name)).toEqual(["X-API-Key", "Authorization"]);
    const init = fetchInit(r.request);
    expect(init.body).toBeInstanceOf(FormData);
    expect((init.body as FormData).get("file")).toBeInstanceOf(File);
    expect(init.credentials).toBe("omit");
  });
});

describe("defaultKey", () => {
  it("prefers an entered public key, then the secret key, then what the endpoint accepts", () => {
    expect(defaultKey(endpoint("authentication.login"), creds)).toBe("public");
    expect(defaultKey(endpoint("authentication.login"), { ...creds, publicKey: "" })).toBe("secret");
    expect(defaultKey(endpoint("entities.list-schemas"), creds)).toBe("secret");
    expect(defaultKey(endpoint("authentication.verify-email-with-token"), creds)).toBe("none");
  });
});

describe("headerPreview", () => {
  it("lists what each needed header will carry, secrets shortened, and flags what is missing", () => {
    const e = endpoint("entities.create-schema");
    const d = { ...draft({ key: "secret" }), key: null };
    expect(headerPreview(e, d, { ...creds, secretKey: "sk_live_0123456789abcdef" })).toEqual([
      { name: "X-API-Key", value: "sk_live_0123…", ok: true },
      { name: "Authorization", value: "Bearer tok.en.x", ok: true },
      { name: "X-Organization-Id", value: creds.organizationId, ok: true },
      { name: "Content-Type", value: "application/json", ok: true },
    ]);
    expect(headerPreview(endpoint("authentication.me"), d, EMPTY_CREDENTIALS)).toEqual([
      { name: "X-API-Key", value: "no public key entered", ok: false },
      { name: "Authorization", value: "no access token yet", ok: false },
    ]);
    expect(headerPreview(endpoint("users.get-user"), { ...d, sendToken: false }, creds)[1]).toEqual({
      name: "Authorization",
      value: "not sent (optional)",
      ok: true,
    });
  });
});
