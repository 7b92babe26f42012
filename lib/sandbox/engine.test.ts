import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { endpoints, type Endpoint } from "@/lib/catalog";
import { issueSession, revokeSession } from "./auth/sessions";
import { handleSandboxRequest } from "./engine";
import { defineHandler } from "./handlers/define";
import { handlers } from "./handlers/index";
import { getStore } from "./store";
import type { TenantRow } from "./tenants";
import { expectMatchesCatalog } from "./testing/catalog";
import { sandboxClient, TEST_ORIGIN, type SandboxClient } from "./testing/client";
import { setupTempDatabase } from "./testing/database";
import { newTenant, newUser } from "./testing/fixtures";

setupTempDatabase();

/** The endpoint's path with every parameter filled by a fresh uuid. */
const concrete = (e: Endpoint) => e.path.replace(/\{\w+\}/g, () => randomUUID());
const keyed = endpoints.filter((e) => e.auth.keys.length > 0);

let tenant: TenantRow;
let other: TenantRow;
let client: SandboxClient;
let token: string;

beforeAll(async () => {
  tenant = await newTenant();
  other = await newTenant();
  client = sandboxClient(tenant);
  token = (await newUser(tenant)).tokens.access_token;
});

async function expectDetail(
  e: Endpoint,
  res: Response,
  status: number,
  detail: string,
  options: { anyDetail?: boolean } = {},
) {
  expect({ id: e.id, status: res.status }).toEqual({ id: e.id, status });
  const body = await expectMatchesCatalog<{ detail: string }>(e.id, res, options);
  expect(body.detail, e.id).toBe(detail);
}

describe("auth rules, for every endpoint of the catalog", () => {
  it.each(keyed.map((e) => [e.id, e] as const))("%s: no X-API-Key → 401", async (_id, e) => {
    await expectDetail(e, await client.call(e.method, concrete(e), { key: null }), 401, "API key required");
  });

  it.each(keyed.map((e) => [e.id, e] as const))("%s: unknown key → 401", async (_id, e) => {
    await expectDetail(e, await client.call(e.method, concrete(e), { key: "sk_live_nope" }), 401, "Invalid API key");
  });

  it("endpoints without API key never ask for one", async () => {
    const keyless = endpoints.filter((e) => e.auth.keys.length === 0);
    expect(keyless.map((e) => e.id).sort()).toEqual([
      "authentication.google-callback",
      "authentication.verify-email-with-token",
    ]);
    for (const e of keyless) {
      const res = await client.call(e.method, concrete(e), { key: null });
      expect((await res.clone().json()) as unknown, e.id).not.toEqual({ detail: "API key required" });
    }
  });

  const secretOnly = keyed.filter((e) => !e.auth.keys.includes("public"));
  it.each(secretOnly.map((e) => [e.id, e] as const))("%s: public key → 403", async (_id, e) => {
    await expectDetail(
      e,
      await client.call(e.method, concrete(e), { key: "public", token }),
      403,
      "This endpoint requires a secret API key (sk_live_*)",
    );
  });

  const jwtRequired = keyed.filter((e) => e.auth.jwt === "required");
  it.each(jwtRequired.map((e) => [e.id, e] as const))("%s: no access token → 401", async (_id, e) => {
    const res = await client.call(e.method, concrete(e), { key: "secret" });
    await expectDetail(e, res, 401, "Not authenticated");
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
  });

  const jwtAccepted = keyed.filter((e) => e.auth.jwt !== "none");
  it.each(jwtAccepted.map((e) => [e.id, e] as const))("%s: bad access token → 401", async (_id, e) => {
    // The catalog implies this 401 only for jwt "required"; an optional token that is sent is validated too.
    const options = { anyDetail: e.auth.jwt === "optional" };
    await expectDetail(
      e,
      await client.call(e.method, concrete(e), { key: "secret", token: "not.a.jwt" }),
      401,
      "Could not validate credentials",
      options,
    );
  });

  const orgHeader = keyed.filter((e) => e.auth.organizationHeader);
  it.each(orgHeader.map((e) => [e.id, e] as const))(
    "%s: no X-Organization-Id → 422, foreign organization → 403",
    async (_id, e) => {
      await expectDetail(
        e,
        await client.call(e.method, concrete(e), { key: "secret", token }),
        422,
        "X-Organization-Id header is required",
      );
      await expectDetail(
        e,
        await client.call(e.method, concrete(e), { key: "secret", token, org: "not-a-uuid" }),
        422,
        "X-Organization-Id header is required",
      );
      await expectDetail(
        e,
        await client.call(e.method, concrete(e), { key: "secret", token, org: randomUUID() }),
        403,
        "Not a member of this organization",
      );
      // The token is checked before the header (the membership is read with the session): 401 first.
      if (e.auth.jwt === "required") {
        await expectDetail(
          e,
          await client.call(e.method, concrete(e), { key: "secret", token: `${token}x`, org: "not-a-uuid" }),
          401,
          "Could not validate credentials",
        );
      }
    },
  );
});

