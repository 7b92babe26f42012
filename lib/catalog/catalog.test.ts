import { describe, expect, it } from "vitest";
import { z } from "zod";
import { categories, endpoints } from "./index";
import { loadSeed, type SeedEndpoint } from "./testdata/load-seed";
import type { Endpoint, RateLimit } from "./types";

const seed = loadSeed();
const seedList = Object.entries(seed).flatMap(([category, c]) => c.endpoints.map((e) => ({ category, e })));
const key = (method: string, path: string) => `${method} ${path}`;
const byKey = new Map(endpoints.map((e) => [key(e.method, e.path), e]));

function seedKeys(text: string): string[] {
  if (text === "none") return [];
  const kinds: string[] = [];
  if (text.includes("pk_live")) kinds.push("public");
  if (text.includes("sk_live")) kinds.push("secret");
  return kinds.sort();
}

function seedRateLimit(text: string): RateLimit {
  const m = /^(\d+) per (hour|minute|(\d+) min) per (IP|user)(?: \(blocked (\d+) min after exceeding\))?$/.exec(text);
  if (!m) throw new Error(`unparsed rate limit: ${text}`);
  const window = m[2] === "hour" ? 3600 : m[2] === "minute" ? 60 : Number(m[3]) * 60;
  return {
    count: Number(m[1]),
    windowSeconds: window,
    scope: m[4] === "IP" ? "ip" : "user",
    ...(m[5] ? { blockSeconds: Number(m[5]) * 60 } : {}),
  };
}

const objectKeys = (schema: z.ZodType | undefined): string[] => {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(json.properties ?? {});
};

const documentedBodyFields = (e: SeedEndpoint): string[] =>
  e.request_body && typeof e.request_body === "object" && !Array.isArray(e.request_body)
    ? Object.keys(e.request_body)
    : [];

describe("catalog parity with the seed", () => {
  it("has the seed's 13 categories in order", () => {
    expect(categories.map((c) => c.id)).toEqual(Object.keys(seed));
  });

  it("has exactly the seed's 109 method+path pairs", () => {
    expect(seedList).toHaveLength(109);
    expect(endpoints.map((e) => key(e.method, e.path)).sort()).toEqual(
      seedList.map(({ e }) => key(e.method, e.path)).sort(),
    );
    expect(new Set(endpoints.map((e) => e.id)).size).toBe(endpoints.length);
  });

  describe.each(seedList.map(({ category, e }) => [key(e.method, e.path), category, e] as const))(
    "%s",
    (k, category, s) => {
      const ours = byKey.get(k) as Endpoint;
      it("exists in the same category", () => {
        expect(ours).toBeDefined();
        expect(ours.category).toBe(category);
      });
      it("has the same key kinds and JWT rule", () => {
        expect([...ours.auth.keys].sort()).toEqual(seedKeys(s.auth.api_key));
        expect(ours.auth.jwt).toBe(s.auth.jwt === "optional" ? "optional" : s.auth.jwt ? "required" : "none");
        expect(Boolean(ours.auth.organizationHeader)).toBe(/X-Organization-Id required/.test(s.auth.headers ?? ""));
      });
      it("has the same rate limit", () => {
        if (s.rate_limit) expect(ours.rateLimit).toEqual(seedRateLimit(s.rate_limit));
        else expect(ours.rateLimit).toBeUndefined();
      });
      it("documents every path, query and body field of the seed", () => {
        const pathParams = [...s.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(objectKeys(ours.pathParams).sort()).toEqual(pathParams.sort());
        for (const q of Object.keys(s.query_params ?? {})) expect(objectKeys(ours.query)).toContain(q);
        for (const f of documentedBodyFields(s)) expect(objectKeys(ours.body?.schema)).toContain(f);
        if (s.request_body) expect(ours.body).toBeDefined();
      });
    },
  );
});

describe("catalog examples", () => {
  const cases = endpoints.flatMap((e) => [
    ...(e.body?.examples ?? []).map((x) => [`${e.id} body ${x.name}`, e.body!.schema, x.value] as const),
    ...e.responses.flatMap((r) => r.examples.map((x) => [`${e.id} ${r.status} ${x.name}`, r.schema, x.value] as const)),
  ]);
  it.each(cases)("%s validates against its schema", (_name, schema, value) => {
    expect(schema, "an example needs a schema").toBeDefined();
    const result = schema!.safeParse(value);
    expect(result.success, result.success ? "" : JSON.stringify(result.error.issues)).toBe(true);
  });

  it.each(endpoints.map((e) => [e.id, e] as const))(
    "%s has a 2xx/3xx response, with an example wherever there is a JSON schema",
    (_id, e) => {
      expect(e.responses.some((r) => r.status < 400)).toBe(true);
      for (const r of e.responses)
        if (r.schema && (r.contentType ?? "application/json") === "application/json")
          expect(r.examples.length).toBeGreaterThan(0);
      if (e.body) expect(e.body.examples.length).toBeGreaterThan(0);
    },
  );

  it.each(endpoints.map((e) => [e.id, e] as const))("%s converts to JSON Schema", (_id, e) => {
    for (const s of [e.pathParams, e.query, e.headers, e.body?.schema, ...e.responses.map((r) => r.schema)]) {
      if (s) expect(() => z.toJSONSchema(s, { io: "input" })).not.toThrow();
    }
  });
});
