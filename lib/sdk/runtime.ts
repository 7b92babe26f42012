/**
 * The hand-written part of the generated SDK: errors, transport, tokens and SSE parsing. It says
 * nothing about particular endpoints; everything endpoint-specific is generated from the catalog
 * (see generate.ts). Written without template literals so it can sit in one here.
 */

/** Errors, options and helpers; goes after the generated `ValidationIssue` type. */
export const RUNTIME_HELPERS = `/** A non-2xx answer of the API. */
export class ApiError extends Error {
  /** HTTP status. */
  readonly status: number;
  /** The answer's \`detail\`: a message, or the list of field errors of a 422. */
  readonly detail: string | ValidationIssue[];
  /** Seconds to wait before retrying, from the Retry-After header (429, 503). */
  readonly retryAfter?: number;
  /** The parsed answer body (or its text when it is not JSON). */
  readonly body: unknown;

  constructor(status: number, detail: string | ValidationIssue[], body: unknown, retryAfter?: number) {
    super(typeof detail === "string" ? detail : detail.map((i) => i.loc.join(".") + ": " + i.msg).join("; "));
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
    this.body = body;
    if (retryAfter !== undefined) this.retryAfter = retryAfter;
  }
}

/** The session tokens the client holds. */
export interface AuthTokens {
  accessToken: string;
  refreshToken?: string;
}

export interface ApiClientOptions {
  /** Public key (pk_live_*) in browsers; secret key (sk_live_*) only on servers. */
  apiKey: string;
  /** The API's origin, e.g. https://api.example.com (paths start with /v1). */
  baseUrl: string;
  /** A stored access token to resume a session. */
  accessToken?: string;
  /** A stored refresh token to resume a session. */
  refreshToken?: string;
  /** Sent as X-Organization-Id to the endpoints that require it. */
  organizationId?: string;
  /** A fetch implementation; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Called whenever the tokens change (login, register, refresh) or are cleared (null): persist them here. */
  onTokens?: (tokens: AuthTokens | null) => void;
}

export interface RequestOptions {
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** How one endpoint is called; the generated methods fill it in. @internal */
export interface Call {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: object | undefined;
  body?: unknown;
  multipart?: boolean;
  /** Which X-API-Key the endpoint takes: either kind, the secret one only, or none. */
  key: "any" | "secret" | "none";
  jwt: "required" | "optional" | "none";
  organization?: boolean;
  /** Answer with the raw Response (server-sent events) instead of its parsed body. */
  stream?: boolean;
}

/** What the endpoint groups need from the client. @internal */
export interface Session {
  send<T>(call: Call, options?: RequestOptions): Promise<T>;
  /** Keeps access_token / refresh_token when an answer carries them. */
  storeTokens(answer: unknown): void;
  clearTokens(): void;
}

const encode = (value: string | number | boolean): string => encodeURIComponent(String(value));

function toQuery(query: object | undefined): string {
  if (query === undefined) return "";
  const params = new URLSearchParams();
  const entries: Array<[string, unknown]> = Object.entries(query);
  for (const [key, value] of entries) {
    const items: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) if (item !== undefined && item !== null) params.append(key, String(item));
  }
  const text = params.toString();
  return text === "" ? "" : "?" + text;
}

function toFormData(body: unknown): FormData {
  if (body instanceof FormData) return body;
  const form = new FormData();
  const entries: Array<[string, unknown]> = Object.entries(body as object);
  for (const [key, value] of entries) {
    if (value === undefined || value === null) continue;
    // A File keeps its name; no Content-Type header is set so fetch adds the multipart boundary.
    if (value instanceof Blob) form.append(key, value);
    else form.append(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  return form;
}

function isValidationList(value: unknown): value is ValidationIssue[] {
  return Array.isArray(value) && value.every((i) => typeof i === "object" && i !== null && "msg" in i && "loc" in i);
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\\s*\\d+\\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  let body: unknown = text;
  try {
    if (text !== "") body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page, plain text): keep the text.
  }
  let detail: string | ValidationIssue[] = text || response.statusText || "Request failed with status " + response.status;
  if (typeof body === "object" && body !== null && "detail" in body) {
    const d = body.detail;
    if (typeof d === "string") detail = d;
    else if (isValidationList(d)) detail = d;
    else if (d !== undefined && d !== null) detail = JSON.stringify(d);
  }
  return new ApiError(response.status, detail, body, parseRetryAfter(response.headers.get("Retry-After")));
}

async function readBody(response: Response): Promise<unknown> {
  // 204 has no body: never parse it.
  if (response.status === 204 || response.status === 205) return undefined;
  const type = response.headers.get("Content-Type") ?? "";
  if (/[/+]json\\b/i.test(type)) {
    const text = await response.text();
    return text === "" ? undefined : JSON.parse(text);
  }
  // Anything else is content (file downloads): hand it over as a Blob.
  return response.blob();
}

/** The data of each server-sent event; an event may arrive cut across reads. */
async function* readEvents(response: Response): AsyncGenerator<string, void, undefined> {
  if (response.body === null) throw new Error("The event stream has no body");
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const boundary = /\\r\\n\\r\\n|\\n\\n|\\r\\r/;
  const dataOf = (event: string): string =>
    event
      .split(/\\r\\n|\\r|\\n/)
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).replace(/^ /, ""))
      .join("\\n");
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (let m = boundary.exec(buffer); m !== null; m = boundary.exec(buffer)) {
        const data = dataOf(buffer.slice(0, m.index));
        buffer = buffer.slice(m.index + m[0].length);
        if (data !== "") yield data;
      }
      if (done) {
        const data = dataOf(buffer);
        if (data !== "") yield data;
        return;
      }
    }
  } finally {
    // Stops the download when the caller leaves early (break, [DONE], abort).
    await reader.cancel().catch(() => undefined);
  }
}
`;

