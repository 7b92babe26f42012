import { describe, expect, it } from "vitest";
import { credentialsKey, forgetCredentials, loadCredentials, saveCredentials } from "./credentials";
import { EMPTY_CREDENTIALS } from "./request";

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const creds = { ...EMPTY_CREDENTIALS, publicKey: "pk_live_a", secretKey: "sk_live_b" };

describe("credentials storage", () => {
  it("keeps them for the tab unless remembered, then in local storage only", () => {
    const stores = { local: new MemoryStorage(), session: new MemoryStorage() };
    saveCredentials(stores, "sandbox", creds, false);
    expect(stores.local.data.size).toBe(0);
    expect(loadCredentials(stores, "sandbox")).toEqual({ credentials: creds, remember: false });
    saveCredentials(stores, "sandbox", creds, true);
    expect(stores.session.data.size).toBe(0);
    expect(loadCredentials({ local: stores.local, session: new MemoryStorage() }, "sandbox")).toEqual({ credentials: creds, remember: true });
  });

  it("keeps each environment's credentials apart and forgets one without the other", () => {
    const stores = { local: new MemoryStorage(), session: new MemoryStorage() };
    saveCredentials(stores, "sandbox", creds, true);
    expect(loadCredentials(stores, "live").credentials).toEqual(EMPTY_CREDENTIALS);
    saveCredentials(stores, "live", { ...creds, secretKey: "sk_live_real" }, false);
    forgetCredentials(stores, "live");
    expect(loadCredentials(stores, "live")).toEqual({ credentials: EMPTY_CREDENTIALS, remember: false });
    expect(loadCredentials(stores, "sandbox").credentials).toEqual(creds);
  });

  it("ignores unreadable or odd values", () => {
    const stores = { local: new MemoryStorage(), session: new MemoryStorage() };
    stores.local.setItem(credentialsKey("sandbox"), "{oops");
    stores.session.setItem(credentialsKey("sandbox"), JSON.stringify({ publicKey: 42, secretKey: "sk_live_x" }));
    expect(loadCredentials(stores, "sandbox")).toEqual({ credentials: { ...EMPTY_CREDENTIALS, secretKey: "sk_live_x" }, remember: false });
  });
});
