import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listMail } from "@/lib/sandbox/outbox";
import { getStore } from "@/lib/sandbox/store";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { newTenant, newUser, TEST_PASSWORD } from "@/lib/sandbox/testing/fixtures";
import type { TenantRow } from "@/lib/sandbox/tenants";
import { createPortalServer } from "./portal-server";

/**
 * The portal server on a real port with the real sandbox: who the rate limiter thinks the client is, and which host
 * a stored link names, when clients send X-Forwarded-* and Host headers of their choosing (issue 15 items 3 and 8).
 */

setupTempDatabase();

const saved = {
  TRUST_PROXY: process.env.TRUST_PROXY,
  ALLOWED_HOSTS: process.env.ALLOWED_HOSTS,
  PORTAL_URL: process.env.PORTAL_URL,
};
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
function env(values: { TRUST_PROXY?: string; ALLOWED_HOSTS?: string }) {
  for (const k of Object.keys(saved)) delete process.env[k];
  Object.assign(process.env, values);
}

let port = 0;
const server = createPortalServer((_req, res) => void res.writeHead(404).end());
beforeAll(
  () =>
    new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", () => ((port = (server.address() as AddressInfo).port), resolve())),
    ),
);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** node:http, not fetch: fetch will not send a Host header of our choosing. */
function post(
  path: string,
  key: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(data),
          "x-api-key": key,
          ...headers,
        },
      },
      (res) => {
        let text = "";
        res
          .setEncoding("utf8")
          .on("data", (c: string) => (text += c))
          .on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject).end(data);
  });
}

const login = (tenant: TenantRow, email: string, password: string, headers: Record<string, string>) =>
  post("/sandbox/v1/auth/login", tenant.public_key, { email, password }, headers);

describe("the sandbox's per-IP limits behind the portal server", () => {
  it("by default ignore X-Forwarded-For: 30 wrong logins from rotating addresses hit 429, then the right password is 429 too", async () => {
    env({});
    const tenant = await newTenant();
    const email = "wrong-logins@example.com";
    await newUser(tenant, { email });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const xff = `198.51.100.${i + 1}`;
      statuses.push(
        (await login(tenant, email, "wrong-password", { "x-forwarded-for": xff, "x-real-ip": xff })).status,
      );
    }
    // The login limit is 10 per 15 minutes per IP (catalog): the socket's address, 127.0.0.1, is one client.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    expect((await login(tenant, email, TEST_PASSWORD, { "x-forwarded-for": "192.0.2.200" })).status).toBe(429);
  }, 60_000);

  it("with TRUST_PROXY=1 key on the rightmost hop: rotating the hops to its left changes nothing, distinct rightmost hops are distinct clients", async () => {
    env({ TRUST_PROXY: "1" });
    const tenant = await newTenant();
    const email = "behind-a-proxy@example.com";
    await newUser(tenant, { email });
    const spoofed: number[] = [];
    for (let i = 0; i < 12; i += 1)
      spoofed.push(
        (await login(tenant, email, "wrong-password", { "x-forwarded-for": `10.9.9.${i}, 203.0.113.7` })).status,
      );
    expect(spoofed).toEqual([...Array(10).fill(401), 429, 429]);
    const distinct: number[] = [];
    for (let i = 0; i < 12; i += 1)
      distinct.push(
        (await login(tenant, email, "wrong-password", { "x-forwarded-for": `203.0.113.7, 198.51.100.${i + 1}` }))
          .status,
      );
    expect(distinct).toEqual(Array(12).fill(401));
    expect((await login(tenant, email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.200" })).status).toBe(200);
  }, 60_000);
});

describe("links in sandbox mails behind the portal server", () => {
  const forgot = async (headers: Record<string, string>) => {
    const tenant = await newTenant();
    const email = "forgot@example.com";
    await newUser(tenant, { email });
    expect((await post("/sandbox/v1/auth/forgot-password", tenant.public_key, { email }, headers)).status).toBe(200);
    const [mail] = await listMail(await getStore(), tenant.id);
    return mail?.link ?? "";
  };

  it("never name a Host the portal was not told to trust", async () => {
    env({});
    const cases: Record<string, string>[] = [
      { host: "evil.example" },
      { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    ];
    for (const headers of cases) {
      const link = await forgot(headers);
      expect(link).not.toContain("evil.example");
      expect(link.startsWith(`http://127.0.0.1:${port}/sandbox/`), link).toBe(true);
    }
  });

  it("name an allowed host, with the scheme a trusted proxy reports", async () => {
    env({ ALLOWED_HOSTS: "portal.example.com", TRUST_PROXY: "1" });
    const link = await forgot({
      host: "127.0.0.1",
      "x-forwarded-host": "portal.example.com",
      "x-forwarded-proto": "https",
    });
    expect(link.startsWith("https://portal.example.com/sandbox/"), link).toBe(true);
  });
});