const isBrowser = `typeof window !== "undefined" && typeof document !== "undefined"`;

export interface ClientClassParts {
  /** Endpoint-group property declarations, one per category. */
  fields: string;
  /** Constructor lines creating the groups from `session`. */
  assignments: string;
  /** The refresh endpoint's Call properties (without body), e.g. `method: "POST", path: ...`. */
  refreshCall: string;
  /** The refresh body's token field. */
  refreshBodyField: string;
}

/** The client class around the generated endpoint groups. */
export function apiClientClass(opts: ClientClassParts): string {
  return `/**
 * Client of the API: one property per endpoint category, e.g. \`client.authentication.login(body)\`.
 *
 * Keeps the session tokens, adds X-API-Key, Authorization and X-Organization-Id only where an
 * endpoint takes them, and on a 401 refreshes the access token once (shared by concurrent calls)
 * and retries the request once.
 */
export class ApiClient {
${opts.fields}

  private readonly apiKey: string;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly onTokens: ((tokens: AuthTokens | null) => void) | undefined;
  private accessToken: string | null;
  private refreshToken: string | null;
  private organizationId: string | null;
  private refreshing: Promise<void> | null = null;

  constructor(options: ApiClientOptions) {
    if (!options.apiKey) throw new Error("ApiClient: apiKey is required");
    if (!options.baseUrl) throw new Error("ApiClient: baseUrl is required");
    this.apiKey = options.apiKey;
    this.baseUrl = options.baseUrl.replace(/\\/+$/, "");
    // Unbound window.fetch throws "Illegal invocation" in browsers, hence the wrapper.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.onTokens = options.onTokens;
    this.accessToken = options.accessToken ?? null;
    this.refreshToken = options.refreshToken ?? null;
    this.organizationId = options.organizationId ?? null;
    if (this.apiKey.startsWith("sk_") && ${isBrowser}) {
      console.warn("ApiClient: a secret API key (sk_*) is in use in a browser. Anyone can read it there: use a public key (pk_*) in browsers and keep secret keys on your server.");
    }
    const session: Session = {
      send: (call, requestOptions) => this.request(call, requestOptions),
      storeTokens: (answer) => this.storeTokens(answer),
      clearTokens: () => this.clearTokens(),
    };
${opts.assignments}
  }

  /** The tokens held now, or null when signed out. */
  get tokens(): AuthTokens | null {
    if (this.accessToken === null) return null;
    return this.refreshToken === null ? { accessToken: this.accessToken } : { accessToken: this.accessToken, refreshToken: this.refreshToken };
  }

  /** Sets the session tokens (e.g. restored from storage). */
  setTokens(tokens: AuthTokens): void {
    this.accessToken = tokens.accessToken;
    this.refreshToken = tokens.refreshToken ?? this.refreshToken;
    this.onTokens?.(this.tokens);
  }

  /** Forgets the session tokens. */
  clearTokens(): void {
    this.accessToken = null;
    this.refreshToken = null;
    this.onTokens?.(null);
  }

  /** The organization sent as X-Organization-Id (entities endpoints); null to unset. */
  setOrganizationId(organizationId: string | null): void {
    this.organizationId = organizationId;
  }

  private storeTokens(answer: unknown): void {
    if (typeof answer !== "object" || answer === null || !("access_token" in answer)) return;
    const { access_token: accessToken } = answer;
    if (typeof accessToken !== "string") return;
    const refreshToken = "refresh_token" in answer && typeof answer.refresh_token === "string" ? answer.refresh_token : undefined;
    this.setTokens(refreshToken === undefined ? { accessToken } : { accessToken, refreshToken });
  }

  private async request<T>(call: Call, options: RequestOptions = {}): Promise<T> {
    const sentToken = this.accessToken;
    let response = await this.send(call, options);
    if (response.status === 401 && call.jwt !== "none" && this.refreshToken !== null) {
      await response.body?.cancel().catch(() => undefined);
      // Only the first caller to see this token fail refreshes; later ones reuse the result.
      if (this.accessToken === sentToken) await this.refreshSession();
      response = await this.send(call, options);
    }
    if (!response.ok) throw await toApiError(response);
    return (call.stream ? response : await readBody(response)) as T;
  }

  /** One refresh in flight, shared by every caller that hit a 401 meanwhile. */
  private refreshSession(): Promise<void> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async runRefresh(): Promise<void> {
    const refreshToken = this.refreshToken;
    if (refreshToken === null) throw new Error("ApiClient: no refresh token");
    try {
      const answer = await this.request<unknown>({ ${opts.refreshCall}, body: { ${opts.refreshBodyField}: refreshToken } });
      // Skip if the session changed meanwhile (logout, setTokens).
      if (this.refreshToken === refreshToken) this.storeTokens(answer);
    } catch (error) {
      // The API refused the refresh token: the session is over. Network errors keep it.
      if (error instanceof ApiError && error.status < 500) this.clearTokens();
      throw error;
    }
  }

  private send(call: Call, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {};
    if (call.key === "secret" && this.apiKey.startsWith("pk_")) {
      throw new Error("ApiClient: " + call.method + " " + call.path + " requires a secret key (sk_*): call it from your server, never from a browser");
    }
    if (call.key !== "none") headers["X-API-Key"] = this.apiKey;
    if (call.jwt !== "none" && this.accessToken !== null) headers["Authorization"] = "Bearer " + this.accessToken;
    if (call.organization) {
      if (this.organizationId === null) throw new Error("ApiClient: " + call.method + " " + call.path + " needs an organization: call setOrganizationId() first");
      headers["X-Organization-Id"] = this.organizationId;
    }
    if (call.stream) headers["Accept"] = "text/event-stream";
    let body: BodyInit | null = null;
    if (call.body !== undefined) {
      if (call.multipart) body = toFormData(call.body);
      else {
        body = JSON.stringify(call.body);
        headers["Content-Type"] = "application/json";
      }
    }
    return this.fetchImpl(this.baseUrl + call.path + toQuery(call.query), {
      method: call.method,
      headers,
      body,
      signal: options.signal ?? null,
    });
  }
}
`;
}
