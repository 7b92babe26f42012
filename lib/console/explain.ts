import { isExpired } from "./jwt";
import type { FieldError } from "./request";

/** How a request ended, as the response viewer knows it. */
export type Outcome =
  | { kind: "network"; message: string; viaProxy: boolean; environmentLabel: string }
  | {
      kind: "http";
      status: number;
      /** The parsed JSON body, when there was one. */
      body: unknown;
      retryAfter: string | null;
      /** The access token sent with the request, if any. */
      sentToken: string | null;
      /** The answer came from the console proxy itself (X-Console-Proxy) rather than the API. */
      fromProxy: boolean;
      now: number;
    };

export interface Explanation {
  tone: "success" | "info" | "warning" | "error";
  title: string;
  text: string;
  fieldErrors: FieldError[];
  /** A button the viewer offers next to the explanation. */
  action?: "refresh-token";
}

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function statusText(status: number): string {
  return (
    STATUS_TEXT[status] ??
    (status >= 500 ? "Server error" : status >= 400 ? "Client error" : status >= 300 ? "Redirect" : "Success")
  );
}

/** The API's `detail` as text; FastAPI's 422 list becomes field errors. */
export function detailOf(body: unknown): { text: string | null; fieldErrors: FieldError[] } {
  if (!body || typeof body !== "object" || !("detail" in body)) return { text: null, fieldErrors: [] };
  const detail = (body as { detail: unknown }).detail;
  if (typeof detail === "string") return { text: detail, fieldErrors: [] };
  if (Array.isArray(detail)) {
    const fieldErrors = detail.flatMap((d): FieldError[] => {
      if (!d || typeof d !== "object") return [];
      const { loc, msg } = d as { loc?: unknown; msg?: unknown };
      return [
        {
          loc: Array.isArray(loc) ? loc.map(String).join(".") : "",
          message: typeof msg === "string" ? msg : JSON.stringify(d),
        },
      ];
    });
    return { text: null, fieldErrors };
  }
  return { text: JSON.stringify(detail), fieldErrors: [] };
}

/** Retry-After as seconds (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Says what happened in words: network or CORS failure vs an API error, expired tokens, rate limits. */
export function explain(o: Outcome): Explanation {
  if (o.kind === "network") {
    return {
      tone: "error",
      title: "The request did not get an answer",
      text: o.viaProxy
        ? `The browser could not reach the console proxy for ${o.environmentLabel} (${o.message}). Check your connection and that the portal is running.`
        : `The browser could not complete the request (${o.message}): the network is down, the server is unreachable, or the answer was blocked by CORS or mixed-content rules. No HTTP status is available to the page, so this is not an API error.`,
      fieldErrors: [],
    };
  }
  const { status } = o;
  const { text, fieldErrors } = detailOf(o.body);
  const detail = text ? ` The API says: “${text}”.` : "";
  const title = `${status} ${statusText(status)}`;

  if (status >= 200 && status < 300) return { tone: "success", title, text: "The request succeeded.", fieldErrors: [] };
  if (status >= 300 && status < 400)
    return {
      tone: "info",
      title,
      text: "A redirect: the Location header says where to go next. The console does not follow it.",
      fieldErrors: [],
    };
  if (o.fromProxy && (status === 502 || status === 504 || status === 403 || status === 404 || status === 413)) {
    return { tone: "error", title, text: `The console proxy answered, not the API.${detail}`, fieldErrors: [] };
  }
  switch (status) {
    case 401:
      if (o.sentToken && isExpired(o.sentToken, o.now)) {
        return {
          tone: "error",
          title,
          text: `Your access token has expired.${detail} Refresh it with the refresh token, or log in again.`,
          fieldErrors: [],
          action: "refresh-token",
        };
      }
      if (text === "Not authenticated")
        return {
          tone: "error",
          title,
          text: `No access token was sent.${detail} Log in, then choose “Use this token”.`,
          fieldErrors: [],
        };
      if (o.sentToken)
        return {
          tone: "error",
          title,
          text: `The access token was not accepted (logged out, revoked, or issued for another tenant).${detail}`,
          fieldErrors: [],
        };
      return {
        tone: "error",
        title,
        text: `Authentication failed: the API key or the credentials in the body were refused.${detail}`,
        fieldErrors: [],
      };
    case 403:
      return {
        tone: "error",
        title,
        text: `Authenticated, but not allowed: wrong key kind, role or organization.${detail}`,
        fieldErrors: [],
      };
    case 404:
      return { tone: "error", title, text: `Nothing at this path with these ids.${detail}`, fieldErrors: [] };
    case 422:
      return {
        tone: "error",
        title,
        text:
          fieldErrors.length > 0
            ? `The API rejected the input: ${fieldErrors.length} field ${fieldErrors.length === 1 ? "error" : "errors"}.`
            : `The API rejected the input.${detail}`,
        fieldErrors,
      };
    case 429: {
      const seconds = retryAfterSeconds(o.retryAfter, o.now);
      const when =
        seconds === null
          ? "Wait a little before retrying."
          : `Retry in ${seconds} s (at ${new Date(o.now + seconds * 1000).toLocaleTimeString()}).`;
      return { tone: "warning", title, text: `Rate limit reached. ${when}${detail}`, fieldErrors: [] };
    }
    default:
      if (status >= 500)
        return { tone: "error", title, text: `The server failed to answer the request.${detail}`, fieldErrors: [] };
      return { tone: "error", title, text: `The API refused the request.${detail}`, fieldErrors };
  }
}
