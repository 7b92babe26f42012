import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { OutboxReader } from "@/components/sandbox/outbox-reader";

export const metadata: Metadata = {
  title: "Sandbox outbox",
  description:
    "Mail the sandbox would have sent (verification, password reset, invitations), read with your tenant's secret key.",
  robots: { index: false },
};

/** The sandbox outbox: a static page; the mail is read in the browser with the key the visitor enters. */
export default function OutboxPage() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10 sm:px-8">
      <p className="text-sm">
        <Link href="/sandbox" className="text-blue-700 underline dark:text-blue-400">
          ← Sandbox
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-zinc-900 dark:text-white">Sandbox outbox</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        Mail the sandbox would have sent (email verification, password reset, invitations), newest first, with each link
        and token. Links lead to this portal&apos;s pages, which do what your app&apos;s pages would. As JSON:{" "}
        <code className="font-mono text-sm wrap-anywhere">
          curl -H &quot;Accept: application/json&quot; -H &quot;X-API-Key: sk_live_…&quot; /sandbox/outbox
        </code>
      </p>
      <OutboxReader jsonPath="/sandbox/outbox" demoPath="/sandbox/demo" />
    </main>
  );
}