describe("access tokens", () => {
  const me = endpoints.find((e) => e.id === "authentication.me")!;

  it("are valid only in their own tenant", async () => {
    const foreign = (await newUser(other)).tokens.access_token;
    await expectDetail(
      me,
      await client.call("GET", "/v1/auth/me", { token: foreign }),
      401,
      "Could not validate credentials",
    );
  });

  it("expire after an hour", async () => {
    const later = sandboxClient(tenant, { now: () => new Date(Date.now() + 3601_000) });
    await expectDetail(me, await later.call("GET", "/v1/auth/me", { token }), 401, "Could not validate credentials");
    expect((await client.call("GET", "/v1/auth/me", { token })).status).toBe(200);
  });

  it("are not refresh tokens, and die with their session", async () => {
    const { user, tokens } = await newUser(tenant);
    await expectDetail(
      me,
      await client.call("GET", "/v1/auth/me", { token: tokens.refresh_token }),
      401,
      "Could not validate credentials",
    );
    const session = await issueSession(await getStore(), tenant.id, user.id, new Date());
    expect((await client.call("GET", "/v1/auth/me", { token: session.access_token })).status).toBe(200);
    const sid = JSON.parse(Buffer.from(session.access_token.split(".")[1]!, "base64url").toString()).sid as string;
    await revokeSession(await getStore(), tenant.id, sid, new Date());
    await expectDetail(
      me,
      await client.call("GET", "/v1/auth/me", { token: session.access_token }),
      401,
      "Could not validate credentials",
    );
  });

  it("of an expired tenant answer 401 API key expired, and the tenant is purged", async () => {
    const short = await newTenant({}, new Date(Date.now() - 48 * 3600_000));
    const res = await sandboxClient(short).call("GET", "/v1/auth/providers");
    await expectDetail(
      endpoints.find((e) => e.id === "authentication.providers")!,
      res,
      401,
      "API key expired",
    );
    expect(await (await getStore()).get(`SELECT id FROM tenants WHERE id = ?`, [short.id])).toBeUndefined();
  });
});

describe("routing and validation", () => {
  it("404 for unknown paths, 405 for known paths with another method", async () => {
    const notFound = await client.call("GET", "/v1/nothing-here");
    expect([notFound.status, await notFound.json()]).toEqual([404, { detail: "Not Found" }]);
    const wrongMethod = await client.call("DELETE", "/v1/auth/login");
    expect([wrongMethod.status, await wrongMethod.json()]).toEqual([405, { detail: "Method Not Allowed" }]);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });

  it("malformed JSON → 422 json_invalid at loc body", async () => {
    const res = await client.call("POST", "/v1/auth/login", {
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(422);
    expect(await expectMatchesCatalog("authentication.login", res)).toEqual({
      detail: [{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }],
    });
  });

  it("missing body → 422 missing at loc body; fields → loc body.field", async () => {
    const empty = await client.call("POST", "/v1/auth/login");
    expect(await expectMatchesCatalog("authentication.login", empty)).toEqual({
      detail: [{ loc: ["body"], msg: "Field required", type: "missing" }],
    });
    const partial = await client.call("POST", "/v1/auth/login", { body: { email: "nope" } });
    expect(await expectMatchesCatalog("authentication.login", partial)).toEqual({
      detail: [
        { loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error" },
        { loc: ["body", "password"], msg: "Field required", type: "missing" },
      ],
    });
  });

  it("path and query parameters → loc path / query", async () => {
    const path = await client.call("GET", "/v1/users/not-a-uuid", { key: "secret" });
    expect(path.status).toBe(422);
    expect(await path.json()).toEqual({
      detail: [{ loc: ["path", "user_id"], msg: "Input should be a valid UUID", type: "uuid_parsing" }],
    });
    const query = await client.call("GET", "/v1/auth/google/url");
    expect(await expectMatchesCatalog("authentication.google-url", query)).toEqual({
      detail: [{ loc: ["query", "redirect_uri"], msg: "Field required", type: "missing" }],
    });
  });

  it("a missing handler answers 501", async () => {
    const res = await handleSandboxRequest(
      new Request(`${TEST_ORIGIN}/sandbox/v1/auth/providers`, { headers: { "x-api-key": tenant.public_key } }),
      {
        handlers: new Map(),
      },
    );
    expect([res.status, await res.json()]).toEqual([501, { detail: "Not implemented in the sandbox" }]);
  });
});

describe("handler registry", () => {
  it("has a handler for every catalog endpoint, registered under its id", () => {
    expect([...handlers.keys()].sort()).toEqual(endpoints.map((e) => e.id).sort());
    for (const [id, handler] of handlers) expect(handler.id).toBe(id);
  });
});

describe("ctx.fail", () => {
  const call = (handler: ReturnType<typeof defineHandler<"authentication.providers">>) =>
    handleSandboxRequest(
      new Request(`${TEST_ORIGIN}/sandbox/v1/auth/providers`, { headers: { "x-api-key": tenant.public_key } }),
      {
        handlers: new Map([[handler.id, handler]]),
      },
    );
  it("answers the catalog's detail for a documented status, and a chosen documented detail", async () => {
    const first = await call(defineHandler("authentication.providers", (ctx) => ctx.fail(401)));
    expect([first.status, await first.json()]).toEqual([401, { detail: "API key required" }]);
    const chosen = await call(defineHandler("authentication.providers", (ctx) => ctx.fail(401, "Invalid API key")));
    expect([chosen.status, await chosen.json()]).toEqual([401, { detail: "Invalid API key" }]);
  });

  it("is a 500, not a made-up answer, for a status the endpoint does not document", async () => {
    // @ts-expect-error 404 is not among authentication.providers' documented errors
    const res = await call(defineHandler("authentication.providers", (ctx) => ctx.fail(404)));
    expect([res.status, await res.json()]).toEqual([500, { detail: "Internal sandbox error" }]);
  });
});
