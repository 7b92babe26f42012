import type { Metadata } from "next";
import { denyConsent, readConsent } from "@/lib/sandbox-pages/oauth-consent";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in with Google (sandbox)", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The sandbox's stand-in for Google's consent screen: pick who signs in, or cancel. */
export default async function GoogleConsentPage({ searchParams }: { searchParams: Search }) {
  const query = await searchParams;
  const state = typeof query.state === "string" ? query.state : "";
  const consent = state ? await readConsent(state) : null;
  const cancel = consent ? await denyConsent(state) : null;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-white">Sign in with Google</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Sandbox consent screen: nothing is sent to Google. Choose the email of the user to sign in as; the sandbox
        creates that user in the tenant if needed and returns to your app with the tokens in the URL fragment.
      </p>
      {!consent || !cancel ? (
        <p
          role="alert"
          className="mt-6 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          This sign-in link is invalid or has expired (links last 10 minutes). Start again from your app.
        </p>
      ) : (
        <form method="post" action="/sandbox/oauth/google/continue" className="mt-6 space-y-4">
          <input type="hidden" name="state" value={state} />
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <strong>{consent.tenantName}</strong> will receive your tokens at{" "}
            <code className="font-mono text-xs break-all">{consent.redirectUri}</code>.
          </p>
          <label className="block text-sm">
            Email
            <input
              name="email"
              type="email"
              required
              defaultValue="google.user@example.com"
              className="mt-1 block w-full rounded border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
          <label className="block text-sm">
            Name
            <input
              name="name"
              defaultValue="Google User"
              className="mt-1 block w-full rounded border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
          {query.invalid === "email" && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              Enter a valid email address.
            </p>
          )}
          <div className="flex items-center gap-3">
            <button
              type="submit"
              className="rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700"
            >
              Continue as sandbox user
            </button>
            <a
              href={cancel}
              className="text-sm text-zinc-600 underline hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
            >
              Cancel
            </a>
          </div>
        </form>
      )}
    </main>
  );
}
