/** What the console shows about an access token: its expiry, read from the unverified payload. */
export interface TokenInfo {
  /** Expiry as epoch milliseconds, or null when the token has no readable `exp`. */
  expiresAt: number | null;
  subject: string | null;
}

function base64UrlDecode(part: string): string {
  const b64 = part
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(part.length / 4) * 4, "=");
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Decodes a JWT's payload (no signature check: the API does that); null when it is not a JWT. */
export function decodeToken(token: string): TokenInfo | null {
  const parts = token.trim().split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(base64UrlDecode(parts[1])) as unknown;
    if (!payload || typeof payload !== "object") return null;
    const { exp, sub } = payload as { exp?: unknown; sub?: unknown };
    return {
      expiresAt: typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : null,
      subject: typeof sub === "string" ? sub : null,
    };
  } catch {
    return null;
  }
}

/** True when the token's `exp` lies at or before `now`. Unknown expiry counts as not expired. */
export function isExpired(token: string, now: number): boolean {
  const info = decodeToken(token);
  return info?.expiresAt != null && info.expiresAt <= now;
}

/** "expires in 59 min 58 s" / "expired 3 min ago" / "no expiry in the token". */
export function describeExpiry(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return "no expiry in the token";
  const seconds = Math.round((expiresAt - now) / 1000);
  const span = (s: number) => {
    const m = Math.floor(s / 60);
    const h = Math.floor(m / 60);
    if (h > 0) return `${h} h ${m % 60} min`;
    if (m > 0) return `${m} min ${s % 60} s`;
    return `${s} s`;
  };
  return seconds > 0 ? `expires in ${span(seconds)}` : `expired ${span(-seconds)} ago`;
}

/** Tokens in an answer of login, register or refresh. */
export function tokensIn(body: unknown): { accessToken: string; refreshToken: string | null } | null {
  if (!body || typeof body !== "object") return null;
  const { access_token, refresh_token } = body as { access_token?: unknown; refresh_token?: unknown };
  if (typeof access_token !== "string" || access_token === "") return null;
  return {
    accessToken: access_token,
    refreshToken: typeof refresh_token === "string" && refresh_token !== "" ? refresh_token : null,
  };
}
