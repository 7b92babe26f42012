/**
 * Examples as JSON-safe values: a File or Blob (multipart examples) becomes a short
 * description, so examples can be printed, served and embedded anywhere.
 */
export function jsonSafeExample(value: unknown): unknown {
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    const name = typeof File !== "undefined" && value instanceof File ? value.name : "blob";
    return `<file ${name}, ${value.type || "application/octet-stream"}, ${value.size} bytes>`;
  }
  if (Array.isArray(value)) return value.map(jsonSafeExample);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafeExample(v)]));
  }
  return value;
}

/** Pretty JSON of an example, or the text itself for text examples (SSE streams). */
export function exampleText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(jsonSafeExample(value), null, 2);
}
