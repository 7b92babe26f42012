import { describe, expect, it } from "vitest";
import { endpoints, matchPath } from "./index";
import { normalizePath } from "./match-path";

const ORG = "3f2b8c1e-9d4a-4b7e-8f1a-2c3d4e5f6a7b";
const USER = "550e8400-e29b-41d4-a716-446655440000";
const paths = (method: Parameters<typeof matchPath>[0], p: string) =>
  matchPath(method, p).map((m) => `${m.endpoint.method} ${m.endpoint.path}`);

describe("matchPath", () => {
  it("resolves every template to itself", () => {
    for (const e of endpoints) expect(paths(e.method, e.path), e.id).toEqual([`${e.method} ${e.path}`]);
  });

  it("resolves concrete ids and captures the parameters and query", () => {
    const [m] = matchPath("PUT", `/v1/organizations/${ORG}/members/${USER}?notify=1`);
    expect(m?.endpoint.path).toBe("/v1/organizations/{organization_id}/members/{user_id}");
    expect(m?.params).toEqual({ organization_id: ORG, user_id: USER });
    expect(m?.query).toEqual({ notify: "1" });
  });

  it("lets literal segments win over parameters", () => {
    expect(paths("GET", "/v1/user/files/folders")).toEqual(["GET /v1/user/files/folders"]);
    expect(paths("GET", `/v1/user/files/${USER}`)).toEqual(["GET /v1/user/files/{file_id}"]);
    expect(paths("GET", "/v1/organizations/invitations/pending?email=a%40b.co")).toEqual([
      "GET /v1/organizations/invitations/pending",
    ]);
    expect(paths("GET", "/v1/organizations/invitations/tok_123")).toEqual([
      "GET /v1/organizations/invitations/{invitation_token}",
    ]);
    expect(paths("GET", "/v1/organizations/my-organizations")).toEqual(["GET /v1/organizations/my-organizations"]);
    expect(paths("GET", `/v1/organizations/${ORG}`)).toEqual(["GET /v1/organizations/{organization_id}"]);
    expect(paths("GET", "/v1/users/stats")).toEqual(["GET /v1/users/stats"]);
    expect(paths("GET", "/v1/plans/active")).toEqual(["GET /v1/plans/active"]);
    expect(paths("POST", "/v1/entity/records/search")).toEqual(["POST /v1/entity/records/search"]);
    expect(paths("GET", `/v1/user/files/shared/${USER}/download`)).toEqual([
      "GET /v1/user/files/shared/{file_id}/download",
    ]);
  });

  it("without a method returns every method on the path", () => {
    expect(paths(undefined, "/v1/auth/login")).toEqual(["POST /v1/auth/login"]);
    expect(paths(undefined, `/v1/organizations/${ORG}`).sort()).toEqual([
      "GET /v1/organizations/{organization_id}",
      "PUT /v1/organizations/{organization_id}",
    ]);
    expect(paths(undefined, "/v1/user/files/folders").sort()).toEqual([
      "GET /v1/user/files/folders",
      "POST /v1/user/files/folders",
    ]);
  });

  it("accepts full URLs, trailing slashes and fragments", () => {
    expect(paths("GET", "https://api.example.com/v1/auth/me/")).toEqual(["GET /v1/auth/me"]);
    expect(paths("GET", "v1/auth/me#x")).toEqual(["GET /v1/auth/me"]);
  });

  it("finds nothing for unknown paths or wrong methods", () => {
    expect(matchPath(undefined, "/v1/nope")).toEqual([]);
    expect(matchPath("DELETE", "/v1/auth/login")).toEqual([]);
    expect(matchPath(undefined, "/")).toEqual([]);
  });
});

describe("normalizePath", () => {
  it("splits path and query", () => {
    expect(normalizePath("/v1/a?x=1&y=two")).toEqual({ path: "/v1/a", query: { x: "1", y: "two" } });
    expect(normalizePath("  //v1//a/ ")).toEqual({ path: "/v1/a", query: {} });
  });
});
