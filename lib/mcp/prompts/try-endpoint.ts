import { type Endpoint, getEndpoint } from "@/lib/catalog";
import { authSummary } from "@/lib/catalog/headers";

/** The first example body the catalog gives an endpoint, if any (files are left to the caller). */
function exampleBody(e: Endpoint | undefined): string | null {
  const value = e?.body?.examples?.[0]?.value;
  if (value === undefined || e?.body?.contentType === "multipart/form-data") return null;
  return JSON.stringify(value);
}

/**
 * The try-endpoint prompt's text: the tool calls that create a sandbox tenant, get a token (and an organization)
 * when the endpoint needs them, and call the endpoint, with the catalog's own examples.
 */
export function tryEndpointText(e: Endpoint): string {
  const keyKind = e.auth.keys.includes("public") ? "public_key" : "secret_key";
  const needsUser = e.auth.jwt !== "none";
  const needsOrg = e.auth.organizationHeader === true || e.path.includes("{organization_id}");
  const register =
    exampleBody(getEndpoint("authentication.register")) ??
    '{"email": "ada@example.com", "password": "SecurePass123", "full_name": "Ada"}';
  const createOrg = exampleBody(getEndpoint("organizations.create")) ?? '{"name": "My Company", "slug": "my-company"}';
  const body = exampleBody(e);
  const steps: string[] = [
    "1. Call create_sandbox_tenant with {} and keep its public_key and secret_key (the tenant is yours alone and expires on its own).",
  ];
  if (needsUser) {
    steps.push(
      `${steps.length + 1}. Call call_sandbox with method POST, path /v1/auth/register, api_key: the public_key, body: ${register}. Its answer carries access_token (if it says verification_required, read_sandbox_outbox with the secret_key, POST /v1/auth/verify-email with the mailed token, then POST /v1/auth/login).`,
    );
  }
  if (needsOrg) {
    steps.push(
      `${steps.length + 1}. Call call_sandbox with method POST, path /v1/organizations, api_key: the public_key, access_token, body: ${createOrg}. Keep the id it answers as organization_id.`,
    );
  }
  const args = [
    `method ${e.method}`,
    `path ${e.path}`,
    `api_key: the ${keyKind}`,
    ...(needsUser ? ["access_token"] : []),
    ...(needsOrg ? ["organization_id"] : []),
  ];
  const fill = /\{(?!organization_id\})\w+\}/.test(e.path)
    ? " Replace the other {placeholders} in the path with real ids from earlier answers (list or create the resource first)."
    : "";
  const upload =
    e.body?.contentType === "multipart/form-data"
      ? ' Pass the file as file: {"filename": "notes.txt", "content_type": "text/plain", "text": "hello"}.'
      : "";
  steps.push(
    `${steps.length + 1}. Call call_sandbox with ${args.join(", ")}${body ? `, body: ${body}` : ""}.${fill}${upload}`,
  );
  steps.push(
    `${steps.length + 1}. Read the answer: status, headers and body. Compare them with get_endpoint_details for ${e.method} ${e.path}; a 4xx shows the API's error body: fix the request and call again.`,
  );
  return [
    `Try ${e.method} ${e.path} (${e.summary}) in the portal's sandbox, by tool calls, before writing code that depends on it.`,
    `Auth: ${authSummary(e)}.`,
    "",
    ...steps,
    "",
    "Use only these sandbox tools for requests (never a real API URL), and never put the secret key in frontend code.",
  ].join("\n");
}
