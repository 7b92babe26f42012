import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { passwordHashCost } from "../config";

/** Salted scrypt: `scrypt$N$r$p$salt$hash` (base64url), so parameters can change without breaking stored hashes. */

const KEY_LENGTH = 32;

/** New hashes' parameters: N from SANDBOX_PASSWORD_HASH_COST (lib/sandbox/config.ts), read on use. */
const params = (): ScryptOptions & { N: number; r: number; p: number } => ({ N: 2 ** passwordHashCost(), r: 8, p: 1 });

/** scrypt needs 128·N·r bytes; Node refuses above 32 MiB unless told, so a stored hash of a higher cost still verifies. */
const withMemory = (options: { N: number; r: number; p: number }): ScryptOptions => ({
  ...options,
  maxmem: 256 * options.N * options.r,
});

const derive = (password: string, salt: Buffer, options: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, withMemory(options), (err, key) => (err ? reject(err) : resolve(key))),
  );

const format = (options: { N: number; r: number; p: number }, salt: Buffer, hash: Buffer) =>
  `scrypt$${options.N}$${options.r}$${options.p}$${salt.toString("base64url")}$${hash.toString("base64url")}`;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const options = params();
  return format(options, salt, await derive(password, salt, options));
}

/** For seeding inside a synchronous transaction. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  const options = params();
  return format(options, salt, scryptSync(password, salt, KEY_LENGTH, withMemory(options)));
}

// Checked against when the user does not exist, so a miss takes as long as a wrong password (at the current cost).
const dummyHashes = new Map<number, string>();
function dummyHash(): string {
  const { N } = params();
  let hash = dummyHashes.get(N);
  if (!hash) dummyHashes.set(N, (hash = hashPasswordSync("not-a-real-password")));
  return hash;
}

/** Whether `password` matches `stored`; a null `stored` (user without password) never matches. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = (stored ?? dummyHash()).split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected) && stored !== null;
}
