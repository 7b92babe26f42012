/** One step of the worked example on /mcp and /mcp.md: a tool call and what it answers. */
export interface WalkthroughStep {
  tool: string;
  args: Record<string, unknown>;
  answer: string;
}

const PK = "pk_live_…";

/** The worked example of the sandbox tools: a verified sign-up and a signed-in request, by tool calls only. */
export const SANDBOX_WALKTHROUGH: readonly WalkthroughStep[] = [
  {
    tool: "create_sandbox_tenant",
    args: { email_verification: true },
    answer: "tenant_id, public_key (pk_live_…), secret_key (sk_live_…), expires_at and the sandbox base URL",
  },
  {
    tool: "call_sandbox",
    args: {
      method: "POST",
      path: "/v1/auth/register",
      api_key: PK,
      body: { email: "ada@example.com", password: "SecurePass123" },
    },
    answer: '201 Created, {"message": "…", "verification_required": true}: the sandbox mailed a token',
  },
  {
    tool: "read_sandbox_outbox",
    args: { secret_key: "sk_live_…", kind: "verification" },
    answer: "the verification mail to ada@example.com, with its token and link",
  },
  {
    tool: "call_sandbox",
    args: { method: "POST", path: "/v1/auth/verify-email", api_key: PK, body: { token: "<the mailed token>" } },
    answer: "200 OK, Email verified successfully",
  },
  {
    tool: "call_sandbox",
    args: {
      method: "POST",
      path: "/v1/auth/login",
      api_key: PK,
      body: { email: "ada@example.com", password: "SecurePass123" },
    },
    answer: "200 OK with access_token, refresh_token and the user",
  },
  {
    tool: "call_sandbox",
    args: { method: "GET", path: "/v1/auth/me", api_key: PK, access_token: "<access_token>" },
    answer: "200 OK, the signed-in user; without access_token: 401 Not authenticated, as the API answers",
  },
];

/** A step as one line of JSON, as an assistant would send it. */
export const stepCall = (s: WalkthroughStep) => `${s.tool} ${JSON.stringify(s.args)}`;
