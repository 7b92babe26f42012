import type { Plugin } from "@scalar/snippetz";
import type { SampleRequest } from "./types";

/**
 * The part of a HAR request that @scalar/snippetz reads. Declared here because snippetz types its
 * input with `har-format`, whose types are not installed, so its own `HarRequest` checks nothing.
 */
export interface Har {
  method: string;
  url: string;
  headers: Array<{ name: string; value: string }>;
  queryString: Array<{ name: string; value: string }>;
  postData?: {
    mimeType: string;
    text?: string;
    params?: Array<{ name: string; value?: string; fileName?: string; contentType?: string }>;
  };
}

/** A query value for a URL: percent-encoded, but `:`, `/` and `@` stay readable (RFC 3986 allows them there). */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ":").replace(/%2F/gi, "/").replace(/%40/g, "@");
}

export interface HarOptions {
  /**
   * `encoded` for clients that print the query into the URL as given (curl, fetch, Go, Ruby);
   * `raw` for those that take a dictionary and encode it themselves (requests, Guzzle).
   */
  query: "encoded" | "raw";
}

/** The sample request as snippetz reads it. */
export function toHar(r: SampleRequest, { query }: HarOptions): Har {
  const har: Har = {
    method: r.method,
    url: r.baseUrl + r.path,
    headers: r.headers.map((h) => ({ name: h.name, value: h.value })),
    queryString: Object.entries(r.query).map(([name, v]) => ({
      name,
      value: query === "encoded" ? encodeQueryValue(String(v)) : String(v),
    })),
  };
  if (r.body?.kind === "json") har.postData = { mimeType: "application/json", text: JSON.stringify(r.body.value) };
  if (r.body?.kind === "multipart") {
    har.postData = {
      mimeType: "multipart/form-data",
      params: r.body.fields.map((f) =>
        "file" in f
          ? { name: f.name, fileName: f.file.name, contentType: f.file.type }
          : { name: f.name, value: f.value },
      ),
    };
  }
  return har;
}

/** Runs one snippetz plugin on the sample request. */
export function snippet(plugin: Plugin, r: SampleRequest, options: HarOptions): string {
  return plugin.generate(toHar(r, options));
}
