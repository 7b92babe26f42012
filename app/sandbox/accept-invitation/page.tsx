import type { Metadata } from "next";
import { AcceptInvitation } from "@/components/sandbox/accept-invitation";
import { sandboxPath } from "@/lib/sandbox-pages/endpoint-paths";
import { publicKeyForMailToken } from "@/lib/sandbox-pages/mail-pages";

export const metadata: Metadata = { title: "Accept invitation (sandbox)", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where sandbox invitation links lead: the invitation page your app would show, working against the sandbox. */
export default async function AcceptInvitationPage({ searchParams }: { searchParams: Search }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const apiKey = await publicKeyForMailToken("invitation", value);
  const paths = {
    details: sandboxPath("organizations.get-invitation").replace("{invitation_token}", "{token}"),
    accept: sandboxPath("organizations.accept-invitation"),
    reject: sandboxPath("organizations.reject-invitation"),
    login: sandboxPath("authentication.login"),
  };
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-white">Accept invitation</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This page stands in for your app&apos;s invitation page: it shows the invitation, then accepts it as the invited
        user (after their login) or declines it, with the documented endpoints and the tenant&apos;s public key.
      </p>
      {apiKey ? (
        <AcceptInvitation token={value} apiKey={apiKey} paths={paths} />
      ) : (
        <p role="alert" className="mt-6 text-sm text-red-700 dark:text-red-300">
          {value ? "This link's token is unknown, or its sandbox tenant has expired." : "The link has no token."}
        </p>
      )}
    </main>
  );
}
