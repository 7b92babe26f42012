import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Sql } from "../db/sql";

/** HS256 JSON Web Tokens with node:crypto: `base64url(header).base64url(payload).base64url(hmac)`. */

export type JwtPayload = Record<string, unknown>;

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
const mac = (data: string, secret: string) => createHmac("sha256", secret).update(data).digest();

export function signJwt(payload: JwtPayload, secret: string): string {
  const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
  return `${body}.${mac(body, secret).toString("base64url")}`;
}

/** The payload if the signature is ours and `exp` (seconds) is after `now`; otherwise null. */
export function verifyJwt(token: string, secret: string, now: Date): JwtPayload | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = mac(`${header}.${payload}`, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const h: unknown = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
    if (!isObject(h) || h.alg !== "HS256") return null;
    const p: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!isObject(p) || typeof p.exp !== "number" || p.exp * 1000 <= now.getTime()) return null;
    return p;
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is JwtPayload => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Each database's signing secret once read, per process: it is written once and never changed, so every access token
 * check after the first skips a query. Only a secret that was there before this call is kept: one this call inserted
 * could still be rolled back with the caller's transaction (the store writes it at opening, outside any: store.ts).
 */
const secrets = new WeakMap<Sql, string>();

/** The signing secret: generated at first use and kept in the meta table, so tokens survive restarts. */
export async function signingSecret(sql: Sql): Promise<string> {
  const known = secrets.get(sql);
  if (known !== undefined) return known;
  const row = await sql.get<{ value: string }>(`SELECT value FROM meta WHERE key = 'jwt_secret'`);
  if (row) {
    secrets.set(sql, row.value);
    return row.value;
  }
  await sql.run(`INSERT INTO meta (key, value) VALUES ('jwt_secret', ?) ON CONFLICT (key) DO NOTHING`, [
    randomBytes(32).toString("base64url"),
  ]);
  return (await sql.get<{ value: string }>(`SELECT value FROM meta WHERE key = 'jwt_secret'`))!.value;
}

export const unixSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);
