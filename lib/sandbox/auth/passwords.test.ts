import { afterEach, describe, expect, it } from "vitest";
import { passwordHashCost } from "../config";
import { hashPassword, hashPasswordSync, verifyPassword } from "./passwords";

// The test run sets a low SANDBOX_PASSWORD_HASH_COST (vitest.config.ts); these tests set their own and put it back.
const saved = process.env.SANDBOX_PASSWORD_HASH_COST;
afterEach(() => {
  if (saved === undefined) delete process.env.SANDBOX_PASSWORD_HASH_COST;
  else process.env.SANDBOX_PASSWORD_HASH_COST = saved;
});

const paramsOf = (hash: string) => hash.split("$").slice(0, 4).join("$");

describe("password hashes", () => {
  it("are made at the production cost by default (scrypt N=16384, r=8, p=1), and verify the password only", async () => {
    delete process.env.SANDBOX_PASSWORD_HASH_COST;
    const hash = await hashPassword("SecurePass123");
    expect(paramsOf(hash)).toBe("scrypt$16384$8$1");
    expect(await verifyPassword("SecurePass123", hash)).toBe(true);
    expect(await verifyPassword("SecurePass124", hash)).toBe(false);
    expect(paramsOf(hashPasswordSync("SecurePass123"))).toBe("scrypt$16384$8$1");
  });

  it("take SANDBOX_PASSWORD_HASH_COST as log2 N, and keep verifying after the setting changes", async () => {
    process.env.SANDBOX_PASSWORD_HASH_COST = "10";
    const cheap = await hashPassword("pw-one");
    expect(paramsOf(cheap)).toBe("scrypt$1024$8$1");
    process.env.SANDBOX_PASSWORD_HASH_COST = "15";
    const dear = hashPasswordSync("pw-two");
    expect(paramsOf(dear)).toBe("scrypt$32768$8$1");
    process.env.SANDBOX_PASSWORD_HASH_COST = "11";
    expect(await verifyPassword("pw-one", cheap)).toBe(true);
    expect(await verifyPassword("pw-two", dear)).toBe(true);
    expect(await verifyPassword("pw-one", dear)).toBe(false);
  });

  it("fall back to the default cost for a SANDBOX_PASSWORD_HASH_COST out of range or not an integer", () => {
    for (const value of ["9", "17", "12.5", "abc", ""]) {
      process.env.SANDBOX_PASSWORD_HASH_COST = value;
      expect(passwordHashCost(), value).toBe(14);
    }
    process.env.SANDBOX_PASSWORD_HASH_COST = "17";
    expect(paramsOf(hashPasswordSync("x"))).toBe("scrypt$16384$8$1");
  });

  it("never match for a user without a password, or a hash that is not ours", async () => {
    expect(await verifyPassword("not-a-real-password", null)).toBe(false);
    expect(await verifyPassword("x", "bcrypt$2b$10$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1024$8$1$c2FsdA$c2hvcnQ")).toBe(false);
  });
});
