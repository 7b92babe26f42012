import type { Endpoint } from "@/lib/catalog";
import { SAMPLE_BASE_URL } from "./config";
import { curl } from "./generators/curl";
import { go } from "./generators/go";
import { javascript } from "./generators/javascript";
import { php } from "./generators/php";
import { python } from "./generators/python";
import { ruby } from "./generators/ruby";
import { typescript } from "./generators/typescript";
import { sampleRequest } from "./request";
import type { CodeSample, SampleGenerator } from "./types";

export type { CodeSample, SampleLanguageId } from "./types";
export { sampleRequest };

/** The languages, in tab order; the first is the default tab. */
export const SAMPLE_GENERATORS: readonly SampleGenerator[] = [curl, javascript, typescript, python, go, php, ruby];

export interface CodeSampleOptions {
  /** Where the samples send requests; the public API by default. */
  baseUrl?: string;
}

/** The code samples of one endpoint, one per language. */
export function codeSamples(e: Endpoint, { baseUrl = SAMPLE_BASE_URL }: CodeSampleOptions = {}): CodeSample[] {
  const request = sampleRequest(e, baseUrl);
  return SAMPLE_GENERATORS.map((g) => ({
    id: g.id,
    label: g.label,
    client: g.client,
    lang: g.lang,
    code: g.generate(request),
  }));
}
