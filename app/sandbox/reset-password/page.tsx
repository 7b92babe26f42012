import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/sandbox/reset-password-form";
import { sandboxPath } from "@/lib/sandbox-pages/endpoint-paths";
import { publicKeyForMailToken } from "@/lib/sandbox-pages/mail-pages";

export const metadata: Metadata = { title: "Reset password (sandbox)", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where sandbox password-reset links lead: the reset form your app would show, working against the sandbox. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Search }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const apiKey = await publicKeyForMailToken("password_reset", value);
  const action = sandboxPath("authentication.reset-password");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-white">Reset password</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This page stands in for your app&apos;s reset page: it sends the new password with the token from the link
        (valid for 1 hour, once) to{" "}
        <code className="font-mono wrap-anywhere">POST {action.replace(/^\/sandbox/, "")}</code>, with the tenant&apos;s
        public key.
      </p>
      {apiKey ? (
        <ResetPasswordForm token={value} action={action} apiKey={apiKey} />
      ) : (
        <p role="alert" className="mt-6 text-sm text-red-700 dark:text-red-300">
          {value ? "This link's token is unknown, or its sandbox tenant has expired." : "The link has no token."} Ask
          for a new mail with forgot-password.
        </p>
      )}
    </main>
  );
}
