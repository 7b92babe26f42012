import "server-only";
import { z } from "zod";
import type { ApiError } from "@/lib/sandbox/errors";
import type { MailKind } from "@/lib/sandbox/outbox";
import { mcpClientAddress } from "../client-address";
import { portalUrl } from "@/lib/site/origin";
import { MAX_ANSWER_CHARS } from "../config";
import { defineLiveTool, type LiveToolHints } from "../live-tool";
import { answerOf, SandboxAnswer } from "../sandbox/answer";
import { CallError, CallSandboxInput, sandboxCall } from "../sandbox/request";
import { toolError } from "../tool";

/** lib/sandbox, loaded on the first sandbox call (see runtime.ts). */
const sandbox = () => import("../sandbox/runtime");

/** Where the tools' requests go: this portal's sandbox, in process. Never SAAS_API_URL or any other URL. */
const sandboxBase = () => `${portalUrl()}/sandbox`;

const WRITES: LiveToolHints = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
};
const READS: LiveToolHints = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/** An ApiError's detail as one line, for a tool error. */
const detailOf = (e: ApiError) => (typeof e.detail === "string" ? e.detail : JSON.stringify(e.detail));

export const createSandboxTenant = defineLiveTool({
  name: "create_sandbox_tenant",
  title: "Create a sandbox tenant",
  description: `Creates a tenant of your own in the portal's sandbox (a stateful copy of the API on the portal, with no real users, mail or payments): its public key (pk_live_…, for end-user endpoints) and secret key (sk_live_…, for read_sandbox_outbox), valid for a limited time. Then call endpoints with call_sandbox and read the mails the sandbox "sends" with read_sandbox_outbox.
email_verification: true makes register answer verification_required and mail a token, as tenants that require verification do.`,
  input: z.object({
    email_verification: z.boolean().default(false).describe("Require email verification before login (default false)"),
  }),
  output: z.object({
    tenant_id: z.string(),
    public_key: z.string(),
    secret_key: z.string(),
    email_verification: z.boolean(),
    expires_at: z.string().nullable(),
    sandbox_base_url: z.string(),
    demo_user: z.object({ email: z.string(), password: z.string() }).nullable(),
  }),
  hints: WRITES,
  async run({ email_verification }) {
    const { createTenantFor, ApiError } = await sandbox();
    try {
      const tenant = await createTenantFor(mcpClientAddress(), async () => ({ email_verification }));
      const base = `${sandboxBase()}`;
      const out = { ...tenant, sandbox_base_url: base, demo_user: null };
      return {
        text: [
          `# Sandbox tenant ${tenant.tenant_id}`,
          "",
          `- Public key (X-API-Key for end-user endpoints): ${tenant.public_key}`,
          `- Secret key (read_sandbox_outbox; never in a frontend): ${tenant.secret_key}`,
          `- Email verification: ${tenant.email_verification ? "required (register mails a token)" : "off"}`,
          `- Expires: ${tenant.expires_at ?? "never"}`,
          `- Base URL: ${base} (requests go to ${base}/v1/...)`,
          "",
          "The tenant has no users yet: register one with call_sandbox POST /v1/auth/register, then log in with POST /v1/auth/login.",
        ].join("\n"),
        structured: out,
      };
    } catch (e) {
      if (e instanceof ApiError)
        return toolError(
          `The sandbox refused: ${e.status} ${detailOf(e)}${e.headers?.["Retry-After"] ? ` (retry after ${e.headers["Retry-After"]} s)` : ""}`,
        );
      throw e;
    }
  },
});

