import type { Endpoint, HttpMethod, KeyKind } from "@/lib/catalog";
import type { HighlightLang } from "@/lib/highlight";

/** A query or path value as a typed client would pass it. */
export type Scalar = string | number | boolean;

export type MultipartField = { name: string; value: string } | { name: string; file: { name: string; type: string } };

export type SampleBody = { kind: "json"; value: unknown } | { kind: "multipart"; fields: MultipartField[] };

/** What a successful answer is, so a sample can show how to read it. */
export type AnswerKind = "json" | "binary" | "empty" | "other";

/** One concrete request of an endpoint, built from its catalog entry: what every generator prints. */
export interface SampleRequest {
  endpoint: Endpoint;
  method: HttpMethod;
  baseUrl: string;
  /** The path with example values in place of its parameters. */
  path: string;
  pathParams: Record<string, Scalar>;
  /** Every query parameter with an example value, in the catalog's order. */
  query: Record<string, Scalar>;
  /** The API key kind the sample uses: public when the endpoint accepts it, else secret; null when it takes none. */
  key: KeyKind | null;
  /** Exactly the headers to send, in the catalog's order; Content-Type only with a JSON body. */
  headers: Array<{ name: string; value: string }>;
  body: SampleBody | null;
  answer: AnswerKind;
}

export type SampleLanguageId = "curl" | "javascript" | "typescript" | "python" | "go" | "php" | "ruby";

/** One language tab: turns a sample request into source code. */
export interface SampleGenerator {
  id: SampleLanguageId;
  /** Tab label. */
  label: string;
  /** The client the sample uses, shown above the code. */
  client: string;
  lang: HighlightLang;
  generate(request: SampleRequest): string;
}

/** A generated sample, plain data for pages, tests and the .md twin. */
export interface CodeSample {
  id: SampleLanguageId;
  label: string;
  client: string;
  lang: HighlightLang;
  code: string;
}
