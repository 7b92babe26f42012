import type { Endpoint } from "@/lib/catalog";
import { curl } from "@/lib/samples/generators/curl";
import { javascript } from "@/lib/samples/generators/javascript";
import { typescript } from "@/lib/samples/generators/typescript";
import { SAMPLE_ACCESS_TOKEN, SAMPLE_API_KEYS } from "@/lib/samples/config";
import { answerKind } from "@/lib/samples/request";
import type { SampleGenerator, SampleRequest } from "@/lib/samples/types";
import type { SentRequest } from "./request";

export const COPY_FORMATS = [
  { id: "curl", label: "curl", generator: curl },
  { id: "fetch", label: "fetch", generator: javascript },
  { id: "sdk", label: "SDK", generator: typescript },
] as const satisfies ReadonlyArray<{ id: string; label: string; generator: SampleGenerator }>;

export type CopyFormat = (typeof COPY_FORMATS)[number]["id"];

/**
 * The sent request as the code-sample generators read it: the real URL, the headers with the key
 * and token actually sent (or placeholders when `mask`), the body as sent.
 */
export function sentAsSample(
  e: Endpoint,
  r: SentRequest,
  baseUrl: string,
  { mask = false }: { mask?: boolean } = {},
): SampleRequest {
  const headers = r.headers.flatMap((h) => {
    // fetch and curl set the multipart Content-Type (with its boundary) themselves.
    if (h.name === "Content-Type" && r.body?.kind === "multipart") return [];
    if (!mask) return [h];
    if (h.name === "X-API-Key" && r.keyKind) return [{ name: h.name, value: SAMPLE_API_KEYS[r.keyKind] }];
    if (h.name === "Authorization") return [{ name: h.name, value: `Bearer ${SAMPLE_ACCESS_TOKEN}` }];
    return [h];
  });
  return {
    endpoint: e,
    method: r.method,
    baseUrl,
    path: r.path,
    pathParams: r.pathParams,
    query: Object.fromEntries(r.query.map(([k, v]) => [k, r.typedQuery[k] ?? v])),
    key: r.keyKind,
    headers,
    body:
      r.body?.kind === "json"
        ? r.body.text.trim() === ""
          ? null
          : { kind: "json", value: r.body.value }
        : r.body?.kind === "multipart"
          ? {
              kind: "multipart",
              fields: r.body.fields.map((f) =>
                "file" in f
                  ? { name: f.name, file: { name: f.file.name, type: f.file.type || "application/octet-stream" } }
                  : f,
              ),
            }
          : null,
    answer: answerKind(e),
  };
}

/** "Copy as curl / fetch / SDK" of exactly what was sent. */
export function copyAs(
  format: CopyFormat,
  e: Endpoint,
  r: SentRequest,
  baseUrl: string,
  options: { mask?: boolean } = {},
): string {
  const f = COPY_FORMATS.find((x) => x.id === format);
  if (!f) throw new Error(`unknown copy format ${format}`);
  return f.generator.generate(sentAsSample(e, r, baseUrl, options));
}
