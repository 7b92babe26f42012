import { describe, expect, it } from "vitest";
import { getEndpoint } from "@/lib/catalog";
import { buildRequest, EMPTY_CREDENTIALS, type RequestDraft } from "./request";
import { copyAs } from "./snippets";

const creds = {
  ...EMPTY_CREDENTIALS,
  publicKey: "pk_live_REAL",
  secretKey: "sk_live_REAL",
  accessToken: "eyJ.REALTOKEN.sig",
  organizationId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
};
const BASE = "http://127.0.0.1:3300/sandbox";

function sent(id: string, over: Partial<RequestDraft>) {
  const e = getEndpoint(id)!;
  const r = buildRequest(
    e,
    { pathParams: {}, query: {}, bodyText: "", formFields: {}, files: {}, key: "secret", sendToken: true, ...over },
    creds,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { e, r: r.request };
}

describe("copy as curl / fetch / SDK", () => {
  const body = { schema_id: "3f2b8c1e-1111-4a4a-8b8b-123456789abc", query: { price: { operator: "gt", value: 10 } } };
  const { e, r } = sent("entities.search-records", { bodyText: JSON.stringify(body), query: { page: "2" } });

  it("curl carries the real URL, the key and token actually sent, and the body", () => {
    const code = copyAs("curl", e, r, BASE);
    expect(code).toContain(`${BASE}/v1/entity/records/search?page=2`);
    expect(code).toContain("X-API-Key: sk_live_REAL");
    expect(code).toContain("Authorization: Bearer eyJ.REALTOKEN.sig");
    expect(code).toContain(`X-Organization-Id: ${creds.organizationId}`);
    expect(code).toContain('"operator": "gt"');
    expect(code.startsWith("curl")).toBe(true);
  });

  it("fetch does the same", () => {
    const code = copyAs("fetch", e, r, BASE);
    expect(code).toContain(`fetch('${BASE}/v1/entity/records/search?page=2'`);
    expect(code).toContain("'X-API-Key': 'sk_live_REAL'");
    expect(code).toContain("const data = await response.json()");
  });

  it("the SDK call uses the real key, token, organization, base URL and typed query", () => {
    const code = copyAs("sdk", e, r, BASE);
    expect(code).toContain('apiKey: "sk_live_REAL"');
    expect(code).toContain('accessToken: "eyJ.REALTOKEN.sig"');
    expect(code).toContain(`organizationId: "${creds.organizationId}"`);
    expect(code).toContain(`baseUrl: "${BASE}"`);
    expect(code).toMatch(/page: 2\b/);
    expect(code).toContain("client.entities.");
  });

  it("masks the key and token on request", () => {
    const code = copyAs("curl", e, r, BASE, { mask: true });
    expect(code).not.toContain("REAL");
    expect(code).toContain("sk_live_your_secret_key");
    expect(code).toContain("Bearer <access_token>");
  });

  it("a multipart upload names the file sent and lets the client set Content-Type", () => {
    const file = new File(["hi"], "notes.txt", { type: "text/plain" });
    const up = sent("files.upload-file", { key: "public", files: { file } });
    const code = copyAs("curl", up.e, up.r, BASE);
    expect(code).toContain("file=@notes.txt");
    expect(code).not.toMatch(/Content-Type: multipart/i);
  });
});