export const callSandbox = defineLiveTool({
  name: "call_sandbox",
  title: "Call the sandbox API",
  description: `Runs one request against your sandbox tenant (create_sandbox_tenant) through the very engine that answers the portal's /sandbox/v1: the same validation, auth rules, rate limits and tenant isolation as the documented API.
Give method and path (/v1/...: concrete, or a template whose {organization_id} comes from organization_id), api_key, and as needed access_token (Authorization: Bearer), organization_id (X-Organization-Id), query, body (JSON) or file (uploads).
The answer is the status, the headers a client acts on and the body: JSON pretty-printed, a download as its size, type and first bytes, a stream as its events. A 4xx is an ordinary answer showing the API's error body. Only sandbox paths are accepted: no URLs, hosts or "..".`,
  input: CallSandboxInput,
  output: SandboxAnswer,
  hints: WRITES,
  async run(args) {
    const { handleSandboxRequest } = await sandbox();
    let call;
    try {
      call = sandboxCall(args, sandboxBase());
    } catch (e) {
      if (e instanceof CallError) return toolError(e.message);
      throw e;
    }
    const response = await handleSandboxRequest(call.request, { ip: mcpClientAddress() });
    const query = new URL(call.request.url).search;
    return answerOf(
      `${call.endpoint.method} ${new URL(call.request.url).pathname.replace(/^\/sandbox/, "")}${query}`,
      response,
    );
  },
});

const MAIL_KINDS = ["verification", "password_reset", "invitation"] as const satisfies readonly MailKind[];

export const readSandboxOutbox = defineLiveTool({
  name: "read_sandbox_outbox",
  title: "Read the sandbox outbox",
  description:
    "The mails your sandbox tenant would have sent (email verification, password reset, organization invitation), newest first, with their tokens and links: use the token with call_sandbox (e.g. POST /v1/auth/verify-email). Needs the tenant's secret key (sk_live_…).",
  input: z.object({
    secret_key: z.string().trim().min(1).max(200).describe("The tenant's secret key, sk_live_…"),
    to: z.string().trim().min(1).max(320).optional().describe("Only mails to this address"),
    kind: z.enum(MAIL_KINDS).optional().describe("Only mails of this kind"),
  }),
  output: z.object({
    messages: z.array(
      z.object({
        to: z.string(),
        kind: z.string(),
        subject: z.string(),
        body: z.string(),
        token: z.string().nullable(),
        link: z.string().nullable(),
        created_at: z.string(),
      }),
    ),
  }),
  hints: READS,
  async run({ secret_key, to, kind }) {
    const { ApiError, getStore, listMail, requireApiKey, shownMail } = await sandbox();
    const sql = await getStore();
    let tenantId: string;
    try {
      // The sandbox's own key check: a live tenant's secret key, else its 401/403 detail.
      tenantId = (
        await requireApiKey(
          sql,
          new Request(`${sandboxBase()}/outbox`, { headers: { "x-api-key": secret_key } }),
          ["secret"],
          new Date(),
        )
      ).tenant.id;
    } catch (e) {
      if (e instanceof ApiError)
        return toolError(
          `${detailOf(e)}: read_sandbox_outbox takes the secret key (sk_live_…) of a live sandbox tenant, as create_sandbox_tenant gave it.`,
        );
      throw e;
    }
    const wanted = to?.toLowerCase();
    const messages = (await listMail(sql, tenantId))
      .filter((m) => (!wanted || m.to.toLowerCase() === wanted) && (!kind || m.kind === kind))
      .map(shownMail);
    const text = messages.length
      ? `# Outbox (${messages.length}, newest first)\n\n${messages
          .map(
            (m) =>
              `## ${m.subject}\nTo: ${m.to} · kind: ${m.kind} · ${m.created_at}\n${m.token ? `Token: ${m.token}\n` : ""}${m.link ? `Link: ${m.link}\n` : ""}\n${m.body}`,
          )
          .join("\n\n")}`
      : `No mails${to ? ` to ${to}` : ""}${kind ? ` of kind ${kind}` : ""} yet. Register (with email_verification on), ask for a password reset or invite a member to get one.`;
    return {
      text:
        text.length > MAX_ANSWER_CHARS
          ? `${text.slice(0, MAX_ANSWER_CHARS - 200)}\n…\n\n_Cut: pass to or kind for fewer mails._`
          : text,
      structured: { messages },
    };
  },
});
