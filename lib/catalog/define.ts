import type { z } from "zod";
import { type IMPLIED_DETAIL, impliedErrors, mergeErrors } from "./errors";
import type { AuthRule, CategoryId, Conflict, Endpoint, ErrorSpec, RateLimit, RequestBody } from "./types";

type ErrorInput = Omit<ErrorSpec, "source"> & { source?: ErrorSpec["source"] };

export type EndpointInput = Omit<Endpoint, "id" | "errors" | "notes" | "keywords" | "conflicts"> & {
  /** Errors the seed documents or that are specific to this endpoint (404 details, 409, 402 ...). Auth, 422 and 429 errors are implied. */
  errors?: readonly ErrorInput[];
  notes?: string[];
  keywords?: string[];
  conflicts?: Conflict[];
};

/** One error an endpoint documents or implies, as a type: its status and `detail`. */
export interface DocumentedError {
  status: number;
  detail: string;
}

/** What a sandbox handler of an endpoint receives (the output of its zod schemas) and which errors it may answer. */
export interface HandlerTypes {
  /** The endpoint takes no API key (`auth.keys: []`): its handler finds the tenant itself. */
  keyless: boolean;
  params: unknown;
  query: unknown;
  body: unknown;
  errors: DocumentedError;
}

declare const handlerTypes: unique symbol;

/** An endpoint that keeps its literal id and, as types only, what its handler receives and may raise. */
export interface TypedEndpoint<Id extends string, T extends HandlerTypes> extends Endpoint {
  id: Id;
  /** Never set at run time: carries `T` for `HandlerTypesOf`. */
  readonly [handlerTypes]?: T;
}

export type HandlerTypesOf<E> = E extends TypedEndpoint<string, infer T> ? T : never;

type Err<S extends number, D extends string> = { status: S; detail: D };
type D = typeof IMPLIED_DETAIL;

/** The type-level twin of `impliedErrors` (lib/catalog/errors.ts): the same rules, read from the literal types of the input. */
type ImpliedErrors<
  A extends AuthRule,
  Path extends string,
  HasParams extends boolean,
  Validates extends boolean,
  Limited extends boolean,
> =
  | ([A["keys"][number]] extends [never] ? never : Err<401, D["keyRequired"] | D["keyInvalid"]>)
  | (A["keys"] extends readonly ["secret"] ? Err<403, D["secretKeyRequired"]> : never)
  | ("public" extends A["keys"][number] ? Err<403, D["originNotAllowed"]> : never)
  | (A["jwt"] extends "required" ? Err<401, D["notAuthenticated"]> : never)
  | (A["jwt"] extends "none" ? never : Err<401, D["invalidToken"]>)
  | (A["jwt"] extends "required"
      ? Path extends `${string}{organization_id}${string}`
        ? Err<403, D["notMember"]>
        : never
      : never)
  | (A extends { organizationHeader: true } ? Err<422, D["organizationHeader"]> | Err<403, D["notMember"]> : never)
  | (A extends { permission: string } | { roles: readonly string[] } ? Err<403, D["insufficientPermissions"]> : never)
  | (HasParams extends true ? Err<404, D["notFound"]> : never)
  | (Validates extends true ? Err<422, D["validation"]> : never)
  | (Limited extends true ? Err<429, D["tooManyRequests"]> : never);

/** `{status, detail}` of each documented error, one union member per error (so a status keeps its own details). */
type Documented<E> = E extends { status: infer S extends number; detail: infer T extends string } ? Err<S, T> : never;

type Present<T> = [T] extends [never] ? false : true;
type OutputOr<S, Fallback> = [S] extends [never] ? Fallback : S extends z.ZodType ? z.output<S> : Fallback;

const PUBLIC_KEY_CONFLICT: Conflict = {
  topic: "Public key scope",
  text: "The API overview says public keys (pk_live_*) are limited to authentication endpoints, yet this endpoint lists pk_live_* among its accepted keys. The portal documents the per-endpoint rule.",
};

/**
 * Completes an endpoint: id, implied errors, and the conflicts that follow from the seed's global statements.
 * The generics keep the literal id, the schemas and the errors' statuses and details, so the sandbox's
 * `defineHandler(id, ...)` is typed from them (lib/sandbox/handlers/define.ts).
 */
export function defineEndpoint<
  const Category extends CategoryId,
  const Slug extends string,
  const Path extends string,
  const Auth extends AuthRule,
  const Errors extends readonly ErrorInput[] = [],
  Params extends z.ZodObject = never,
  Query extends z.ZodObject = never,
  Body extends z.ZodType = never,
  Limit extends RateLimit = never,
>(
  input: Omit<
    EndpointInput,
    "category" | "slug" | "path" | "auth" | "pathParams" | "query" | "body" | "rateLimit" | "errors"
  > & {
    category: Category;
    slug: Slug;
    path: Path;
    auth: Auth;
    pathParams?: Params;
    query?: Query;
    body?: RequestBody<Body>;
    rateLimit?: Limit;
    errors?: Errors;
  },
): TypedEndpoint<
  `${Category}.${Slug}`,
  {
    keyless: [Auth["keys"][number]] extends [never] ? true : false;
    params: OutputOr<Params, Record<string, never>>;
    // Without a query schema the handler sees the raw strings (a repeated name gives a list).
    query: OutputOr<Query, Record<string, string | string[]>>;
    body: OutputOr<Body, undefined>;
    errors:
      | Documented<Errors[number]>
      | ImpliedErrors<Auth, Path, Present<Params>, Present<Params | Query | Body>, Present<Limit>>;
  }
> {
  const documented: ErrorSpec[] = (input.errors ?? []).map((e) => ({ ...e, source: e.source ?? "documented" }));
  const implied = impliedErrors({
    auth: input.auth,
    path: input.path,
    rateLimit: input.rateLimit,
    hasPathParams: input.pathParams !== undefined,
    validatesInput: input.body !== undefined || input.query !== undefined || input.pathParams !== undefined,
  });
  const conflicts = [...(input.conflicts ?? [])];
  if (input.category !== "authentication" && input.auth.keys.includes("public")) conflicts.push(PUBLIC_KEY_CONFLICT);
  return {
    ...input,
    id: `${input.category}.${input.slug}`,
    errors: mergeErrors(documented, implied),
    notes: input.notes ?? [],
    keywords: input.keywords ?? [],
    conflicts,
  };
}
