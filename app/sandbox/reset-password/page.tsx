import type { Metadata } from "next";
import { CodeBlock } from "@/components/code-block";

export const metadata: Metadata = { title: "Reset password (sandbox)", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where sandbox password-reset links lead: your app's reset form would be here. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Search }) {
  const { token } = await searchParams;
  const value = typeof token === "string" && token ? token : "<token from the email>";
  const call = `curl -s -X POST /sandbox/v1/auth/reset-password \\
  -H "X-API-Key: pk_live_…" \\
  -H "Content-Type: application/json" \\
  -d '{"token": "${value}", "new_password": "NewSecurePass123"}'`;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-white">Reset password</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Your app&apos;s reset page would ask for a new password and send it with the token from this link (valid for 1 hour, once) to{" "}
        <code className="font-mono">POST /v1/auth/reset-password</code>, with your tenant&apos;s API key:
      </p>
      <div className="mt-4">
        <CodeBlock code={call} lang="bash" title="Reset the password" />
      </div>
    </main>
  );
}
