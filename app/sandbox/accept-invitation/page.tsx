import type { Metadata } from "next";
import { CodeBlock } from "@/components/code-block";

export const metadata: Metadata = { title: "Accept invitation (sandbox)", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where sandbox invitation links lead: your app's invitation page would be here. */
export default async function AcceptInvitationPage({ searchParams }: { searchParams: Search }) {
  const { token } = await searchParams;
  const valid = typeof token === "string" && token.length > 0;
  const call = valid
    ? `# 1. Who invited whom, and to what (no login needed)
curl /sandbox/v1/organizations/invitations/${token} -H "X-API-Key: pk_live_..."

# 2. Accept as the invited user (their access token), or reject without one
curl -X POST /sandbox/v1/organizations/accept-invitation \\
  -H "X-API-Key: pk_live_..." -H "Authorization: Bearer <access_token>" \\
  -H "Content-Type: application/json" -d '{"token":"${token}"}'`
    : "";
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-white">Accept invitation</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Your app&apos;s invitation page would read the token from the link, show the invitation with{" "}
        <code className="font-mono">GET /v1/organizations/invitations/{"{invitation_token}"}</code>, ask the user to log in or register with the
        invited email, then call <code className="font-mono">POST /v1/organizations/accept-invitation</code> (or{" "}
        <code className="font-mono">reject-invitation</code>).
      </p>
      {valid ? (
        <div className="mt-6">
          <CodeBlock code={call} lang="bash" title="The calls your page makes" />
        </div>
      ) : (
        <p role="alert" className="mt-6 text-sm text-red-700 dark:text-red-300">
          The link has no token.
        </p>
      )}
    </main>
  );
}
