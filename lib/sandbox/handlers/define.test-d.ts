/**
 * Type tests, checked by `npm run typecheck` (tsc covers every .ts file): each `@ts-expect-error` line must be an
 * error, or tsc fails with "Unused '@ts-expect-error' directive". Nothing here runs.
 */
import { expectTypeOf } from "vitest";
import { defineHandler } from "./define";
import { ok } from "./helpers";
import type { Raises } from "./types";

// A wrong endpoint id.
// @ts-expect-error "organizations.get-organisation" is not a catalog endpoint id
defineHandler("organizations.get-organisation", () => ok(null));

defineHandler("organizations.create", (ctx) => {
  expectTypeOf(ctx.body.name).toEqualTypeOf<string>();
  expectTypeOf(ctx.body.description).toEqualTypeOf<string | undefined>();
  // @ts-expect-error CreateOrganizationRequest has no field "nmae"
  void ctx.body.nmae;
  // @ts-expect-error name is a string, not a number
  expectTypeOf(ctx.body.name).toEqualTypeOf<number>();
  return ok(null);
});

defineHandler("organizations.get", (ctx) => {
  expectTypeOf(ctx.params.organization_id).toEqualTypeOf<string>();
  // @ts-expect-error the path parameter is organization_id
  void ctx.params.organisation_id;
  // A GET without body schema has no body.
  expectTypeOf(ctx.body).toEqualTypeOf<undefined>();
  return ok(null);
});

defineHandler("organizations.pending-invitations", (ctx) => {
  expectTypeOf(ctx.query.email).toEqualTypeOf<string>();
  // @ts-expect-error the query parameter is email
  void ctx.query.emial;
  return ok(null);
});

defineHandler("organizations.check-usage", (ctx) => {
  // The schema's output: defaults applied and strings coerced to numbers.
  expectTypeOf(ctx.query.additional_messages).toEqualTypeOf<number>();
  return ok(null);
});

// Errors: by documented status, with the catalog's detail or one of the endpoint's documented details.
defineHandler("organizations.get", (ctx) => {
  if (Math.random() > 0.5) return ctx.fail(404);
  if (Math.random() > 0.5) return ctx.fail(404, "Organization not found");
  // @ts-expect-error organizations.get documents no 402
  if (Math.random() > 0.5) return ctx.fail(402);
  // @ts-expect-error "Plan not found" is not a 404 detail organizations.get documents
  if (Math.random() > 0.5) return ctx.fail(404, "Plan not found");
  // @ts-expect-error only a 422 carries a list of field errors
  return ctx.fail(404, [{ loc: ["path", "organization_id"], msg: "x", type: "value_error" }]);
});

// Endpoints without API key have no tenant context.
defineHandler("authentication.verify-email-with-token", (ctx) => {
  expectTypeOf(ctx.body.token).toEqualTypeOf<string>();
  // @ts-expect-error verify-email-with-token takes no API key, so there is no tenant
  void ctx.tenant;
  return ok(null);
});

// A helper shared by handlers takes only the context of an endpoint that documents the error it raises.
declare function requirePlan(ctx: Raises<404, "Plan not found">): void;
defineHandler("organizations.subscribe", (ctx) => {
  requirePlan(ctx);
  return ok(null);
});
defineHandler("organizations.get", (ctx) => {
  // @ts-expect-error organizations.get does not document 404 "Plan not found"
  requirePlan(ctx);
  return ok(null);
});
