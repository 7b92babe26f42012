import { describe, expect, it } from "vitest";
import { listMail } from "@/lib/sandbox/outbox";
import { publicKeyForMailToken } from "./mail-pages";
import { getStore } from "@/lib/sandbox/store";
import { sandboxClient } from "@/lib/sandbox/testing/client";
import { setupTempDatabase } from "@/lib/sandbox/testing/database";
import { newTenant, newUser } from "@/lib/sandbox/testing/fixtures";

setupTempDatabase();

describe("the portal's mail pages", () => {
  it("find the public key of the tenant a mailed token belongs to, and nothing for other tokens", async () => {
    const tenant = await newTenant();
    const other = await newTenant();
    await newUser(tenant, { email: "reset@example.com" });
    const res = await sandboxClient(tenant).call("POST", "/v1/auth/forgot-password", {
      body: { email: "reset@example.com" },
    });
    expect(res.status).toBe(200);
    const token = (await listMail(await getStore(), tenant.id)).find((m) => m.kind === "password_reset")!.token!;
    expect(await publicKeyForMailToken("password_reset", token)).toBe(tenant.public_key);
    expect(await publicKeyForMailToken("verification", token)).toBeNull();
    expect(await publicKeyForMailToken("password_reset", `${token}x`)).toBeNull();
    expect(await publicKeyForMailToken("invitation", "")).toBeNull();
    expect(await publicKeyForMailToken("password_reset", token)).not.toBe(other.public_key);
    // Once the tenant has expired, its links lead nowhere.
    expect(
      await publicKeyForMailToken("password_reset", token, new Date(Date.now() + 400 * 24 * 3600 * 1000)),
    ).toBeNull();
  });
});
