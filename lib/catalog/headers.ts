import type { Endpoint } from "./types";

export interface HeaderSpec {
  name: string;
  required: boolean;
  value: string;
  description: string;
}

const keyLabel = (e: Endpoint) =>
  e.auth.keys.length === 2 ? "pk_live_… or sk_live_…" : e.auth.keys[0] === "secret" ? "sk_live_…" : "pk_live_…";

/** The request headers an endpoint's auth rule and body call for, in sending order. */
export function requestHeaders(e: Endpoint): HeaderSpec[] {
  const out: HeaderSpec[] = [];
  if (e.auth.keys.length > 0) {
    out.push({
      name: "X-API-Key",
      required: true,
      value: keyLabel(e),
      description:
        e.auth.keys.length === 2
          ? "Public key from the browser (origin-checked) or secret key from a server."
          : e.auth.keys[0] === "secret"
            ? "Secret key only: call this endpoint from your server, never from a browser."
            : "Public key.",
    });
  }
  if (e.auth.jwt !== "none") {
    out.push({
      name: "Authorization",
      required: e.auth.jwt === "required",
      value: "Bearer <access_token>",
      description:
        e.auth.jwt === "required"
          ? "The user's access token from login, register or refresh."
          : "Optional: the user's access token; with a public key the caller may only act on itself.",
    });
  }
  if (e.auth.organizationHeader) {
    out.push({
      name: "X-Organization-Id",
      required: true,
      value: "<organization uuid>",
      description: "The organization the request acts in; the user must be a member.",
    });
  }
  if (e.body) {
    out.push({
      name: "Content-Type",
      required: true,
      value: e.body.contentType === "multipart/form-data" ? "multipart/form-data; boundary=…" : "application/json",
      description:
        e.body.contentType === "multipart/form-data"
          ? "Set by the browser or HTTP client for FormData."
          : "Only on requests with a body.",
    });
  }
  return out;
}

export interface AuthBadge {
  label: string;
  tone: "public" | "secret" | "jwt" | "none" | "header" | "permission";
  title: string;
}

/** Short labels for the auth rule, for badges and compact listings. */
export function authBadges(e: Endpoint): AuthBadge[] {
  const b: AuthBadge[] = [];
  if (e.auth.keys.length === 0)
    b.push({
      label: "No API key",
      tone: "none",
      title: "No X-API-Key header: the token in the request identifies the tenant.",
    });
  if (e.auth.keys.includes("public"))
    b.push({ label: "Public key", tone: "public", title: "Accepts a public key (pk_live_*), origin-checked." });
  if (e.auth.keys.includes("secret"))
    b.push({ label: "Secret key", tone: "secret", title: "Accepts a secret key (sk_live_*): server side only." });
  if (e.auth.jwt === "required")
    b.push({ label: "JWT required", tone: "jwt", title: "Authorization: Bearer <access_token> required." });
  if (e.auth.jwt === "optional")
    b.push({ label: "JWT optional", tone: "jwt", title: "Authorization: Bearer <access_token> optional." });
  if (e.auth.organizationHeader)
    b.push({ label: "X-Organization-Id", tone: "header", title: "X-Organization-Id header required." });
  if (e.auth.permission)
    b.push({ label: e.auth.permission, tone: "permission", title: `Requires the ${e.auth.permission} permission.` });
  if (e.auth.roles)
    b.push({
      label: e.auth.roles.join(" / "),
      tone: "permission",
      title: `Only organization ${e.auth.roles.join(" or ")}.`,
    });
  return b;
}

/** One-line auth summary: "pk_live_* or sk_live_* + JWT". */
export function authSummary(e: Endpoint): string {
  const keys =
    e.auth.keys.length === 0
      ? "no API key"
      : e.auth.keys.map((k) => (k === "public" ? "pk_live_*" : "sk_live_*")).join(" or ");
  const jwt = e.auth.jwt === "required" ? " + JWT" : e.auth.jwt === "optional" ? " + optional JWT" : "";
  const org = e.auth.organizationHeader ? " + X-Organization-Id" : "";
  return `${keys}${jwt}${org}`;
}
