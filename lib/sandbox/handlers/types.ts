import type { CatalogEndpoint, EndpointById, EndpointId, HandlerTypesOf, KeyKind } from "@/lib/catalog";
import type { Sql } from "../db/sql";
import type { Mail } from "../outbox";
import type { MembershipRow } from "../resources/membership";
import type { UserRow } from "../resources/user";
import type { TenantRow } from "../tenants";
import type { ValidationIssue } from "../validation";

/** What the catalog says about endpoint `Id`'s handler: its input types and the errors it documents. */
type Types<Id extends EndpointId> = HandlerTypesOf<EndpointById[Id]>;
type Errors<Id extends EndpointId> = Types<Id>["errors"];

/** A status endpoint `Id` documents (or implies) among its errors. */
export type ErrorStatus<Id extends EndpointId> = Errors<Id>["status"];
/** The details endpoint `Id` documents for `status`. */
export type ErrorDetail<Id extends EndpointId, S> = Extract<Errors<Id>, { status: S }>["detail"];

/**
 * Raises an error endpoint `Id` documents: `ctx.fail(404)` answers the catalog's (first) detail for 404,
 * `ctx.fail(404, "Plan not found")` picks one of its documented 404 details. A status or detail the
 * endpoint does not document is a type error. A 422 may carry its own list of field errors.
 */
export type Fail<Id extends EndpointId> = <S extends ErrorStatus<Id>>(
  status: S,
  detail?: ErrorDetail<Id, S> | (S extends 422 ? ValidationIssue[] : never),
  headers?: Record<string, string>,
) => never;

/** Everything a handler may use, for every endpoint. */
export interface BaseContext {
  sql: Sql;
  req: Request;
  /** Client IP: the socket's, or the hop TRUST_PROXY vouches for; "unknown" when neither can be known. */
  ip: string;
  /** The portal's public origin (lib/site/origin.ts: PORTAL_URL, an allowed Host, else the served address), for links in mails and redirects. */
  origin: string;
  now(): Date;
}

/** What an endpoint that takes an API key adds: the tenant is known, the user when a JWT was given. */
export interface TenantContext extends BaseContext {
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

/** Input validated by the endpoint's own catalog schemas before the handler runs, typed by their output. */
export interface InputContext<Id extends EndpointId> {
  endpoint: EndpointById[Id];
  params: Types<Id>["params"];
  query: Types<Id>["query"];
  body: Types<Id>["body"];
  fail: Fail<Id>;
}

/** The context of endpoint `Id`'s handler; endpoints without API key (`auth.keys: []`) have no tenant context. */
export type HandlerContext<Id extends EndpointId> = InputContext<Id> &
  (Types<Id>["keyless"] extends true ? BaseContext : TenantContext);

/** An answer as data: JSON `body` (none for 204), optional headers. */
export interface SandboxResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Handlers answer data, or a ready Response (downloads, SSE, redirects), or raise an error with `ctx.fail`. */
export type HandlerOutput = SandboxResult | Response;

/** The context as the engine builds it at run time, before any endpoint's types are known. */
export interface EngineContext extends BaseContext, Partial<Omit<TenantContext, keyof BaseContext>> {
  endpoint: CatalogEndpoint;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  fail: (status: number, detail?: string | ValidationIssue[], headers?: Record<string, string>) => never;
}

/** A registered handler: the endpoint id it answers and its function, as the engine calls it. */
export interface RegisteredHandler<Id extends EndpointId = EndpointId> {
  readonly id: Id;
  readonly handle: (ctx: EngineContext) => Promise<HandlerOutput>;
}

/**
 * What a helper shared by several handlers needs of their context to raise `status` with `detail`: only the context
 * of an endpoint that documents that error fits (`Raises<404, "Plan not found"> & Raises<409, "...">` for more).
 */
export interface Raises<S extends number, D extends string | ValidationIssue[]> {
  fail: (status: S, detail: D) => never;
}

/** The validated body of endpoint `Id`, for a helper shared by handlers: `BodyOf<"usage.check">`. */
export type BodyOf<Id extends EndpointId> = Types<Id>["body"];
