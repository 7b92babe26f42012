import type { Endpoint, KeyKind } from "@/lib/catalog";
import { jsonSafeExample } from "@/lib/catalog/examples";
import { requestHeaders } from "@/lib/catalog/headers";
import { EXAMPLE_IDS } from "@/lib/catalog/primitives";
import { planEndpoint } from "@/lib/sdk/endpoint-plan";
import { SAMPLE_API_KEYS, SAMPLE_BASE_URL } from "./config";
import { exampleParameters } from "./example-values";
import type { AnswerKind, MultipartField, SampleBody, SampleRequest, Scalar } from "./types";

function chooseKey(e: Endpoint): KeyKind | null {
  if (e.auth.keys.includes("public")) return "public";
  return e.auth.keys.includes("secret") ? "secret" : null;
}

function resolvePath(e: Endpoint, values: Record<string, Scalar>): string {
  return e.path.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`samples: ${e.id} has no example for path parameter ${whole}`);
    return encodeURIComponent(String(v));
  });
}

function multipartFields(e: Endpoint, value: unknown): MultipartField[] {
  if (value === null || typeof value !== "object")
    throw new Error(`samples: ${e.id} multipart example is not an object`);
  return Object.entries(value).flatMap(([name, v]): MultipartField[] => {
    if (v === undefined || v === null) return [];
    if (v instanceof Blob)
      return [{ name, file: { name: v instanceof File ? v.name : name, type: v.type || "application/octet-stream" } }];
    return [{ name, value: typeof v === "object" ? JSON.stringify(v) : String(v) }];
  });
}

function sampleBody(e: Endpoint): SampleBody | null {
  if (!e.body) return null;
  const example = e.body.examples[0];
  if (!example) throw new Error(`samples: ${e.id} has a request body without an example`);
  return e.body.contentType === "multipart/form-data"
    ? { kind: "multipart", fields: multipartFields(e, example.value) }
    : { kind: "json", value: jsonSafeExample(example.value) };
}

/** The headers the auth rule asks for, with sample values; multipart lets the client set Content-Type. */
function sampleHeaders(e: Endpoint, key: KeyKind | null): SampleRequest["headers"] {
  return requestHeaders(e).flatMap((h): SampleRequest["headers"] => {
    switch (h.name) {
      case "X-API-Key":
        return key ? [{ name: h.name, value: SAMPLE_API_KEYS[key] }] : [];
      case "Authorization":
        // An optional token still matters with a public key: such callers may only act on themselves.
        return h.required || key === "public" ? [{ name: h.name, value: h.value }] : [];
      case "X-Organization-Id":
        return [{ name: h.name, value: EXAMPLE_IDS.organization }];
      case "Content-Type":
        return e.body?.contentType === "application/json" ? [{ name: h.name, value: h.value }] : [];
      default:
        throw new Error(`samples: ${e.id} asks for header ${h.name}, which the samples do not know`);
    }
  });
}

/** What a successful answer of the endpoint is: JSON, a download, nothing, or something else. */
export function answerKind(e: Endpoint): AnswerKind {
  const plan = planEndpoint(e);
  if (plan.results.length > 0) return "json";
  if (plan.plainResults.includes("Blob")) return "binary";
  return plan.plainResults.includes("void") ? "empty" : "other";
}

/** The sample request of an endpoint: example parameters, the auth headers, the first body example. */
export function sampleRequest(e: Endpoint, baseUrl: string = SAMPLE_BASE_URL): SampleRequest {
  if (e.headers) throw new Error(`samples: ${e.id} declares extra request headers, which the samples do not send yet`);
  const pathParams = e.pathParams ? exampleParameters(e, e.pathParams) : {};
  const key = chooseKey(e);
  return {
    endpoint: e,
    method: e.method,
    baseUrl,
    path: resolvePath(e, pathParams),
    pathParams,
    query: e.query ? exampleParameters(e, e.query) : {},
    key,
    headers: sampleHeaders(e, key),
    body: sampleBody(e),
    answer: answerKind(e),
  };
}
