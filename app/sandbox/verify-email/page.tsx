import type { Metadata } from "next";
import { VerifyEmailButton } from "@/components/sandbox/verify-email-button";

export const metadata: Metadata = { title: "Verify email (sandbox)", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where sandbox verification links lead when register had no return_to: your app's page would be here. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Search }) {
  const { token } = await searchParams;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-white">Verify email</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Your app&apos;s verification page would read the token from the link and call{" "}
        <code className="font-mono">POST /v1/auth/verify-email-with-token</code>, which needs no API key. This page does it for you.
      </p>
      {typeof token === "string" && token ? (
        <VerifyEmailButton token={token} />
      ) : (
        <p role="alert" className="mt-6 text-sm text-red-700 dark:text-red-300">
          The link has no token.
        </p>
      )}
    </main>
  );
}
