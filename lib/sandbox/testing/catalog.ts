import { expect } from "vitest";
import { getEndpoint } from "@/lib/catalog";
import { ErrorResponse, ValidationErrorResponse } from "@/lib/catalog/errors";

/** Details the engine may answer on any endpoint without the catalog listing them. */
const ENGINE_ERRORS: Record<number, readonly string[]> = {
  401: ["API key expired"],
};
/** Implied catch-alls in the catalog: when one is documented for a status, any detail of that status is fine. */
const GENERIC_DETAILS = new Set(["Not found", "Validation error"]);

export interface CatalogCheckOptions {
  /** Accept any string detail for a documented error status. */
  anyDetail?: boolean;
}

/**
 * Asserts that `res` is an answer the catalog documents for the endpoint: a documented status, a
 * body that its response schema accepts (success) or the `{detail}` shape with a documented detail
 * (errors), and the headers that go with it (Location for redirects, Retry-After for 429).
 * Returns the parsed body (JSON, text for event streams, bytes otherwise); `res` stays readable.
 */
export async function expectMatchesCatalog<T = unknown>(
  endpointId: string,
  res: Response,
  options: CatalogCheckOptions = {},
): Promise<T> {
  const endpoint = getEndpoint(endpointId);
  if (!endpoint) throw new Error(`no catalog endpoint ${endpointId}`);
  const copy = res.clone();
  const where = `${endpointId} answered ${res.status}`;
  const contentType = res.headers.get("content-type") ?? "";

  const specs = endpoint.responses.filter((r) => r.status === res.status);
  if (specs.length > 0) {
    const spec = specs.find((s) => contentType.startsWith(s.contentType ?? "application/json")) ?? specs[0]!;
    if (res.status >= 300 && res.status < 400)
      expect(res.headers.get("location"), `${where} without Location`).toBeTruthy();
    if (!spec.schema) return (await copy.arrayBuffer()) as T;
    const kind = spec.contentType ?? "application/json";
    expect(contentType, `${where} with content-type ${contentType}`).toContain(kind.split(";")[0]);
    const body: unknown =
      kind === "application/json"
        ? await copy.json()
        : kind.startsWith("text/")
          ? await copy.text()
          : await copy.arrayBuffer();
    const parsed = spec.schema.safeParse(body);
    expect(
      parsed.success,
      `${where}: body does not match the catalog schema\n${parsed.error?.message}\n${JSON.stringify(body)}`,
    ).toBe(true);
    return body as T;
  }

  const documented = endpoint.errors.filter((e) => e.status === res.status).map((e) => e.detail);
  const engine = ENGINE_ERRORS[res.status] ?? [];
  expect(documented.length + engine.length, `${where}, a status the catalog does not document`).toBeGreaterThan(0);
  const body: unknown = await copy.json();
  if (res.status === 422 && ValidationErrorResponse.safeParse(body).success) return body as T;
  const parsed = ErrorResponse.safeParse(body);
  expect(parsed.success, `${where}: not a {detail} error: ${JSON.stringify(body)}`).toBe(true);
  if (res.status === 429) expect(res.headers.get("retry-after"), `${where} without Retry-After`).toBeTruthy();
  const detail = parsed.data?.detail ?? "";
  if (!options.anyDetail && !documented.some((d) => GENERIC_DETAILS.has(d))) {
    expect([...documented, ...engine], `${where} with an undocumented detail`).toContain(detail);
  }
  return body as T;
}

/** Asserts a documented error answer: its status, its `detail`, and that the catalog documents it for the endpoint. */
export async function expectCatalogError(
  endpointId: string,
  res: Response,
  status: number,
  detail: string,
  options: CatalogCheckOptions = {},
): Promise<void> {
  expect(res.status, endpointId).toBe(status);
  const body = await expectMatchesCatalog<{ detail: unknown }>(endpointId, res, options);
  expect(body.detail).toBe(detail);
}
