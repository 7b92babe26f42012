import type { z } from "zod";
import type { Endpoint, KeyKind } from "@/lib/catalog";
import type { Sql } from "../db/sql";
import type { Mail } from "../outbox";
import type { MembershipRow } from "../resources/membership";
import type { UserRow } from "../resources/user";
import type { TenantRow } from "../tenants";

/** Validated query (the endpoint's query schema output, or the raw strings when it has none). */
export type Query = Record<string, unknown>;
/** Validated path parameters. */
export type Params = Record<string, string>;
/** What the engine hands a handler for a field validated by `S`: `Handler<Input<typeof LoginRequest>>`. */
export type Input<S extends z.ZodType> = z.output<S>;

/** Everything a handler may use, for every endpoint. */
export interface BaseContext<B = unknown, Q = Query, P = Params> {
  sql: Sql;
  endpoint: Endpoint;
  /** Validated by endpoint.pathParams / query / body.schema before the handler runs. */
  params: P;
  query: Q;
  body: B;
  req: Request;
  /** Client IP: the socket's, or the hop TRUST_PROXY vouches for; "unknown" when neither can be known. */
  ip: string;
  /** The portal's public origin (lib/site/origin.ts: PORTAL_URL, an allowed Host, else the served address), for links in mails and redirects. */
  origin: string;
  now(): Date;
}

/** The context of an endpoint that takes an API key: the tenant is known, the user when a JWT was given. */
export interface HandlerContext<B = unknown, Q = Query, P = Params> extends BaseContext<B, Q, P> {
  tenant: TenantRow;
  keyKind: KeyKind;
  /** The access token's user: set whenever the endpoint's jwt rule is "required", and for "optional" when sent. */
  user: UserRow | null;
  userId: string | null;
  /** The session (refresh token jti) the access token belongs to. */
  sessionId: string | null;
  /** From X-Organization-Id, on endpoints that require it (membership already checked). */
  organizationId: string | null;
  membership: MembershipRow | null;
  /** Stores a mail of this tenant in the outbox. */
  outbox: { send(mail: Mail): Promise<void> };
}

/** An answer as data: JSON `body` (none for 204), optional headers. */
export interface SandboxResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Handlers answer data, or a ready Response (downloads, SSE, redirects), or throw ApiError. */
export type HandlerOutput = SandboxResult | Response;
export type HandlerReturn = HandlerOutput | Promise<HandlerOutput>;

// Method syntax makes the parameter bivariant, so `Handler<LoginBody>` fits in a HandlerMap.
export type Handler<B = unknown, Q = Query, P = Params> = { bivarianceHack(ctx: HandlerContext<B, Q, P>): HandlerReturn }["bivarianceHack"];

/** For endpoints without an API key (`auth.keys: []`): the handler finds the tenant itself (from a token). */
export interface KeylessHandler<B = unknown, Q = Query, P = Params> {
  keyless: true;
  handle: { bivarianceHack(ctx: BaseContext<B, Q, P>): HandlerReturn }["bivarianceHack"];
}

/** Endpoint id (`authentication.login`) → handler. */
export type HandlerMap = Record<string, Handler | KeylessHandler>;
