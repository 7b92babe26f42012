import type { Metadata } from "next";
import { VerifyEmail } from "@/components/sandbox/verify-email";
import { sandboxPath } from "@/lib/sandbox-pages/endpoint-paths";

export const metadata: Metadata = { title: "Verify email (sandbox)", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where sandbox verification links lead (unless register named an allowed return_to): verifies on open. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Search }) {
  const { token } = await searchParams;
  const action = sandboxPath("authentication.verify-email-with-token");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-white">Verify email</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This page stands in for your app&apos;s verification page: it reads the token from the link and calls{" "}
        <code className="font-mono wrap-anywhere">POST {action.replace(/^\/sandbox/, "")}</code>, which needs no API
        key.
      </p>
      {typeof token === "string" && token ? (
        <VerifyEmail token={token} action={action} />
      ) : (
        <p role="alert" className="mt-6 text-sm text-red-700 dark:text-red-300">
          The link has no token.
        </p>
      )}
    </main>
  );
}
