import { describe, expect, it } from "vitest";
import { createTenantResponse, TENANT_BODY_LIMIT } from "./admin";
import { checkoutCompleteResponse } from "./checkout-page";
import { FORM_BODY_LIMIT, maxUploadBytes } from "@/lib/sandbox/config";
import { handleSandboxRequest } from "@/lib/sandbox/engine";
import { consentContinueResponse } from "./oauth-consent";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { newTenant, newUser } from "@/lib/sandbox/testing/fixtures";

/**
 * Every body the sandbox reads is counted while it arrives and refused at its cap (413): an endless chunked body
 * (no Content-Length, so no size to check up front) gets its answer without the server waiting for an end that
 * never comes, and having read no more than the cap and one chunk.
 */

setupTempDatabase();

const CHUNK = 64 * 1024;

/** Where the "endless" body does end after all: a reader without a cap then fails the test instead of filling memory. */
const STOP = 32 * 1024 * 1024;

/** A chunked body that, for any reader honouring a cap, never ends; `sent()` says how many bytes the reader pulled. */
function endless(): { body: ReadableStream<Uint8Array>; sent: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  return {
    body: new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= STOP) return controller.close();
        sent += CHUNK;
        controller.enqueue(chunk);
      },
    }),
    sent: () => sent,
  };
}

const post = (url: string, headers: Record<string, string>, body: ReadableStream<Uint8Array>) =>
  new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);

const detail = async (res: Response) => ((await res.json()) as { detail: unknown }).detail;

describe("body caps while reading", { timeout: 10_000 }, () => {
  it("a sandbox JSON endpoint: 413 at 1 MiB", async () => {
    const tenant = await newTenant();
    const stream = endless();
    const res = await handleSandboxRequest(
      post(
        "http://portal.test/sandbox/v1/auth/register",
        { "content-type": "application/json", "x-api-key": tenant.public_key },
        stream.body,
      ),
    );
    expect(res.status).toBe(413);
    expect(await detail(res)).toBe("Request body too large");
    expect(stream.sent()).toBeLessThanOrEqual(1024 * 1024 + 4 * CHUNK);
  });

  it("a sandbox upload: 413 at the upload cap (and its multipart framing)", async () => {
    const tenant = await newTenant();
    const { tokens } = await newUser(tenant);
    const stream = endless();
    const res = await handleSandboxRequest(
      post(
        "http://portal.test/sandbox/v1/user/files",
        {
          "content-type": "multipart/form-data; boundary=x",
          "x-api-key": tenant.public_key,
          authorization: `Bearer ${tokens.access_token}`,
        },
        stream.body,
      ),
    );
    expect(res.status).toBe(413);
    expect(stream.sent()).toBeLessThanOrEqual(maxUploadBytes() + 64 * 1024 + 4 * CHUNK);
  });

  it("an early answer (401 before the body is read) still reads no more than the cap", async () => {
    const tenant = await newTenant();
    const stream = endless();
    const res = await handleSandboxRequest(
      post(
        "http://portal.test/sandbox/v1/user/files",
        {
          "content-type": "multipart/form-data; boundary=x",
          "x-api-key": tenant.public_key,
          authorization: "Bearer nope",
        },
        stream.body,
      ),
    );
    expect(res.status).toBe(401);
    expect(stream.sent()).toBeLessThanOrEqual(maxUploadBytes() + 64 * 1024 + 4 * CHUNK);
  });

  it("POST /sandbox/tenants: 413 at its 16 KiB cap", async () => {
    const stream = endless();
    const res = await createTenantResponse(
      post(
        "http://portal.test/sandbox/tenants",
        { "content-type": "application/json", "x-forwarded-for": "198.51.100.7" },
        stream.body,
      ),
    );
    expect(res.status).toBe(413);
    expect(await detail(res)).toContain(String(TENANT_BODY_LIMIT));
    expect(stream.sent()).toBeLessThanOrEqual(TENANT_BODY_LIMIT + 4 * CHUNK);
  });

  it("the Google consent and checkout forms: 413 at 64 KiB", async () => {
    for (const call of [
      (body: ReadableStream<Uint8Array>) =>
        consentContinueResponse(
          post(
            "http://portal.test/sandbox/oauth/google/continue",
            { "content-type": "application/x-www-form-urlencoded" },
            body,
          ),
        ),
      (body: ReadableStream<Uint8Array>) =>
        checkoutCompleteResponse(
          post(
            "http://portal.test/sandbox/checkout/cs_x/complete",
            { "content-type": "application/x-www-form-urlencoded" },
            body,
          ),
          "cs_x",
        ),
    ]) {
      const stream = endless();
      const res = await call(stream.body);
      expect(res.status).toBe(413);
      expect(await detail(res)).toContain(String(FORM_BODY_LIMIT));
      expect(stream.sent()).toBeLessThanOrEqual(FORM_BODY_LIMIT + 4 * CHUNK);
    }
  });

  it("a body within the cap still goes through", async () => {
    const res = await createTenantResponse(
      new Request("http://portal.test/sandbox/tenants", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.8" },
        body: '{"email_verification":true}',
      }),
    );
    expect(res.status).toBe(201);
    expect(((await res.json()) as { email_verification: boolean }).email_verification).toBe(true);
  });
});
