import { describe, expect, it } from "vitest";
import {
  credentialsKey,
  EMPTY_CREDENTIALS,
  forgetCredentials,
  loadCredentials,
  SANDBOX_LOGIN_KEY,
  saveCredentials,
  withSandboxLogin,
} from "./credentials";

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const creds = { ...EMPTY_CREDENTIALS, publicKey: "pk_live_a", secretKey: "sk_live_b" };

describe("credentials storage", () => {
  it("keeps live-API credentials for the tab unless remembered, then in local storage only", () => {
    const stores = { local: new MemoryStorage(), session: new MemoryStorage() };
    saveCredentials(stores, "live", creds, false);
    expect(stores.local.data.size).toBe(0);
    expect(loadCredentials(stores, "live")).toEqual({ credentials: creds, remember: false });
    saveCredentials(stores, "live", creds, true);
    expect(stores.session.data.size).toBe(0);
    expect(loadCredentials({ local: stores.local, session: new MemoryStorage() }, "live")).toEqual({
      credentials: creds,
      remember: true,
    });
  });

  it("keeps sandbox credentials in local storage always, so every page and tab shares them", () => {
    const stores = { local: new MemoryStorage(), session: new MemoryStorage() };
    saveCredentials(stores, "sandbox", creds, false);
    expect(stores.session.data.size).toBe(0);
    // Another tab: a fresh sessionStorage, the same localStorage.
    expect(loadCredentials({ local: stores.local, session: new MemoryStorage() }, "sandbox").credentials).toEqual(
      creds,
    );
  });

  it("keeps each environment's credentials apart and forgets one without the other", () => {
    const stores = { local: new MemoryStorage(), session: new MemoryStorage() };
    saveCredentials(stores, "sandbox", creds, true);
    stores.local.setItem(SANDBOX_LOGIN_KEY, '{"email":"demo@example.com","password":"x"}');
    expect(loadCredentials(stores, "live").credentials).toEqual(EMPTY_CREDENTIALS);
    saveCredentials(stores, "live", { ...creds, secretKey: "sk_live_real" }, false);
    forgetCredentials(stores, "live");
    expect(loadCredentials(stores, "live")).toEqual({ credentials: EMPTY_CREDENTIALS, remember: false });
    expect(loadCredentials(stores, "sandbox").credentials).toEqual(creds);
    forgetCredentials(stores, "sandbox");
    expect(stores.local.data.size).toBe(0);
  });

  it("ignores unreadable or odd values", () => {
    const stores = { local: new MemoryStorage(), session: new MemoryStorage() };
    stores.local.setItem(credentialsKey("sandbox"), "{oops");
    expect(loadCredentials(stores, "sandbox").credentials).toEqual(EMPTY_CREDENTIALS);
    stores.session.setItem(credentialsKey("live"), JSON.stringify({ publicKey: 42, secretKey: "sk_live_x" }));
    expect(loadCredentials(stores, "live")).toEqual({
      credentials: { ...EMPTY_CREDENTIALS, secretKey: "sk_live_x" },
      remember: false,
    });
  });
});

describe("withSandboxLogin", () => {
  const login = { email: "demo@example.com", password: "DemoPass123" };
  it("fills a login example (email and password only)", () => {
    expect(withSandboxLogin({ email: "user@example.com", password: "SecurePass123" }, login)).toEqual(login);
  });
  it("leaves other bodies and a missing user alone", () => {
    const register = { email: "user@example.com", password: "SecurePass123", display_name: "John" };
    expect(withSandboxLogin(register, login)).toBe(register);
    expect(withSandboxLogin({ email: "a", password: "b" }, null)).toEqual({ email: "a", password: "b" });
  });
});
