import { describe, expect, it } from "vitest";
import { categories, endpoints } from "@/lib/catalog";
import { MAX_ANSWER_CHARS } from "./config";
import { getEndpointDetails, getEndUserEndpoints, searchEndpointsTool } from "./tools/catalog-tools";
import { getApiOverview, getOpenApiSpec, getSdkTemplate } from "./tools/guide-tools";
import { portalTools } from "./tools";

type Listing = { pages: number; endpoints: Array<{ id: string }> };

describe("MCP tools as functions", () => {
  it("keeps the seed's nine tool names", () => {
    expect(portalTools.map((t) => t.name)).toEqual([
      "get_api_overview",
      "get_end_user_endpoints",
      "get_request_headers",
      "get_sdk_template",
      "get_openapi_spec",
      "search_endpoints",
      "get_endpoint_details",
      "get_authentication_flow",
      "get_common_patterns",
    ]);
  });

  it.each([undefined, ...categories.map((c) => c.id)])(
    "get_end_user_endpoints(%s) pages under the size cap and covers every endpoint once",
    (category) => {
      const first = getEndUserEndpoints.run({ category, page: 1 });
      const pages = (first.structured as Listing).pages;
      const ids: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const a = getEndUserEndpoints.run({ category, page });
        expect(a.isError).toBeFalsy();
        expect(a.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
        ids.push(...(a.structured as Listing).endpoints.map((e) => e.id));
      }
      const expected = endpoints.filter((e) => !category || e.category === category).map((e) => e.id);
      expect(ids).toEqual(expected);
      expect(getEndUserEndpoints.run({ category, page: pages + 1 }).isError).toBe(true);
    },
  );

  it("get_end_user_endpoints without a category lists all 109 endpoints in one answer of at most 13,000 characters, one line each", () => {
    const a = getEndUserEndpoints.run({ page: 1 });
    const data = a.structured as Listing & { total_endpoints: number };
    expect([data.pages, data.total_endpoints, data.endpoints.length]).toEqual([1, 109, 109]);
    expect(a.text.length).toBeLessThanOrEqual(13_000);
    for (const e of endpoints)
      expect(
        a.text.split("\n").filter((l) => l.startsWith(`- ${e.method} ${e.path}: `)),
        e.id,
      ).toHaveLength(1);
    expect(getEndUserEndpoints.run({ page: 2 }).isError).toBe(true);
  });

  it("rejects an unknown category and a non-integer page in the input schema", () => {
    expect(getEndUserEndpoints.input.safeParse({ category: "payments" }).success).toBe(false);
    expect(getEndUserEndpoints.input.safeParse({ page: 1.5 }).success).toBe(false);
    expect(searchEndpointsTool.input.safeParse({}).success).toBe(false);
    expect(getEndpointDetails.input.safeParse({ path: "" }).success).toBe(false);
  });

  it("get_endpoint_details finds every endpoint by its template and method, with every fact", () => {
    for (const e of endpoints) {
      const a = getEndpointDetails.run({ path: e.path, method: e.method });
      expect(a.isError, e.id).toBeFalsy();
      const [m] = (a.structured as { matches: Array<Record<string, unknown>> }).matches;
      expect(m?.id).toBe(e.id);
      for (const key of [
        "auth",
        "headers",
        "rate_limit",
        "path_parameters",
        "query_parameters",
        "request_body",
        "responses",
        "errors",
        "notes",
      ])
        expect(m, `${e.id} ${key}`).toHaveProperty(key);
      expect(a.text).toContain(`# ${e.method} ${e.path}`);
    }
  });

  it("search_endpoints turns an empty query into an error and ranks plain questions", () => {
    expect(searchEndpointsTool.run({ query: "  ", limit: 10 }).isError).toBe(true);
    const a = searchEndpointsTool.run({ query: "sign up", limit: 3 });
    expect((a.structured as { results: Array<{ id: string }> }).results[0]?.id).toBe("authentication.register");
  });

  it("get_openapi_spec filters and reports an empty filter as an error", () => {
    const plans = getOpenApiSpec.run({ category: "plans" });
    expect(Object.keys((plans.structured as { paths: object }).paths).sort()).toEqual([
      "/v1/plans",
      "/v1/plans/active",
      "/v1/plans/free",
      "/v1/plans/{plan_id}",
    ]);
    expect(getOpenApiSpec.run({ path: "/v1/nothing" }).isError).toBe(true);
  });

  it("the overview counts the catalog and the SDK answer carries the generated client", () => {
    const o = getApiOverview.run({});
    expect((o.structured as { total_endpoints: number }).total_endpoints).toBe(109);
    expect(getSdkTemplate.run({}).text).toMatch(
      /class ApiClient[\s\S]*class ApiError|class ApiError[\s\S]*class ApiClient/,
    );
  });
});
